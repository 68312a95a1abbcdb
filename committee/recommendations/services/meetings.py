"""Holding a meeting: its status changes and the follow-up report of the recommendations on
record by it is frozen, once (``FollowUpReport``), never to change.

The meetings app sits below recommendations and knows nothing of reports: holding is written
here, and ``committee.recommendations.admin`` offers it on the meetings' admin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from committee.meetings.models import Meeting, MeetingStatus
from committee.recommendations.cut_off import cut_off, end_of, states_at
from committee.recommendations.follow_up import SHARED, on_record_by
from committee.recommendations.models import (
    Adoption,
    FollowUpReport,
    PeriodCheck,
    ProgressUpdate,
    Recommendation,
    RecommendationKind,
    ReportEntry,
)
from committee.two_keys import bump, locked
from committee.write_paths import through_service

if TYPE_CHECKING:
    from committee.people.models import User


@transaction.atomic
@through_service()
def hold_meeting(meeting: Meeting, *, by: User | None = None) -> FollowUpReport:
    """Mark a planned meeting as held and freeze its follow-up report."""
    meeting = locked(meeting)
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned meeting can be marked as held."))
    meeting.status = MeetingStatus.HELD
    bump(meeting, "status")
    return freeze_report(meeting, by=by)


@transaction.atomic
def freeze_report(meeting: Meeting, *, by: User | None = None) -> FollowUpReport:
    """Write the follow-up report of ``meeting`` as things stood at its cut-off, once.

    The cut-off is the meeting's first day (``cut_off``): status changes decided and progress
    updates published after it are left out. Every recommendation on record by the meeting is
    written with its status, completion,
    responsible body, whether it was decided at this meeting, this year's check of a standing
    recommendation, the last progress update both delegations share, and the visibility of the
    recommendation and of its body. A report that exists is returned as it is: it is frozen.
    """
    Meeting.objects.select_for_update().get(pk=meeting.pk)
    existing = FollowUpReport.objects.filter(meeting=meeting).first()
    if existing is not None:
        return existing
    now = timezone.now()
    day = cut_off(meeting.start_date, timezone.localdate(now))
    report = FollowUpReport.objects.create(meeting=meeting, as_of=day, frozen_at=now, frozen_by=by)
    shared_updates = (
        ProgressUpdate.objects.published()
        .filter(
            recommendation=OuterRef("pk"),
            visibility__in=SHARED,
            as_of__lte=day,
            published_at__lt=end_of(day),
        )
        .order_by("-as_of", "-pk")
    )
    here = Adoption.objects.filter(recommendation=OuterRef("pk"), meeting=meeting)
    checks = PeriodCheck.objects.filter(
        recommendation=OuterRef("pk"), year=day.year, visibility__in=SHARED
    )
    recommendations = (
        Recommendation.objects.filter(on_record_by(meeting))
        .select_related("body")
        .annotate(
            last_update_id=Subquery(shared_updates.values("pk")[:1]),
            decided=Subquery(here.values("kind")[:1]),
            met=Subquery(checks.values("met")[:1]),
        )
        .order_by("reference")
    )
    then = states_at(day, Recommendation.objects.filter(on_record_by(meeting)).values("pk"))
    ReportEntry.objects.bulk_create(
        ReportEntry(
            report=report,
            recommendation=r,
            status=then[r.pk].status if r.pk in then else r.status,
            completion=(then[r.pk].completion if r.pk in then else "") or r.completion,
            status_reason=then[r.pk].status_reason if r.pk in then else r.status_reason,
            body=r.body,
            decided_here=r.decided or "",  # type: ignore[attr-defined]
            period_met=r.met if r.kind == RecommendationKind.STANDING else None,  # type: ignore[attr-defined]
            last_update_id=r.last_update_id,  # type: ignore[attr-defined]
            visibility=r.visibility,
            body_visibility=r.body.visibility if r.body else "",
        )
        for r in recommendations
    )
    return report
