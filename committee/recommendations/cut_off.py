"""What was true of the recommendations at a report's cut-off date.

A follow-up report is fixed when the meeting is recorded as held, which may be days after the
meeting began. Its cut-off is the meeting's first day (or the day it is fixed, if that comes
first): a status change decided after the cut-off is undone for the report, and a progress
update published after it is not the report's «last update».

The status history is the recommendation's status changes that took effect (confirmed, or in
effect with one key), by the time they were decided. Reads only; 2 queries, however many
recommendations there are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from committee.bilateral import Decision
from committee.recommendations.models import CLOSED, Completion, StatusChange

#: Decisions after which a status change is in force.
APPLIED = (Decision.CONFIRMED, Decision.EFFECTIVE)


def end_of(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` in the site's time zone: the cut-off's end."""
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def cut_off(meeting_start: dt.date | None, today: dt.date) -> dt.date:
    """A report's cut-off: the meeting's first day, unless the report is fixed before it."""
    return min(meeting_start, today) if meeting_start is not None else today


@dataclass(frozen=True)
class StateThen:
    status: str
    completion: str
    status_reason: str


def _reason(change: StatusChange) -> str:
    if change.to_status not in CLOSED:
        return ""
    successor = change.superseded_by
    return change.reason or (successor.reference if successor else "")


def states_at(day: dt.date, recommendations: Any) -> dict[int, StateThen]:
    """For each of ``recommendations`` (ids, or a QuerySet of them) whose status changed
    after ``day``: its status, completion and reason as they stood at the end of ``day``. The
    others are absent: their current values were already in force then."""
    until = end_of(day)
    later = list(
        StatusChange.objects.filter(
            recommendation__in=recommendations, decision__in=APPLIED, decided_at__gte=until
        )
        .order_by("recommendation_id", "decided_at", "pk")
        .values_list("recommendation_id", "from_status", "proposed_completion")
    )
    if not later:
        return {}
    first_later: dict[int, str] = {}
    completion_changed: set[int] = set()
    for recommendation, from_status, completion in later:
        first_later.setdefault(recommendation, from_status)
        if completion:
            completion_changed.add(recommendation)
    earlier = (
        StatusChange.objects.filter(
            recommendation__in=list(first_later), decision__in=APPLIED, decided_at__lt=until
        )
        .select_related("superseded_by")
        .order_by("recommendation_id", "decided_at", "pk")
    )
    last_before: dict[int, StatusChange] = {}
    completion_before: dict[int, str] = {}
    for change in earlier:
        last_before[change.recommendation_id] = change
        if change.proposed_completion:
            completion_before[change.recommendation_id] = change.proposed_completion
    states = {}
    for recommendation, status in first_later.items():
        before = last_before.get(recommendation)
        states[recommendation] = StateThen(
            status=status,
            # A completion set only after the cut-off was not known then: the last one set
            # before it, or none.
            completion=completion_before.get(recommendation, Completion.NONE)
            if recommendation in completion_changed
            else "",
            status_reason=_reason(before) if before is not None else "",
        )
    return states
