"""Who may do what: the predicates (``may_…``) that views, templates and the admin ask, and the
checks (``require_…``) the services make; each rule is written here once."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from committee.bilateral import Decision, Role, Side
from committee.recommendations.models import PublicationRequest, Recommendation, StatusChange
from committee.two_keys import AlreadyDecided, TwoKeyProposal, require_other_side


def may_act_on(user: Any, recommendation: Recommendation) -> bool:
    return Recommendation.objects.actionable_by(user).filter(pk=recommendation.pk).exists()


def may_report_progress(user: Any, recommendation: Recommendation) -> bool:
    """A member of a delegation that may act on the recommendation."""
    return may_act_on(user, recommendation)


def may_propose_status_change(user: Any, recommendation: Recommendation) -> bool:
    return may_act_on(user, recommendation)


def require_actionable(user: Any, recommendation: Recommendation) -> None:
    if not may_act_on(user, recommendation):
        raise PermissionDenied(_("You may not act on this recommendation."))


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


def may_propose_publication(user: Any, record: models.Model) -> bool:
    return may_decide_on_record(user, record)


def require_may_decide(user: Any, proposal: TwoKeyProposal, decision: str) -> None:
    """Refuses a decision on a proposal that is decided already, by the wrong delegation (the
    other one confirms or rejects, the proposing one withdraws), or by someone who may not act
    on what it is about."""
    if proposal.decision != Decision.PENDING:
        raise AlreadyDecided(_("This proposal has already been decided."))
    if decision == Decision.WITHDRAWN:
        if getattr(user, "side", "") != proposal.proposed_side:
            raise PermissionDenied(_("Only the proposing delegation may withdraw a proposal."))
    else:
        require_other_side(user, proposal.proposed_side)
    if isinstance(proposal, StatusChange):
        require_actionable(user, proposal.recommendation)
    elif isinstance(proposal, PublicationRequest) and not (
        proposal.record is not None and may_decide_on_record(user, proposal.record)
    ):
        raise PermissionDenied(_("You may not decide on this proposal."))


def _allows(user: Any, proposal: TwoKeyProposal, decision: str) -> bool:
    try:
        require_may_decide(user, proposal, decision)
    except (PermissionDenied, ValidationError):
        return False
    return True


def may_confirm(user: Any, proposal: TwoKeyProposal) -> bool:
    """Whether ``user`` may confirm (or reject) a proposal: it is pending and they are of the
    other delegation and may act on what it is about."""
    return _allows(user, proposal, Decision.CONFIRMED)


def may_withdraw(user: Any, proposal: TwoKeyProposal) -> bool:
    """Whether ``user`` may withdraw a proposal: it is pending and their delegation made it."""
    return _allows(user, proposal, Decision.WITHDRAWN)
