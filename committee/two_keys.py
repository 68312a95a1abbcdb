"""What every two-key write shares (docs/design.md §5), whatever the record.

A two-key decision needs both delegations. It comes in two shapes that rest on the same rules:

- *propose and confirm* — one delegation proposes, a member of the other confirms or rejects
  (status changes and publication: models on ``TwoKeyProposal``, decided by one ``decide()`` in
  ``committee.recommendations.services``);
- *both approve* — each delegation approves the same thing once, in either order (minutes,
  ``committee.meetings.services``).

Either way a key belongs to a delegation (a user's ``side``), a delegation turns its key once,
and the other delegation's key is the one that counts. Writes lock the row they decide on and
refuse an edit made on a copy older than the saved one (``StaleEdit``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Self

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from committee.bilateral import Decision, Side
from committee.languages import Language
from committee.write_paths import RuleBearing

BOTH_SIDES = frozenset(Side.values)
#: What ``decide()`` writes on a proposal, and nothing else.
DECISION_FIELDS = ("decision", "decided_by", "decided_side", "decided_at", "decision_reason")


class StaleEdit(Exception):
    """Someone saved the record after the editor loaded it (``seen`` < ``current.version``)."""

    def __init__(self, current: models.Model, seen: int | None) -> None:
        super().__init__(f"{current!r} changed since version {seen}")
        self.current = current
        self.seen = seen


class AlreadyDecided(ValidationError):
    """A decision on a proposal that is no longer pending: confirmed, rejected or withdrawn
    already, perhaps a moment ago by someone else."""


def locked[R: models.Model](record: R) -> R:
    """``record`` read again under a row lock, for the rest of the transaction."""
    return type(record)._default_manager.select_for_update().get(pk=record.pk)


def require_version(record: Any, seen: int | None) -> None:
    if seen is not None and record.version != seen:
        raise StaleEdit(record, seen)


def bump(record: Any, *fields: str) -> None:
    """Save ``fields`` with the record's version raised (lost-update guard)."""
    record.version += 1
    record.save(update_fields=[*fields, "version", "updated_at"])


def delegation_of(user: Any) -> Side:
    """The delegation whose key ``user`` holds; an account without one holds no key."""
    side = getattr(user, "side", "")
    if side not in BOTH_SIDES:
        raise PermissionDenied(_("Only a member of a delegation may decide on this."))
    return Side(side)


def require_other_side(user: Any, proposed_side: str) -> None:
    """Propose and confirm: the proposing delegation cannot confirm its own proposal."""
    if getattr(user, "side", "") == proposed_side:
        raise PermissionDenied(_("A member of the other delegation must decide on this proposal."))


def both_keys_turned(sides: Iterable[str]) -> bool:
    """Both approve: true once each delegation has turned its key."""
    return set(sides) >= BOTH_SIDES


# --- Propose and confirm ------------------------------------------------------------------------


class TwoKeyQuerySet[M: models.Model](models.QuerySet[M]):
    def pending(self) -> Self:
        return self.filter(decision=Decision.PENDING)

    def awaiting(self, side: str) -> Self:
        """Pending proposals that the delegation ``side`` must confirm or reject."""
        return self.pending().exclude(proposed_side=side)


def proposer(related_name: str) -> Any:
    """``proposed_by``, for a model that keeps its own reverse name on users."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("proposed by"),
        on_delete=models.PROTECT,
        related_name=related_name,
    )


def decider(related_name: str) -> Any:
    """``decided_by``, for a model that keeps its own reverse name on users."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
    )


class TwoKeyProposal(models.Model):
    """What one delegation proposes and the other decides: who proposed it for which
    delegation and when, and the decision, who took it for which delegation, when and why.

    Written only by ``committee.recommendations.services.decide`` (and by proposing).
    Subclasses set their own reverse names with ``proposer()`` and ``decider()`` and add
    ``shared_constraints()`` to theirs.
    """

    proposed_by = proposer("%(class)s_proposals")
    proposed_side = models.CharField(
        gettext_lazy("proposing delegation"), max_length=2, choices=Side
    )
    proposed_at = models.DateTimeField(gettext_lazy("proposed on"), auto_now_add=True)
    decision = models.CharField(
        gettext_lazy("decision"), max_length=10, choices=Decision, default=Decision.PENDING
    )
    decided_by = decider("%(class)s_decisions")
    decided_side = models.CharField(
        gettext_lazy("deciding delegation"), max_length=2, choices=Side, blank=True
    )
    decided_at = models.DateTimeField(gettext_lazy("decided on"), null=True, blank=True)
    decision_reason = models.TextField(gettext_lazy("reason for the decision"), blank=True)
    #: The language the decider was writing in (the page's), so that the reason is shown as
    #: written: «árabe» and right to left on a Spanish page.
    decision_language = models.CharField(
        gettext_lazy("language of the reason for the decision"),
        max_length=2,
        choices=Language,
        blank=True,
        editable=False,
    )

    rule_bearing: ClassVar[RuleBearing] = RuleBearing(DECISION_FIELDS)

    class Meta:
        abstract = True
        ordering = ["-proposed_at"]

    @staticmethod
    def shared_constraints(prefix: str) -> list[models.BaseConstraint]:
        """The checks every proposal table has, named ``{prefix}_…``."""
        return [
            models.CheckConstraint(
                condition=Q(proposed_side__in=Side.values), name=f"{prefix}_proposed_side_valid"
            ),
            models.CheckConstraint(
                condition=~Q(decision=Decision.REJECTED) | ~Q(decision_reason=""),
                name=f"{prefix}_rejection_has_reason",
            ),
        ]
