"""Two-key publication: one delegation proposes making a committee record public, the other
confirms (or rejects with a reason); only the confirmation changes the record's visibility."""

from __future__ import annotations

from typing import Self

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import Decision, Side
from committee.languages import Language
from committee.two_keys import TwoKeyProposal, TwoKeyQuerySet, decider, proposer


class PublicationRequestQuerySet(TwoKeyQuerySet["PublicationRequest"]):
    def about(self, record: models.Model) -> Self:
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )


@audited()
class PublicationRequest(TwoKeyProposal):
    """A proposal to make a committee record public. Visible to whoever sees the record."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.PROTECT
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    reason = models.TextField(_("reason"), blank=True)
    #: The language the proposer was writing in (as ``Record.original_language`` of a status
    #: change says the language of its reason).
    original_language = models.CharField(
        _("language of the reason"), max_length=2, choices=Language, blank=True, editable=False
    )
    proposed_by = proposer("publication_proposals")
    decided_by = decider("publication_decisions")

    objects = PublicationRequestQuerySet.as_manager()

    class Meta(TwoKeyProposal.Meta):
        verbose_name = _("publication request")
        verbose_name_plural = _("publication requests")
        ordering = ["-proposed_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="publication_record")]
        constraints = [
            *TwoKeyProposal.shared_constraints("recommendations_publication"),
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
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(decision=Decision.PENDING),
                name="recommendations_one_pending_publication",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.name} #{self.object_id}: {self.get_decision_display()}"
