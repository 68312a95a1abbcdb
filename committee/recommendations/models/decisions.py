"""Status changes: one delegation proposes, the other confirms closing or reopening."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import Decision as Decision  # noqa: PLC0414  (re-exported: it lived here)
from committee.bilateral import VisibleQuerySet
from committee.recommendations.models.recommendation import (
    CLOSED,
    Completion,
    Recommendation,
    Status,
)
from committee.records import Record
from committee.two_keys import DECISION_FIELDS, TwoKeyProposal, TwoKeyQuerySet, decider, proposer
from committee.write_paths import RuleBearing


class StatusChangeQuerySet(  # type: ignore[override]  # django-stubs: two QuerySet bases
    VisibleQuerySet["StatusChange"], TwoKeyQuerySet["StatusChange"]
):
    visible_through = ("recommendation",)


@audited()
class StatusChange(TwoKeyProposal, Record):
    """A proposed change of status; closing or reopening needs the other side to confirm."""

    rule_bearing = RuleBearing((*DECISION_FIELDS, "visibility"))

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
    proposed_by = proposer("status_proposals")
    decided_by = decider("status_decisions")

    objects = StatusChangeQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-proposed_at"]
        constraints = [
            *Record.Meta.constraints,
            *TwoKeyProposal.shared_constraints("recommendations_statuschange"),
            models.CheckConstraint(
                condition=~Q(from_status=F("to_status")),
                name="recommendations_statuschange_changes",
            ),
            models.CheckConstraint(
                condition=Q(from_status__in=Status.values, to_status__in=Status.values),
                name="recommendations_statuschange_statuses_valid",
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
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=Q(decision=Decision.PENDING),
                name="recommendations_one_pending_change",
            ),
        ]
        # The admin's list, newest first (and by key, as the admin orders), reads its page off
        # this index instead of sorting every status change a reader may see.
        indexes = [models.Index(fields=["-proposed_at", "-id"], name="statuschange_newest")]

    def __str__(self) -> str:
        before, after = self.get_from_status_display(), self.get_to_status_display()
        return f"{self.recommendation.reference}: {before} → {after}"
