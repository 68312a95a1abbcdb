"""Every write of the members' area: progress, two-key status changes, two-key publication.

Each function is keyword-only, typed and atomic, and checks who may do it (``PermissionDenied``)
and what may be done (``ValidationError``) itself, so views, commands and tests call the same
thing. Edits carry the ``version`` the editor saw; a stale one raises ``StaleEdit`` instead of
overwriting someone else's change. The rules every two-key write shares live in
``committee.two_keys``. E-mails leave after commit (``committee.recommendations.tasks``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any, cast

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from committee.bilateral import SIDE_VISIBILITY, Decision, Role, Side, Visibility
from committee.languages import CODES
from committee.people.models import User
from committee.recommendations.models import (
    CLOSED,
    Completion,
    Evidence,
    ProgressUpdate,
    PublicationRequest,
    Recommendation,
    RecommendationRelation,
    RelationKind,
    Status,
    StatusChange,
    UpdateState,
)
from committee.recommendations.notices import due_reminders
from committee.recommendations.tasks import announce_proposal, deliver
from committee.records import Record
from committee.two_keys import StaleEdit as StaleEdit  # noqa: PLC0414  (views catch it here)
from committee.two_keys import bump as _bump
from committee.two_keys import locked as _locked
from committee.two_keys import require_other_side as _require_other_side
from committee.two_keys import require_version as _require_version
from committee.uploads import MAX_EVIDENCE_FILES, CheckedFile

#: Changes one delegation makes alone; they take effect at once.
EVERYDAY = frozenset(
    {
        (Status.ADOPTED, Status.IN_PROGRESS),
        (Status.ADOPTED, Status.ON_HOLD),
        (Status.IN_PROGRESS, Status.ON_HOLD),
        (Status.ON_HOLD, Status.IN_PROGRESS),
    }
)
#: Where a reopened recommendation goes.
REOPENED = (Status.IN_PROGRESS, Status.ADOPTED)


def needs_two_keys(from_status: str, to_status: str) -> bool:
    return from_status in CLOSED or to_status in CLOSED


def allowed_targets(status: str) -> list[Status]:
    """The statuses a member may propose from ``status``."""
    if status in CLOSED:
        return list(REOPENED)
    everyday = [Status(to) for (frm, to) in sorted(EVERYDAY) if frm == status]
    closing = [Status.IMPLEMENTED, Status.NOT_IMPLEMENTED, Status.SUPERSEDED]
    return everyday + closing if status != Status.PROPOSED else []


def allowed_visibilities(user: User) -> list[Visibility]:
    """A member publishes for everyone, for the committee, or for their own delegation only."""
    own = SIDE_VISIBILITY.get(Side(user.side)) if user.side in Side.values else None
    return [Visibility.PUBLIC, Visibility.COMMITTEE, *([own] if own else [])]


def may_act_on(user: Any, recommendation: Recommendation) -> bool:
    return Recommendation.objects.actionable_by(user).filter(pk=recommendation.pk).exists()


def _require_actionable(user: User, recommendation: Recommendation) -> None:
    if not may_act_on(user, recommendation):
        raise PermissionDenied(_("You may not act on this recommendation."))


# --- Progress -----------------------------------------------------------------------------------


def _write_narrative(update: ProgressUpdate, narrative: str, language: str) -> None:
    if language not in CODES:
        raise ValidationError({"language": _("Choose one of the site's languages.")})
    if not narrative.strip():
        raise ValidationError({"narrative": _("Describe the progress.")})
    for code in CODES:
        setattr(update, f"narrative_{code}", narrative.strip() if code == language else "")
    update.original_language = language


def _check_visibility(user: User, visibility: str) -> None:
    if visibility not in allowed_visibilities(user):
        raise ValidationError({"visibility": _("You may not choose this visibility.")})


def _attach(update: ProgressUpdate, files: Sequence[CheckedFile]) -> None:
    if update.evidence.count() + len(files) > MAX_EVIDENCE_FILES:
        raise ValidationError(
            {"evidence": _("At most %(n)d files per update.") % {"n": MAX_EVIDENCE_FILES}}
        )
    for checked in files:
        evidence = Evidence(
            progress_update=update,
            original_name=checked.original_name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
        )
        evidence.file.save(checked.original_name, checked.upload, save=False)
        evidence.save()


@transaction.atomic
def record_progress(
    *,
    recommendation: Recommendation,
    author: User,
    as_of: dt.date,
    narrative: str,
    language: str,
    proposed_completion: str = "",
    visibility: str = Visibility.COMMITTEE,
    corrects: ProgressUpdate | None = None,
    evidence: Sequence[CheckedFile] = (),
) -> ProgressUpdate:
    """A draft progress update by ``author`` for their delegation (publish it to share it)."""
    _require_actionable(author, recommendation)
    _check_visibility(author, visibility)
    if corrects is not None and (
        corrects.recommendation_id != recommendation.pk or corrects.state != UpdateState.PUBLISHED
    ):
        raise ValidationError(_("Only a published update of this recommendation can be corrected."))
    update = ProgressUpdate(
        recommendation=recommendation,
        side=author.side,
        author=author,
        as_of=as_of,
        proposed_completion=proposed_completion,
        visibility=visibility,
        corrects=corrects,
    )
    _write_narrative(update, narrative, language)
    update.full_clean(exclude=["author", "recommendation", "corrects"])
    update.save()
    _attach(update, evidence)
    return update


def _require_own_draft(update: ProgressUpdate, by: User) -> None:
    if update.author_id != by.pk:
        raise PermissionDenied(_("Only its author may change a draft."))
    if update.state != UpdateState.DRAFT:
        raise ValidationError(
            _("A published update cannot be changed; publish a correction instead.")
        )


@transaction.atomic
def edit_progress(
    *,
    update: ProgressUpdate,
    by: User,
    seen_version: int | None,
    as_of: dt.date,
    narrative: str,
    language: str,
    proposed_completion: str = "",
    visibility: str = Visibility.COMMITTEE,
    evidence: Sequence[CheckedFile] = (),
) -> ProgressUpdate:
    """Change a draft. Refused on a published update and on a copy older than the saved one."""
    update = _locked(update)
    _require_own_draft(update, by)
    _require_actionable(by, update.recommendation)
    _require_version(update, seen_version)
    _check_visibility(by, visibility)
    update.as_of = as_of
    update.proposed_completion = proposed_completion
    update.visibility = visibility
    _write_narrative(update, narrative, language)
    update.full_clean(exclude=["author", "recommendation", "corrects"])
    update.version += 1
    update.save()
    _attach(update, evidence)
    return update


@transaction.atomic
def publish_progress(
    *, update: ProgressUpdate, by: User, seen_version: int | None = None
) -> ProgressUpdate:
    """Publish a draft; from then on it is immutable (corrections are new updates)."""
    update = _locked(update)
    _require_own_draft(update, by)
    _require_actionable(by, update.recommendation)
    _require_version(update, seen_version)
    update.state = UpdateState.PUBLISHED
    update.published_at = timezone.now()
    _bump(update, "state", "published_at")
    return update


# --- Status changes -----------------------------------------------------------------------------


@transaction.atomic
def propose_status_change(
    *,
    recommendation: Recommendation,
    by: User,
    to_status: str,
    reason: str = "",
    completion: str = "",
    superseded_by: Recommendation | None = None,
    seen_version: int | None = None,
) -> StatusChange:
    """Propose a new status. Everyday changes take effect at once; closing and reopening wait
    for a member of the other delegation (``confirm_status_change``)."""
    recommendation = _locked(recommendation)
    _require_actionable(by, recommendation)
    _require_version(recommendation, seen_version)
    if to_status not in allowed_targets(recommendation.status):
        raise ValidationError({"to_status": _("This change of status is not possible.")})
    if StatusChange.objects.filter(recommendation=recommendation).pending().exists():
        raise ValidationError(_("A proposal is already waiting for a decision."))
    reason = reason.strip()
    if to_status == Status.NOT_IMPLEMENTED and not reason:
        raise ValidationError({"reason": _("Say why it was not implemented.")})
    if to_status == Status.SUPERSEDED:
        if superseded_by is None or superseded_by.pk == recommendation.pk:
            raise ValidationError(
                {"superseded_by": _("Name the recommendation that supersedes it.")}
            )
        if not Recommendation.objects.visible_to(by).filter(pk=superseded_by.pk).exists():
            raise ValidationError({"superseded_by": _("No such recommendation.")})
    else:
        superseded_by = None
    if to_status == Status.IMPLEMENTED:
        completion = Completion.COMPLETE
    if completion and completion not in Completion.values:
        raise ValidationError({"completion": _("Choose a completion level.")})
    change = StatusChange(
        recommendation=recommendation,
        from_status=recommendation.status,
        to_status=to_status,
        proposed_completion=completion,
        reason=reason,
        superseded_by=superseded_by,
        proposed_by=by,
        proposed_side=by.side,
        visibility=recommendation.visibility,
        original_language=by.preferred_language,
    )
    if not needs_two_keys(change.from_status, to_status):
        change.decision = Decision.EFFECTIVE
        change.decided_by, change.decided_side = by, by.side
        change.decided_at = timezone.now()
        change.save()
        _apply(change)
        return change
    change.save()
    announce_proposal(kind="status_change", pk=change.pk)
    return change


def _apply(change: StatusChange) -> Recommendation:
    recommendation = _locked(change.recommendation)
    if recommendation.status != change.from_status:
        raise StaleEdit(recommendation, None)
    recommendation.status = change.to_status
    if change.proposed_completion:
        recommendation.completion = change.proposed_completion
    if change.to_status in {Status.NOT_IMPLEMENTED, Status.SUPERSEDED}:
        successor = change.superseded_by
        recommendation.status_reason = change.reason or (successor.reference if successor else "")
    elif change.to_status not in CLOSED:
        recommendation.status_reason = ""
    _bump(recommendation, "status", "completion", "status_reason")
    if change.superseded_by is not None:
        RecommendationRelation.objects.get_or_create(
            source=change.superseded_by, kind=RelationKind.SUPERSEDES, target=recommendation
        )
    return recommendation


def _pending_change(change: StatusChange) -> StatusChange:
    change = _locked(change)
    if change.decision != Decision.PENDING:
        raise ValidationError(_("This proposal has already been decided."))
    return change


@transaction.atomic
def confirm_status_change(*, change: StatusChange, by: User) -> Recommendation:
    """The other delegation's key: the change takes effect now."""
    change = _pending_change(change)
    _require_other_side(by, change.proposed_side)
    _require_actionable(by, change.recommendation)
    change.decision = Decision.CONFIRMED
    change.decided_by, change.decided_side = by, by.side
    change.decided_at = timezone.now()
    _bump(change, "decision", "decided_by", "decided_side", "decided_at")
    return _apply(change)


