"""What is late, at a glance: how late one recommendation is, said the same way on every page,
and the overdue recommendations a reader may see, counted by lead side and by body.

"Overdue" is ``RecommendationQuerySet.overdue`` (open and past its due date) and, for one loaded
recommendation, ``Recommendation.is_overdue``; nothing here defines it again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import ngettext

from committee.bilateral import LeadSide
from committee.people.models import Viewer
from committee.recommendations.models import Recommendation, RecommendationQuerySet
from committee.subcommittees.models import Body

#: A lateness is said in days under a month, in months under two years, in years beyond.
MONTHS_BEFORE_YEARS = 24


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start`` to ``end`` (15 January to 14 March: one)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def overdue_by(recommendation: Recommendation, today: dt.date) -> str:
    """«overdue by 3 months», «متأخرة بـ3 أشهر», «con 3 meses de retraso»; empty when the
    recommendation is not overdue."""
    if not recommendation.is_overdue(today):
        return ""
    due = recommendation.due_date
    assert due is not None  # is_overdue says so
    months = months_between(due, today)
    if months < 1:
        days = (today - due).days
        return ngettext("overdue by %(count)d day", "overdue by %(count)d days", days) % {
            "count": days
        }
    if months < MONTHS_BEFORE_YEARS:
        return ngettext("overdue by %(count)d month", "overdue by %(count)d months", months) % {
            "count": months
        }
    years = months // 12
    return ngettext("overdue by %(count)d year", "overdue by %(count)d years", years) % {
        "count": years
    }


@dataclass(frozen=True)
class Tally:
    """One line of a breakdown: what it counts (a lead side's code, or a body) and how many."""

    key: str | int
    label: str
    count: int


@dataclass(frozen=True)
class Overdue:
    total: int
    by_lead: list[Tally] = field(default_factory=list)
    by_body: list[Tally] = field(default_factory=list)
    #: Overdue recommendations of bodies not listed, or of no body.
    elsewhere: int = 0


def overdue_summary(
    recommendations: RecommendationQuerySet, viewer: Viewer, today: dt.date, *, bodies: int = 3
) -> Overdue:
    """The overdue ones among ``recommendations`` (already ``visible_to(viewer)``): how many, by
    lead side, and in the ``bodies`` bodies with the most. Two queries whatever the volume."""
    rows = list(
        recommendations.overdue(today)
        .order_by()
        .values("lead_side", "body")
        .annotate(n=Count("pk"))
        .values_list("lead_side", "body", "n")
    )
    by_lead: dict[str, int] = {}
    by_body: dict[int | None, int] = {}
    for lead, body, n in rows:
        by_lead[lead] = by_lead.get(lead, 0) + n
        by_body[body] = by_body.get(body, 0) + n
    total = sum(by_lead.values())
    ranked = sorted(
        ((pk, n) for pk, n in by_body.items() if pk is not None),
        key=lambda item: (-item[1], item[0]),
    )[:bodies]
    names = (
        {
            body.pk: str(body.name)
            for body in Body.objects.visible_to(viewer).filter(pk__in=[pk for pk, _n in ranked])
        }
        if ranked
        else {}
    )
    listed = [Tally(pk, names[pk], n) for pk, n in ranked if pk in names]
    return Overdue(
        total=total,
        by_lead=[
            Tally(side.value, str(side.label), by_lead[side.value])
            for side in LeadSide
            if by_lead.get(side.value)
        ],
        by_body=listed,
        elsewhere=total - sum(tally.count for tally in listed),
    )
