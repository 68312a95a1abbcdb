"""Status changes: everyday ones take effect at once; closing and reopening need both keys."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from committee.bilateral import Decision, is_visible, visible_at_least_as
from committee.people.models import User
from committee.recommendations.models import (
    CLOSED,
    Completion,
    Recommendation,
    RecommendationRelation,
    RelationKind,
    Status,
    StatusChange,
)
from committee.recommendations.services.permissions import require_actionable as _require_actionable
from committee.recommendations.services.proposals import decide, writing_language
from committee.recommendations.tasks import announce_proposal
from committee.two_keys import StaleEdit
from committee.two_keys import bump as _bump
from committee.two_keys import locked as _locked
from committee.two_keys import require_version as _require_version
from committee.write_paths import through_service

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


@transaction.atomic
@through_service()
def propose_status_change(
    *,
    recommendation: Recommendation,
    by: User,
    to_status: str,
    reason: str = "",
    completion: str = "",
    superseded_by: Recommendation | None = None,
    seen_version: int | None = None,
    language: str = "",
) -> StatusChange:
    """Propose a new status. Everyday changes take effect at once; closing and reopening wait
    for a member of the other delegation (``confirm_status_change``). ``language`` is the one
    the reason is written in (the page's); by default the proposer's preferred language."""
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
        _require_successor_as_wide(superseded_by, recommendation, field="superseded_by")
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
        original_language=writing_language(by, language),
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


def _require_successor_as_wide(
    successor: Recommendation, recommendation: Recommendation, *, field: str | None = None
) -> None:
    """A successor is named on every page that shows what it supersedes: everyone who may see
    ``recommendation`` must be able to see it (a public one only by a public one)."""
    if not visible_at_least_as(successor, recommendation.visibility):
        message = _(
            "The recommendation that supersedes it must be shared at least as widely as this one."
        )
        raise ValidationError({field: message} if field else message)


def _require_successor(change: StatusChange, by: User) -> None:
    """Checked again when confirming: the successor may have changed since the proposal."""
    if change.superseded_by_id is None:
        return
    successor = Recommendation.objects.select_related("body").get(pk=change.superseded_by_id)
    if not is_visible(by, successor):
        raise ValidationError(
            _(
                "You cannot see the recommendation that would supersede this one, "
                "so you cannot confirm the change."
            )
        )
    _require_successor_as_wide(successor, Recommendation.objects.get(pk=change.recommendation_id))


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
        recommendation.status_reason_language = change.original_language if change.reason else ""
    elif change.to_status not in CLOSED:
        recommendation.status_reason = ""
        recommendation.status_reason_language = ""
    _bump(recommendation, "status", "completion", "status_reason", "status_reason_language")
    if change.superseded_by is not None:
        RecommendationRelation.objects.get_or_create(
            source=change.superseded_by, kind=RelationKind.SUPERSEDES, target=recommendation
        )
    return recommendation


@transaction.atomic
@through_service()
def confirm_status_change(*, change: StatusChange, by: User) -> Recommendation:
    """The other delegation's key: the change takes effect now."""
    change = decide(change, by=by, decision=Decision.CONFIRMED)
    _require_successor(change, by)
    return _apply(change)


@transaction.atomic
@through_service()
def reject_status_change(
    *, change: StatusChange, by: User, reason: str, language: str = ""
) -> StatusChange:
    """The other delegation refuses, saying why (in ``language``); the recommendation does not
    change."""
    return decide(change, by=by, decision=Decision.REJECTED, reason=reason, language=language)


@transaction.atomic
@through_service()
def withdraw_status_change(*, change: StatusChange, by: User) -> StatusChange:
    """The proposing delegation takes its proposal back."""
    return decide(change, by=by, decision=Decision.WITHDRAWN)
