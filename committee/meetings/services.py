"""Every write of the meetings app: the follow-up item of a planned meeting, and minutes.

Each function is keyword-only (but for ``ensure_follow_up_item``) and atomic and checks who may
do it (``PermissionDenied``) and what may be done (``ValidationError``), so the admin, commands
and tests call the same thing. Holding a meeting freezes the recommendations' follow-up report,
so it is a recommendations service (``committee.recommendations.services.hold_meeting``).

- ``ensure_follow_up_item``: a planned meeting's agenda has the «follow-up of previous
  recommendations» item.
- Only the secretariat of a delegation (or an operator, for drafting) writes minutes, and only
  of meetings it may see.
- ``approve_minutes``: each delegation's secretariat approves a version once; the second
  delegation's approval adopts it (``committee.two_keys.both_keys_turned``), dated.
- ``edit_minutes``: a draft nobody approved yet is changed in place; a text that one or both
  delegations approved is never changed — the change becomes a new version that both approve
  again (the approved draft is marked replaced; adopted minutes stay adopted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from committee.bilateral import Role, Side, Visibility
from committee.languages import CODES
from committee.meetings.models import (
    AgendaItem,
    AgendaItemKind,
    Meeting,
    Minutes,
    MinutesApproval,
    MinutesState,
)
from committee.meetings.planning import follow_up_titles
from committee.two_keys import (
    both_keys_turned,
    bump,
    delegation_of,
    locked,
    require_version,
)
from committee.write_paths import through_service

if TYPE_CHECKING:
    from committee.people.models import User


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


# --- Minutes ------------------------------------------------------------------------------------


def may_write_minutes(user: Any) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(user.role == Role.SECRETARIAT and user.side in Side.values)


def may_approve_minutes(user: Any) -> bool:
    """The secretariat of a delegation turns that delegation's key (operators hold none)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.role == Role.SECRETARIAT
        and user.side in Side.values
    )


def _require_writer(user: Any) -> None:
    if not may_write_minutes(user):
        raise PermissionDenied(_("Only the secretariat writes minutes."))


def _require_visible(user: Any, minutes: Minutes) -> None:
    if not Minutes.objects.visible_to(user).filter(pk=minutes.pk).exists():
        raise PermissionDenied(_("You may not see these minutes."))


def _clean_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the minutes.")})
    return text


def _versions(meeting: Meeting, agenda_item: AgendaItem | None, language: str) -> Any:
    return Minutes.objects.filter(meeting=meeting, agenda_item=agenda_item, language=language)


def check_new_draft(meeting: Meeting, agenda_item: AgendaItem | None, language: str) -> None:
    """Refuses a new draft of an item of another meeting, or of minutes that have a draft."""
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("Choose an item of this meeting's agenda.")})
    if _versions(meeting, agenda_item, language).filter(state=MinutesState.DRAFT).exists():
        raise ValidationError(_("A draft of these minutes exists already: change that draft."))


def check_newest(minutes: Minutes) -> None:
    """Refuses a new version of minutes that are not the latest version."""
    newer = Minutes.objects.filter(
        meeting_id=minutes.meeting_id,
        agenda_item_id=minutes.agenda_item_id,
        language=minutes.language,
        number__gt=minutes.number,
    )
    if newer.exists():
        raise ValidationError(_("A newer version of these minutes exists: change that one."))


