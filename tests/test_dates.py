"""Dates read the way each reader writes them: day first, Moroccan month names in Arabic, and a
range that says its shared month and year once (committee/formats, committee/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import formats, translation

from committee.dates import format_partial, format_range

MASHRIQ = ("نوفمبر", "ديسمبر", "يوليو ", "أغسطس", "سبتمبر", "مايو", "كانون", "تشرين")
MOROCCAN = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
]
DAY = dt.date(2026, 12, 7)
MOMENT = dt.datetime(2026, 12, 7, 15, 30)


def _in(language: str, value: dt.date, format_name: str) -> str:
    with translation.override(language):
        return formats.date_format(value, format_name)


# --- What must not show ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "es", "fr", "en"])
@pytest.mark.parametrize("format_name", ["SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT"])
def test_no_language_writes_the_month_before_the_day(language, format_name):
    shown = _in(language, MOMENT, format_name)
    assert "12/07" not in shown and "2026/12" not in shown
    assert shown.startswith("07/12/2026")


@pytest.mark.parametrize(
    "format_name", ["DATE_FORMAT", "DATETIME_FORMAT", "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT"]
)
@pytest.mark.parametrize("month", range(1, 13))
def test_arabic_never_uses_the_mashriq_month_names(month, format_name):
    shown = _in("ar", dt.datetime(2026, month, 7, 9, 0), format_name)
    assert not any(name in shown + " " for name in MASHRIQ), shown
    assert MOROCCAN[month - 1] in shown


@pytest.mark.parametrize("letter", ["F", "E", "N", "M", "b"])
def test_every_form_of_the_month_name_is_moroccan_in_arabic(letter):
    for month in range(1, 13):
        assert _in("ar", dt.date(2026, month, 1), letter) == MOROCCAN[month - 1]


def test_arabic_short_dates_carry_no_right_to_left_marks_that_reverse_them():
    assert "\u200f" not in _in("ar", DAY, "SHORT_DATE_FORMAT")


def test_a_range_across_years_is_not_shortened():
    with translation.override("fr"):
        shown = format_range(dt.date(2013, 12, 30), "day", dt.date(2014, 1, 2), "day")
    assert shown == "30 décembre 2013 – 2 janvier 2014"


def test_a_range_of_dates_known_to_different_precisions_is_given_in_full():
    with translation.override("es"):
        shown = format_range(dt.date(2014, 3, 1), "month", dt.date(2014, 3, 20), "day")
    assert shown == "marzo de 2014 – 20 de marzo de 2014"


# --- What shows --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "date", "short", "moment"),
    [
        ("ar", "7 دجنبر 2026", "07/12/2026", "7 دجنبر 2026، 15:30"),
        ("es", "7 de diciembre de 2026", "07/12/2026", "7 de diciembre de 2026 a las 15:30"),
        ("fr", "7 décembre 2026", "07/12/2026", "7 décembre 2026 15:30"),
        ("en", "7 December 2026", "07/12/2026", "7 December 2026, 15:30"),
    ],
)
def test_each_language_writes_a_date_day_first(language, date, short, moment):
    assert _in(language, DAY, "DATE_FORMAT") == date
    assert _in(language, DAY, "SHORT_DATE_FORMAT") == short
    assert _in(language, MOMENT, "DATETIME_FORMAT") == moment
    assert _in(language, MOMENT, "SHORT_DATETIME_FORMAT") == "07/12/2026 15:30"


@pytest.mark.parametrize(
    ("language", "days", "across_months", "months"),
    [
        ("ar", "6–7 مارس 2014", "30 ماي – 2 يونيو 2014", "مارس – ماي 2014"),
        ("es", "6–7 de marzo de 2014", "30 de mayo – 2 de junio de 2014", "marzo – mayo de 2014"),
        ("fr", "6–7 mars 2014", "30 mai – 2 juin 2014", "mars – mai 2014"),
        ("en", "6–7 March 2014", "30 May – 2 June 2014", "March – May 2014"),
    ],
)
def test_a_range_says_its_shared_month_and_year_once(language, days, across_months, months):
    with translation.override(language):
        assert format_range(dt.date(2014, 3, 6), "day", dt.date(2014, 3, 7), "day") == days
        assert (
            format_range(dt.date(2014, 5, 30), "day", dt.date(2014, 6, 2), "day") == across_months
        )
        assert format_range(dt.date(2014, 3, 1), "month", dt.date(2014, 5, 1), "month") == months


def test_a_range_of_one_day_or_without_an_end_is_one_date():
    with translation.override("ar"):
        assert format_range(DAY, "day", DAY, "day") == "7 دجنبر 2026"
        assert format_range(DAY, "day", None, "") == "7 دجنبر 2026"
        assert format_range(None, "", None, "") == ""


@pytest.mark.parametrize(
    ("precision", "shown"), [("day", "7 نونبر 2013"), ("month", "نونبر 2013"), ("year", "2013")]
)
def test_a_partial_date_is_no_more_precise_than_known(precision, shown):
    with translation.override("ar"):
        assert format_partial(dt.date(2013, 11, 7), precision) == shown