@transaction.atomic
def reject_status_change(*, change: StatusChange, by: User, reason: str) -> StatusChange:
    """The other delegation refuses, saying why; the recommendation does not change."""
    change = _pending_change(change)
    _require_other_side(by, change.proposed_side)
    _require_actionable(by, change.recommendation)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the proposal is rejected.")})
    change.decision = Decision.REJECTED
    change.decided_by, change.decided_side = by, by.side
    change.decided_at = timezone.now()
    change.decision_reason = reason.strip()
    _bump(change, "decision", "decided_by", "decided_side", "decided_at", "decision_reason")
    return change


@transaction.atomic
def withdraw_status_change(*, change: StatusChange, by: User) -> StatusChange:
    """The proposing delegation takes its proposal back."""
    change = _pending_change(change)
    if by.side != change.proposed_side:
        raise PermissionDenied(_("Only the proposing delegation may withdraw a proposal."))
    _require_actionable(by, change.recommendation)
    change.decision = Decision.WITHDRAWN
    _bump(change, "decision")
    return change


# --- Publication --------------------------------------------------------------------------------


def recommendation_of(record: models.Model) -> Recommendation | None:
    if isinstance(record, Recommendation):
        return record
    related = getattr(record, "recommendation", None)
    return related if isinstance(related, Recommendation) else None


