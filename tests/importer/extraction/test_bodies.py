"""Bodies named with a hyphen between their adjectives, and where their mandate stops."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.importer.extraction import extract

PUBLISHED = dt.date(2014, 6, 11)


def bodies(text: str):
    return extract(text, published=PUBLISHED).bodies


@pytest.mark.parametrize("dash", ["-", " – ", "—"])
def test_a_hyphenated_body_name_is_kept_whole(dash):
    (plain,) = bodies("عقدت اللجنة الأمنية الاستراتيجية المغربية اجتماعها الثالث اليوم بالرباط.")
    assert plain.name == "اللجنة الأمنية الاستراتيجية المغربية"
    (committee,) = bodies(
        f"عقدت اللجنة الأمنية الاستراتيجية المغربية{dash}الإسبانية اجتماعها الثالث اليوم بالرباط."
    )
    assert committee.name == f"اللجنة الأمنية الاستراتيجية المغربية{dash}الإسبانية"


def test_a_dash_before_other_words_does_not_join_them_to_the_name():
    (committee,) = bodies("اجتمعت اليوم بالرباط اللجنة الأمنية الاستراتيجية - وهي أعلى هيئة أمنية.")
    assert committee.name == "اللجنة الأمنية الاستراتيجية"


def test_a_mandate_stops_before_the_body_s_own_meeting():
    (subcommittee,) = bodies(
        "وعقدت اللجنة الفرعية المغربية – الإسبانية لمكافحة الإرهاب اجتماعها الأول بمدريد."
    )
    assert subcommittee.mandate == "مكافحة الإرهاب"
