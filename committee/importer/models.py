"""Proposed changes: what an article says differently from a record, kept until someone decides.

An import fills only what a record leaves empty. When an article says something else than what
an existing record holds (another city, another date, a date made more precise, another status),
the importer does not write it: it keeps a ``ProposedChange`` with the words it came from, and
the secretariat accepts or rejects it (``committee.importer.proposals``). Nothing already
recorded is overwritten without someone having looked.
"""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import VisibleQuerySet, visible_levels
from committee.sources.models import SourceDocument


class ProposalState(models.TextChoices):
    PENDING = "pending", _("Needs review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ProposedChangeQuerySet(models.QuerySet["ProposedChange"]):
    def visible_to(self, user: Any) -> Self:
        """Proposals whose source and record the user may both see: a proposal shows the
        record's current value, so it is as private as the record."""
        from django.apps import apps  # noqa: PLC0415

        condition = Q(source__visibility__in=sorted(visible_levels(user)))
        # Records carry their visibility (a ``VisibleQuerySet``); citations and proposals,
        # which ask their records in turn, are never proposed on.
        proposed_on = [
            model
            for model in apps.get_models()
            if isinstance(model._default_manager.all(), VisibleQuerySet)
        ]
        records = Q(pk__in=[])
        for model, content_type in ContentType.objects.get_for_models(*proposed_on).items():
            visible = model._default_manager.visible_to(user).filter(pk=OuterRef("object_id"))  # type: ignore[attr-defined]
            records |= Q(content_type=content_type) & Q(Exists(visible))
        return self.filter(condition & records)

    def pending(self) -> Self:
        return self.filter(state=ProposalState.PENDING)

    def of(self, record: models.Model) -> Self:
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )


@audited()
class ProposedChange(models.Model):
    """``field`` of a record would become ``proposed`` (from ``current``), says ``quote``.

    ``current`` and ``proposed`` map columns to JSON values (a date and its precision change
    together, so do a city's four languages); accepting re-checks ``current`` first.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=40)
    current = models.JSONField(_("current value"))
    proposed = models.JSONField(_("proposed value"))
    source = models.ForeignKey(
        SourceDocument,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="proposed_changes",
    )
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    quote = models.TextField(_("quotation"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    state = models.CharField(
        _("state"), max_length=10, choices=ProposalState, default=ProposalState.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = ProposedChangeQuerySet.as_manager()
    #: Nothing cites a proposal: ``Citation.visible_to`` need not ask its (costly) rule.
    never_cited = True

    class Meta:
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="importer_proposal_span_not_empty"
            ),
            # One article proposes one value for a field of a record: a re-import adds none.
            models.UniqueConstraint(
                fields=["source", "content_type", "object_id", "field"],
                name="importer_proposal_unique",
            ),
            models.CheckConstraint(
                condition=Q(state=ProposalState.PENDING)
                | Q(reviewed_at__isnull=False, reviewed_by__isnull=False),
                name="importer_proposal_reviewed_by_someone",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="proposal_record")]

    def __str__(self) -> str:
        return f"{self.field}: {shown(self.current)} → {shown(self.proposed)}"


def shown(values: dict[str, Any]) -> str:
    """A value for people: its first non-empty column, and a date's precision."""
    items = [str(v) for k, v in values.items() if v not in (None, "") and "precision" not in k]
    precision = next((v for k, v in values.items() if "precision" in k and v), "")
    text = items[0] if items else "—"
    return f"{text} ({precision})" if precision else text