def may_decide_on_record(user: Any, record: models.Model) -> bool:
    """Who may propose or decide the publication of ``record``: those who may act on its
    recommendation, or for other records the secretariat who can see it."""
    recommendation = recommendation_of(record)
    if recommendation is not None:
        visible = type(record)._default_manager.visible_to(user).filter(pk=record.pk)  # type: ignore[attr-defined]
        return may_act_on(user, recommendation) and visible.exists()
    manager: Any = type(record)._default_manager
    return bool(
        getattr(user, "role", "") == Role.SECRETARIAT
        and getattr(user, "side", "") in Side.values
        and hasattr(manager, "visible_to")
        and manager.visible_to(user).filter(pk=record.pk).exists()
    )


@transaction.atomic
def propose_publication(*, record: Record, by: User, reason: str = "") -> PublicationRequest:
    """Propose making a committee record public; the other delegation confirms or rejects."""
    if not may_decide_on_record(by, record):
        raise PermissionDenied(_("You may not propose publishing this record."))
    if record.visibility != Visibility.COMMITTEE:
        raise ValidationError(_("Only a record shared with the committee can be made public."))
    if isinstance(record, ProgressUpdate) and record.state != UpdateState.PUBLISHED:
        raise ValidationError(_("Publish the update to the committee first."))
    if PublicationRequest.objects.about(record).pending().exists():
        raise ValidationError(_("A proposal is already waiting for a decision."))
    request = PublicationRequest.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        reason=reason.strip(),
        proposed_by=by,
        proposed_side=by.side,
    )
    announce_proposal(kind="publication", pk=request.pk)
    return request


