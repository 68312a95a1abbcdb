"""Two-key publication: one delegation proposes making a committee record public, the other
confirms (or rejects with a reason); only the confirmation changes the record's visibility."""

from __future__ import annotations

from typing import Self

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import Decision, Side


class PublicationRequestQuerySet(models.QuerySet["PublicationRequest"]):
    def pending(self) -> Self:
        return self.filter(decision=Decision.PENDING)

    def awaiting(self, side: str) -> Self:
        """Pending requests that the delegation ``side`` must confirm or reject."""
        return self.pending().exclude(proposed_side=side)

    def about(self, record: models.Model) -> Self:
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )


@audited()
class PublicationRequest(models.Model):
    """A proposal to make a committee record public. Visible to whoever sees the record."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.PROTECT
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    reason = models.TextField(_("reason"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="publication_proposals",
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
        related_name="publication_decisions",
    )
    decided_side = models.CharField(
        _("deciding delegation"), max_length=2, choices=Side, blank=True
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    objects = PublicationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication request")
        verbose_name_plural = _("publication requests")
        ordering = ["-proposed_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="publication_record")]
        constraints = [
            models.CheckConstraint(
                condition=Q(proposed_side__in=Side.values),
                name="recommendations_publication_proposed_side_valid",
            ),
            models.CheckConstraint(
                condition=Q(decision__in=sorted(set(Decision.values) - {Decision.EFFECTIVE})),
                name="recommendations_publication_decision_valid",
            ),
            models.CheckConstraint(
                condition=Q(
                    decision__in=[Decision.PENDING, Decision.WITHDRAWN], decided_at__isnull=True
                )
                | Q(
                    decision__in=[Decision.CONFIRMED, Decision.REJECTED],
                    decided_at__isnull=False,
                    decided_by__isnull=False,
                ),
                name="recommendations_publication_decided_when_decided",
            ),
            models.CheckConstraint(
                condition=~Q(decision__in=[Decision.CONFIRMED, Decision.REJECTED])
                | Q(decided_side__in=Side.values, proposed_side__in=Side.values)
                & ~Q(decided_side=F("proposed_side")),
                name="recommendations_publication_other_side_decides",
            ),
            models.CheckConstraint(
                condition=~Q(decision=Decision.REJECTED) | ~Q(decision_reason=""),
                name="recommendations_publication_rejection_has_reason",
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(decision=Decision.PENDING),
                name="recommendations_one_pending_publication",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.name} #{self.object_id}: {self.get_decision_display()}"
