"""Planning meetings: what a new planned meeting starts with (reads only; writes are in
``committee.meetings.services``).

- ``planning_defaults`` — the next number and, for the annual strategic-committee session, the
  delegation whose turn it is to host.
- ``follow_up_titles`` — the title of the «follow-up of previous recommendations» item in every
  language of the site.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils import translation

from committee.languages import CODES
from committee.meetings.models import AgendaItemKind, Meeting, MeetingStatus

if TYPE_CHECKING:
    from committee.people.models import Viewer


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