def _pending_request(request: PublicationRequest, by: User) -> PublicationRequest:
    request = _locked(request)
    if request.decision != Decision.PENDING:
        raise ValidationError(_("This proposal has already been decided."))
    _require_other_side(by, request.proposed_side)
    if request.record is None or not may_decide_on_record(by, request.record):
        raise PermissionDenied(_("You may not decide on this proposal."))
    return request


@transaction.atomic
def confirm_publication(*, request: PublicationRequest, by: User) -> PublicationRequest:
    """The other delegation's key: the record becomes public."""
    request = _pending_request(request, by)
    record: Any = _locked(cast(models.Model, request.record))
    request.decision = Decision.CONFIRMED
    request.decided_by, request.decided_side = by, by.side
    request.decided_at = timezone.now()
    request.save()
    record.visibility = Visibility.PUBLIC
    _bump(record, "visibility")
    return request


@transaction.atomic
def reject_publication(*, request: PublicationRequest, by: User, reason: str) -> PublicationRequest:
    request = _pending_request(request, by)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the proposal is rejected.")})
    request.decision = Decision.REJECTED
    request.decided_by, request.decided_side = by, by.side
    request.decided_at = timezone.now()
    request.decision_reason = reason.strip()
    request.save()
    return request


# --- Reminders ----------------------------------------------------------------------------------


def send_reminders(*, today: dt.date) -> Counter[str]:
    """Send every due-soon, overdue, stale and pending-confirmation reminder not sent before.

    Not one transaction on purpose: each reminder commits with its log row as it is sent
    (``tasks.deliver``), so a failure half-way cannot make a later run send anything twice.
    """
    counts: Counter[str] = Counter()
    for notice in due_reminders(today):
        counts[notice.kind] += deliver(notice)
    return counts
