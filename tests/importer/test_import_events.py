"""Importing events that are not seminars, and seminars named with a hyphen after the seed."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.agreements.models import Agreement, Mechanism
from committee.importer.reading import Article
from committee.importer.services import import_article
from committee.meetings.models import Meeting
from committee.recommendations.models import Recommendation
from committee.sources.models import Citation
from tests.importer.conftest import PUBLISHED, article_file

pytestmark = pytest.mark.django_db


def test_a_hyphenated_report_of_the_seed_s_seminars_duplicates_neither(seed_article, no_memory):
    import_article(article=seed_article, published=PUBLISHED, memory=no_memory)
    seminars = {m.ordinal: m.pk for m in Meeting.objects.filter(kind="seminar")}
    assert set(seminars) == {1, 2}

    report = import_article(
        article=article_file("026_hyphenated_seminar_name.txt"),
        published=dt.date(2014, 3, 8),
        memory=no_memory,
    )

    after = {m.ordinal: m.pk for m in Meeting.objects.filter(kind="seminar")}
    assert after == {**seminars, 3: after[3]}, report.as_text()
    for ordinal in (1, 2):
        meeting = Meeting.objects.get(pk=seminars[ordinal])
        assert Citation.objects.of(meeting).values("source").distinct().count() == 2
    assert Meeting.objects.get(pk=after[3]).status == "planned"

    # Named in passing, with neither place nor date: only the whole name's ordinal matches it.
    visit = Article(
        text="مدريد - اختتم المدير العام للأمن الوطني اليوم الأربعاء زيارة عمل إلى إسبانيا، "
        "تمحورت حول تتبع تنفيذ توصيات الندوة المغربية-الإسبانية الأولى.",
        encoding="utf-8",
    )
    report = import_article(article=visit, published=dt.date(2014, 6, 11), memory=no_memory)
    assert {m.ordinal: m.pk for m in Meeting.objects.filter(kind="seminar")} == after, (
        report.as_text()
    )
    assert Meeting.objects.filter(kind="working_visit").count() == 1


def test_a_press_conference_and_a_working_visit_are_recorded_as_such(no_memory):
    import_article(
        article=article_file("027_press_conference_working_visit.txt"),
        published=dt.date(2021, 10, 19),
        memory=no_memory,
    )
    assert not Meeting.objects.filter(kind="seminar").exists()
    assert sorted(Meeting.objects.values_list("kind", flat=True)) == [
        "press_conference",
        "working_visit",
    ]
    conference = Meeting.objects.get(kind="press_conference")
    assert (conference.start_date, conference.city_es) == (dt.date(2021, 10, 19), "Madrid")


def test_a_joint_declaration_is_an_agreement_with_its_decisions(no_memory):
    import_article(
        article=article_file("025_joint_declaration_seven_decisions.txt"),
        published=dt.date(2019, 6, 13),
        memory=no_memory,
    )
    (declaration,) = Agreement.objects.all()
    assert declaration.signed_date == dt.date(2019, 6, 13)
    assert Recommendation.objects.count() == 6
    assert Recommendation.objects.filter(kind="standing").count() == 3


def test_an_inauguration_records_the_joint_centres(no_memory):
    import_article(
        article=article_file("028_inauguration_joint_centre.txt"),
        published=dt.date(2022, 4, 28),
        memory=no_memory,
    )
    assert Meeting.objects.get().kind == "inauguration"
    assert set(Mechanism.objects.values_list("kind", flat=True)) == {
        "police_cooperation_centre",
        "joint_police_station",
    }