@transaction.atomic
def draft_minutes(
    *,
    meeting: Meeting,
    language: str,
    text: str,
    by: User,
    agenda_item: AgendaItem | None = None,
    visibility: str = "",
) -> Minutes:
    """A new draft of the minutes of ``agenda_item`` (or of the whole meeting) in ``language``:
    version 1, or the next after the versions that exist."""
    _require_writer(by)
    meeting = locked(meeting)  # numbers are given one at a time per meeting
    if not Meeting.objects.visible_to(by).filter(pk=meeting.pk).exists():
        raise PermissionDenied(_("You may not see this meeting."))
    if (
        agenda_item is not None
        and not AgendaItem.objects.visible_to(by).filter(pk=agenda_item.pk).exists()
    ):
        raise ValidationError({"agenda_item": _("Choose an item of this meeting's agenda.")})
    if language not in CODES:
        raise ValidationError({"language": _("Choose one of the site's languages.")})
    text = _clean_text(text)
    check_new_draft(meeting, agenda_item, language)
    latest = _versions(meeting, agenda_item, language).order_by("-number").first()
    owner = agenda_item if agenda_item is not None else meeting
    minutes = Minutes(
        meeting=meeting,
        agenda_item=agenda_item,
        language=language,
        number=latest.number + 1 if latest else 1,
        text=text,
        drafted_by=by,
        drafted_side=by.side if by.side in Side.values else "",
        replaces=latest,
        visibility=visibility or owner.visibility,
        original_language=language,
    )
    if minutes.visibility not in Visibility.values:
        raise ValidationError({"visibility": _("Choose a visibility.")})
    minutes.save()
    return minutes


@transaction.atomic
@through_service()
def edit_minutes(
    *,
    minutes: Minutes,
    text: str,
    by: User,
    seen_version: int | None = None,
    visibility: str = "",
) -> Minutes:
    """Change minutes. Returns the minutes changed in place (a draft nobody approved), or the
    new version that now needs both delegations' approval."""
    _require_writer(by)
    minutes = locked(minutes)
    _require_visible(by, minutes)
    require_version(minutes, seen_version)
    text = _clean_text(text)
    visibility = visibility or minutes.visibility
    if minutes.state == MinutesState.REPLACED:
        raise ValidationError(_("This version was replaced: change the latest version."))
    if visibility != minutes.visibility and (
        minutes.state != MinutesState.DRAFT or minutes.approvals.exists()
    ):
        raise ValidationError(
            {
                "visibility": _(
                    "Approved minutes keep the visibility they were approved with: propose "
                    "publishing them to the other delegation instead."
                )
            }
        )
    if text == minutes.text:
        if visibility != minutes.visibility:
            minutes.visibility = visibility
            bump(minutes, "visibility")
        return minutes
    if minutes.state == MinutesState.DRAFT and not minutes.approvals.exists():
        minutes.text = text
        minutes.visibility = visibility
        bump(minutes, "text", "visibility")
        return minutes
    check_newest(minutes)
    if minutes.state == MinutesState.DRAFT:
        minutes.state = MinutesState.REPLACED
        bump(minutes, "state")
    return draft_minutes(
        meeting=minutes.meeting,
        agenda_item=minutes.agenda_item,
        language=minutes.language,
        text=text,
        by=by,
        visibility=visibility,
    )


@transaction.atomic
@through_service()
def approve_minutes(*, minutes: Minutes, by: User) -> Minutes:
    """Approve a draft for ``by``'s delegation; the second delegation's approval adopts it."""
    side = delegation_of(by)
    if not may_approve_minutes(by):
        raise PermissionDenied(_("Only the secretariat approves minutes for its delegation."))
    minutes = locked(minutes)
    _require_visible(by, minutes)
    if minutes.state == MinutesState.ADOPTED:
        raise ValidationError(_("These minutes are adopted already."))
    if minutes.state == MinutesState.REPLACED:
        raise ValidationError(_("This version was replaced: approve the latest version."))
    if minutes.approvals.filter(side=side).exists():
        raise ValidationError(_("Your delegation has approved this version already."))
    MinutesApproval.objects.create(minutes=minutes, side=side, approved_by=by)
    if both_keys_turned(minutes.approvals.values_list("side", flat=True)):
        minutes.state = MinutesState.ADOPTED
        minutes.adopted_at = timezone.now()
        bump(minutes, "state", "adopted_at")
    return minutes
