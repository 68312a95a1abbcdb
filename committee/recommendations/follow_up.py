"""Reading recommendations through the meeting cycle: carried over, decided, reported.

- ``follow_up`` — for a planned meeting, every open recommendation the reader may see, with its
  status, completion and last update, grouped by responsible body (the agenda's «follow-up of
  previous recommendations»).
- ``report`` — a frozen report as one reader may see it (the report is written once, when the
  meeting is held, by ``committee.recommendations.services.freeze_report``).
- ``with_history`` — recommendations with the meetings that adopted or reiterated them, for
  «adopted 2014, reiterated 2015».

Reads only. Each runs a fixed number of queries, however many recommendations there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from committee.bilateral import Visibility
from committee.meetings.models import Meeting
from committee.recommendations.models import (
    Adoption,
    FollowUpReport,
    ProgressUpdate,
    Recommendation,
    ReportEntry,
)
from committee.recommendations.successors import hidden_references, without

if TYPE_CHECKING:
    from committee.people.models import Viewer
    from committee.subcommittees.models import Body

#: What a joint report may quote of the progress updates: what both delegations share.
SHARED = (Visibility.PUBLIC, Visibility.COMMITTEE)


def as_of(meeting: Meeting) -> dt.date:
    """The day a meeting's follow-up is taken at: its first day, else today."""
    return meeting.start_date or timezone.localdate()


def on_record_by(meeting: Meeting) -> Q:
    """Recommendations the meeting could follow up: adopted or reiterated at it or at a meeting
    before it (or at one of unknown date), and those whose adoption is not recorded at all.

    Said the other way round — all but those adopted only at meetings after it — so that
    PostgreSQL answers it from one small hashed subquery (the adoptions at later meetings)
    instead of two subqueries per recommendation: 60 ms instead of 350–500 ms for a planned
    meeting at 100,000 recommendations.
    """
    earlier = Q(meeting=meeting)
    later = Adoption.objects.exclude(meeting=meeting)
    if meeting.start_date is not None:
        earlier |= Q(meeting__start_date__lte=meeting.start_date)
        earlier |= Q(meeting__start_date__isnull=True)
        later = later.filter(meeting__start_date__gt=meeting.start_date)
    also_earlier = Adoption.objects.filter(recommendation=OuterRef("recommendation")).filter(
        earlier
    )
    only_later = later.filter(~Exists(also_earlier))
    return ~Q(pk__in=only_later.values("recommendation"))


def with_history(
    recommendations: QuerySet[Recommendation], viewer: Viewer
) -> QuerySet[Recommendation]:
    """Recommendations with ``history``: their adoptions at meetings the reader may see, in
    the order of the meetings (one query more, whatever their number)."""
    return recommendations.prefetch_related(
        Prefetch(
            "adoptions",
            Adoption.objects.filter(meeting__in=Meeting.objects.visible_to(viewer))
            .select_related("meeting")
            .order_by("meeting__start_date", "meeting__pk"),
            to_attr="history",
        )
    )


# --- Carry-over ---------------------------------------------------------------------------------


@dataclass
class FollowUpItem:
    recommendation: Recommendation
    last_update: ProgressUpdate | None


@dataclass
class BodyGroup:
    body: Body | None
    items: list[FollowUpItem] = field(default_factory=list)


def _grouped[T](rows: Iterable[T], body_of: Any) -> list[tuple[Body | None, list[T]]]:
    """Rows by responsible body, bodies in the order of their names, «no body» last."""
    groups: dict[int | None, tuple[Body | None, list[T]]] = {}
    for row in rows:
        body = body_of(row)
        groups.setdefault(body.pk if body else None, (body, []))[1].append(row)
    return sorted(
        groups.values(), key=lambda group: (group[0] is None, str(getattr(group[0], "name", "")))
    )


def open_on_record(meeting: Meeting, viewer: Viewer) -> QuerySet[Recommendation]:
    """The open recommendations ``viewer`` may see that a planned ``meeting`` follows up."""
    return (
        Recommendation.objects.visible_to(viewer)
        .open()
        .filter(on_record_by(meeting))
        .exclude(adoptions__meeting=meeting)
    )


def follow_up(meeting: Meeting, viewer: Viewer, *, limit: int | None = None) -> list[BodyGroup]:
    """Every open recommendation ``viewer`` may see as of ``meeting`` (the first ``limit`` by
    reference, when given), by body (3 queries)."""
    day = as_of(meeting)
    updates = (
        ProgressUpdate.objects.visible_to(viewer)
        .published()
        .filter(recommendation=OuterRef("pk"), as_of__lte=day)
        .order_by("-as_of", "-pk")
    )
    recommendations = list(
        with_history(
            open_on_record(meeting, viewer)
            .select_related("body")
            .annotate(last_update_id=Subquery(updates.values("pk")[:1]))
            .order_by("reference")[:limit],
            viewer,
        )
    )
    wanted = [r.last_update_id for r in recommendations if r.last_update_id]  # type: ignore[attr-defined]
    latest = ProgressUpdate.objects.in_bulk(wanted) if wanted else {}
    items = [
        FollowUpItem(r, latest.get(r.last_update_id))  # type: ignore[attr-defined]
        for r in recommendations
    ]
    return [
        BodyGroup(body, rows) for body, rows in _grouped(items, lambda i: i.recommendation.body)
    ]


# --- Frozen reports -----------------------------------------------------------------------------


@dataclass
class Report:
    """A frozen report as one reader sees it."""

    report: FollowUpReport
    groups: list[tuple[Body | None, list[ReportEntry]]]
    count: int
    open_count: int


def report(meeting: Meeting, viewer: Viewer) -> Report | None:
    """The frozen report of ``meeting`` for ``viewer``, or None if none was frozen (3 queries)."""
    frozen = FollowUpReport.objects.filter(meeting=meeting).first()
    if frozen is None:
        return None
    seen_update = ProgressUpdate.objects.visible_to(viewer).filter(pk=OuterRef("last_update_id"))
    entries: Sequence[ReportEntry] = list(
        ReportEntry.objects.filter(report=frozen)
        .seen_then_and_now(viewer)
        .annotate(update_seen=Exists(seen_update))
        .select_related("recommendation", "body", "last_update")
        .order_by("recommendation__reference")
    )
    # A reason frozen with the report may name a successor the viewer may not see.
    reasons = [entry.recommendation_id for entry in entries if entry.status_reason]
    hidden = hidden_references(viewer, reasons) if reasons else {}
    for entry in entries:
        if entry.last_update_id is not None and not entry.update_seen:  # type: ignore[attr-defined]
            entry.last_update = None
        entry.status_reason = without(entry.status_reason, hidden.get(entry.recommendation_id, ()))
    return Report(
        report=frozen,
        groups=_grouped(entries, lambda e: e.body),
        count=len(entries),
        open_count=sum(1 for e in entries if not e.is_closed),
    )
