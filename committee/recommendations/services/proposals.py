"""Deciding a two-key proposal (``committee.two_keys.TwoKeyProposal``): one ``decide()`` for
status changes and publication requests alike."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from committee.bilateral import Decision
from committee.languages import CODES
from committee.people.models import User
from committee.recommendations.services.permissions import require_may_decide
from committee.two_keys import TwoKeyProposal, bump, locked
from committee.write_paths import through_service

#: What a decision may be; ``EFFECTIVE`` is no decision but a change one delegation makes alone.
DECISIONS = (Decision.CONFIRMED, Decision.REJECTED, Decision.WITHDRAWN)


def writing_language(user: User, language: str = "") -> str:
    """The language someone wrote a reason in: the page's (``language``), which the view
    passes, or else their preferred language."""
    return language if language in CODES else user.preferred_language


@through_service()
def decide[P: TwoKeyProposal](
    proposal: P, *, by: User, decision: str, reason: str = "", language: str = ""
) -> P:
    """Confirm, reject (saying why) or withdraw ``proposal``, read again under a row lock.

    ``require_may_decide`` refuses what is decided already or not ``by``'s to decide. A
    confirmation or rejection records who decided, for which delegation and when; a withdrawal
    only the decision. What a confirmation changes is the caller's (in the same transaction).
    """
    if decision not in DECISIONS:
        raise ValueError(f"not a decision: {decision!r}")
    proposal = locked(proposal)
    require_may_decide(by, proposal, decision)
    reason = reason.strip()
    if decision == Decision.REJECTED and not reason:
        raise ValidationError({"reason": _("Say why the proposal is rejected.")})
    fields = ["decision"]
    proposal.decision = decision
    if decision != Decision.WITHDRAWN:
        proposal.decided_by, proposal.decided_side = by, by.side
        proposal.decided_at = timezone.now()
        fields += ["decided_by", "decided_side", "decided_at"]
    if decision == Decision.REJECTED:
        proposal.decision_reason = reason
        proposal.decision_language = writing_language(by, language)
        fields += ["decision_reason", "decision_language"]
    if hasattr(proposal, "version"):
        bump(proposal, *fields)
    else:
        proposal.save(update_fields=fields)
    return proposal
