"""How late a recommendation is, said the same way everywhere, with Arabic number agreement;
and cut on a word boundary when shown by its text."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from committee.public.templatetags.committee import excerpt
from committee.recommendations.models import Recommendation
from committee.recommendations.overdue import months_between, overdue_by

TODAY = dt.date(2026, 6, 15)


def rec(due: dt.date | None, status: str = "in_progress") -> Recommendation:
    return Recommendation(reference="X-1", due_date=due, status=status)


def before(months: int = 0, days: int = 0) -> dt.date:
    year, month = divmod(TODAY.year * 12 + TODAY.month - 1 - months, 12)
    return dt.date(year, month + 1, TODAY.day) - dt.timedelta(days=days)


def test_not_overdue_says_nothing():
    assert overdue_by(rec(None), TODAY) == ""
    assert overdue_by(rec(TODAY), TODAY) == ""  # due today is not late yet
    assert overdue_by(rec(before(months=3), status="implemented"), TODAY) == ""
    assert overdue_by(rec(before(months=3), status="superseded"), TODAY) == ""


def test_the_loaded_test_agrees_with_the_queryset_definition(db):
    from tests import factories as f

    for status in ("adopted", "in_progress", "on_hold", "implemented", "not_implemented"):
        for due in (None, TODAY, TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=1)):
            complete = "complete" if status == "implemented" else "none"
            reason = "Not done" if status == "not_implemented" else ""
            f.RecommendationFactory(
                status=status, completion=complete, status_reason=reason, due_date=due
            )
    overdue = set(Recommendation.objects.overdue(TODAY).values_list("pk", flat=True))
    assert overdue  # some are
    assert {r.pk for r in Recommendation.objects.all() if r.is_overdue(TODAY)} == overdue


def test_whole_months():
    assert months_between(dt.date(2026, 1, 15), dt.date(2026, 3, 14)) == 1
    assert months_between(dt.date(2026, 1, 15), dt.date(2026, 3, 15)) == 2
    assert months_between(dt.date(2025, 12, 31), dt.date(2026, 1, 30)) == 0


@pytest.mark.parametrize(
    ("due", "english"),
    [
        (before(days=1), "overdue by 1 day"),
        (before(days=12), "overdue by 12 days"),
        (before(months=1), "overdue by 1 month"),
        (before(months=3), "overdue by 3 months"),
        (before(months=23), "overdue by 23 months"),
        (before(months=24), "overdue by 2 years"),
        (before(months=17 * 12 + 5), "overdue by 17 years"),
    ],
)
def test_english(due, english):
    with translation.override("en"):
        assert overdue_by(rec(due), TODAY) == english


@pytest.mark.parametrize(
    ("months", "arabic"),
    [
        (1, "متأخرة بشهر واحد"),
        (2, "متأخرة بشهرين"),
        (3, "متأخرة بـ3 أشهر"),
        (10, "متأخرة بـ10 أشهر"),
        (11, "متأخرة بـ11 شهرًا"),
        (24, "متأخرة بسنتين"),
        (36, "متأخرة بـ3 سنوات"),
        (17 * 12, "متأخرة بـ17 سنة"),
    ],
)
def test_arabic_agrees_with_the_number(months, arabic):
    with translation.override("ar"):
        assert overdue_by(rec(before(months=months)), TODAY) == arabic


@pytest.mark.parametrize(
    ("months", "spanish"),
    [
        (1, "con 1 mes de retraso"),
        (3, "con 3 meses de retraso"),
        (36, "con 3 años de retraso"),
    ],
)
def test_spanish(months, spanish):
    with translation.override("es"):
        assert overdue_by(rec(before(months=months)), TODAY) == spanish


def test_arabic_days_agree_with_the_number():
    with translation.override("ar"):
        assert overdue_by(rec(before(days=1)), TODAY) == "متأخرة بيوم واحد"
        assert overdue_by(rec(before(days=2)), TODAY) == "متأخرة بيومين"
        assert overdue_by(rec(before(days=12)), TODAY) == "متأخرة بـ12 يومًا"


def test_an_excerpt_is_never_cut_inside_a_word():
    text = "Reforzar el intercambio de información operativa y estratégica entre ambas policías"
    for length in range(len("Reforzar"), len(text)):
        cut = excerpt(text, length)
        assert cut.endswith("…")
        kept = cut[:-1]
        assert len(kept) <= length
        assert text.startswith(kept)
        assert text[len(kept)] == " "  # the cut falls between two words
    assert excerpt(text, len(text)) == text
    arabic = "تعزيز تبادل المعلومات العملياتية والاستراتيجية بين الجهازين"
    assert excerpt(arabic, 20) == "تعزيز تبادل…"
    assert excerpt("Supercalifragilistic words", 5) == "Supercalifragilistic…"
