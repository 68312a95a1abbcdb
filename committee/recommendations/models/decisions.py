"""Status changes: one delegation proposes, the other confirms closing or reopening."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import Decision as Decision  # noqa: PLC0414  (re-exported: it lived here)
from committee.bilateral import Side, VisibleQuerySet
from committee.records import Record

if TYPE_CHECKING:
    pass


from committee.recommendations.models.recommendation import (
    CLOSED,
    Completion,
    Recommendation,
    Status,
)


class StatusChangeQuerySet(VisibleQuerySet["StatusChange"]):
    visible_through = ("recommendation",)

    def pending(self) -> Self:
        return self.filter(decision=Decision.PENDING)

    def awaiting(self, side: str) -> Self:
        """Pending proposals that the delegation ``side`` must confirm or reject."""
        return self.pending().exclude(proposed_side=side)


@audited()
class StatusChange(Record):
    """A proposed change of status; closing or reopening needs the other side to confirm."""

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="status_changes",
    )
    from_status = models.CharField(_("from"), max_length=16, choices=Status)
    to_status = models.CharField(_("to"), max_length=16, choices=Status)
    proposed_completion = models.CharField(
        _("completion"), max_length=12, choices=Completion, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    superseded_by = models.ForeignKey(
        Recommendation,
        verbose_name=_("superseded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="status_proposals",
    )
    proposed_side = models.CharField(_("proposing delegation"), max_length=2, choices=Side)
    proposed_at = models.DateTimeField(_("proposed on"), auto_now_add=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="status_decisions",
    )
    decided_side = models.CharField(
        _("deciding delegation"), max_length=2, choices=Side, blank=True
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    objects = StatusChangeQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-proposed_at"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=~Q(from_status=F("to_status")),
                name="recommendations_statuschange_changes",
            ),
            models.CheckConstraint(
                condition=Q(from_status__in=Status.values, to_status__in=Status.values),
                name="recommendations_statuschange_statuses_valid",
            ),
            models.CheckConstraint(
                condition=Q(proposed_side__in=Side.values),
                name="recommendations_statuschange_proposed_side_valid",
            ),
            models.CheckConstraint(
                condition=Q(decision__in=Decision.values),
                name="recommendations_statuschange_decision_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    decision__in=[Decision.PENDING, Decision.WITHDRAWN], decided_at__isnull=True
                )
                | Q(
                    decision__in=[Decision.CONFIRMED, Decision.REJECTED],
                    decided_at__isnull=False,
                    decided_by__isnull=False,
                )
                | Q(
                    decision=Decision.EFFECTIVE,
                    decided_at__isnull=False,
                    decided_by=F("proposed_by"),
                    decided_side=F("proposed_side"),
                ),
                name="recommendations_statuschange_decided_when_decided",
            ),
            models.CheckConstraint(
                condition=~Q(decision=Decision.EFFECTIVE)
                | Q(~Q(from_status__in=CLOSED), ~Q(to_status__in=CLOSED)),
                name="recommendations_statuschange_two_keys_to_close_or_reopen",
            ),
            models.CheckConstraint(
                condition=~Q(to_status=Status.SUPERSEDED) | Q(superseded_by__isnull=False),
                name="recommendations_statuschange_superseded_names_successor",
            ),
            models.CheckConstraint(
                condition=~Q(decision__in=[Decision.CONFIRMED, Decision.REJECTED])
                | ~Q(decided_side=F("proposed_side")),
                name="recommendations_statuschange_other_side_decides",
            ),
            models.CheckConstraint(
                condition=~Q(decision=Decision.REJECTED) | ~Q(decision_reason=""),
                name="recommendations_statuschange_rejection_has_reason",
            ),
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=Q(decision=Decision.PENDING),
                name="recommendations_one_pending_change",
            ),
        ]

    def __str__(self) -> str:
        before, after = self.get_from_status_display(), self.get_to_status_display()
        return f"{self.recommendation.reference}: {before} → {after}"
