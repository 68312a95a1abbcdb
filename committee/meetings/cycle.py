"""Planning and holding meetings: the host by rotation, the follow-up item, the frozen report.

- ``planning_defaults`` — what a new planned meeting of a kind starts with: the next number and,
  for the annual strategic-committee session, the delegation whose turn it is to host.
- ``ensure_follow_up_item`` — a planned meeting's agenda has the «follow-up of previous
  recommendations» item.
- ``hold_meeting`` — a planned meeting is held: its status changes and its follow-up report is
  frozen (``committee.recommendations.cycle.freeze_report``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from committee.languages import CODES
from committee.meetings.models import AgendaItem, AgendaItemKind, Meeting, MeetingStatus
from committee.recommendations.cycle import freeze_report
from committee.recommendations.models import FollowUpReport
from committee.two_keys import bump, locked

if TYPE_CHECKING:
    from committee.people.models import User, Viewer


def planning_defaults(kind: str, viewer: Viewer, body_id: int | None = None) -> dict[str, Any]:
    """Initial values of a new planned meeting of ``kind``, from the meetings ``viewer`` sees."""
    meetings = Meeting.objects.visible_to(viewer)
    initial: dict[str, Any] = {"kind": kind, "status": MeetingStatus.PLANNED}
    host = meetings.proposed_host_side(kind)
    if host:
        initial["host_side"] = host
        initial["country"] = host
    ordinal = meetings.next_ordinal(kind, body_id)
    if ordinal is not None:
        initial["ordinal"] = ordinal
    return initial


def follow_up_titles() -> dict[str, str]:
    """«Follow-up of previous recommendations» in every language of the site."""
    titles = {}
    for code in CODES:
        with translation.override(code):
            titles[f"title_{code}"] = str(AgendaItemKind.FOLLOW_UP.label)
    return titles


def ensure_follow_up_item(meeting: Meeting) -> AgendaItem:
    """The meeting's follow-up item, added at the end of its agenda if it has none."""
    existing = AgendaItem.objects.filter(meeting=meeting, kind=AgendaItemKind.FOLLOW_UP).first()
    if existing is not None:
        return existing
    last = (
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("-order")
        .values_list("order", flat=True)
        .first()
    )
    return AgendaItem.objects.create(
        meeting=meeting,
        kind=AgendaItemKind.FOLLOW_UP,
        order=(last or 0) + 1,
        visibility=meeting.visibility,
        original_language=meeting.original_language,
        **follow_up_titles(),
    )


@transaction.atomic
def hold_meeting(meeting: Meeting, *, by: User | None = None) -> FollowUpReport:
    """Mark a planned meeting as held and freeze its follow-up report."""
    meeting = locked(meeting)
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("Only a planned meeting can be marked as held."))
    meeting.status = MeetingStatus.HELD
    bump(meeting, "status")
    return freeze_report(meeting, by=by)
