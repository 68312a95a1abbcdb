"""Progress updates from each delegation, and the evidence files that support them."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import Decision as Decision  # noqa: PLC0414  (re-exported: it lived here)
from committee.bilateral import Side, VisibleQuerySet
from committee.dates import format_partial
from committee.languages import (
    Translated,
    text_in_some_language,
    translated_text_fields,
)
from committee.records import Record
from committee.write_paths import RuleBearing

if TYPE_CHECKING:
    pass


from committee.recommendations.models.recommendation import Completion, Recommendation


class UpdateState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ProgressUpdateQuerySet(VisibleQuerySet["ProgressUpdate"]):
    visible_through = ("recommendation",)

    def published(self) -> Self:
        return self.filter(state=UpdateState.PUBLISHED)


@audited()
class ProgressUpdate(Record):
    """One delegation's account of how far a recommendation has got, as of a date."""

    #: Published by its author (``publish_progress``), then never rewritten: a correction is a
    #: new update.
    rule_bearing = RuleBearing(
        ("state", "published_at", "visibility"),
        when=("state", "published"),
        then=(
            "recommendation",
            "side",
            "author",
            "as_of",
            "proposed_completion",
            "narrative_ar",
            "narrative_es",
            "narrative_fr",
            "narrative_en",
            "original_language",
            "corrects",
        ),
    )

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        related_name="progress_updates",
    )
    side = models.CharField(_("delegation"), max_length=2, choices=Side)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="progress_updates",
    )
    as_of = models.DateField(_("as of"))
    narrative_ar, narrative_es, narrative_fr, narrative_en = translated_text_fields(_("narrative"))
    narrative = Translated("narrative")
    proposed_completion = models.CharField(
        _("proposed completion"), max_length=12, choices=Completion, blank=True
    )
    state = models.CharField(
        _("state"), max_length=10, choices=UpdateState, default=UpdateState.DRAFT
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
    )

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-as_of", "-pk"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=text_in_some_language("narrative"),
                name="recommendations_progress_has_narrative",
            ),
            models.CheckConstraint(
                condition=Q(side__in=Side.values), name="recommendations_progress_side_valid"
            ),
            models.CheckConstraint(
                condition=Q(state__in=UpdateState.values),
                name="recommendations_progress_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(state=UpdateState.DRAFT, published_at__isnull=True)
                | Q(state=UpdateState.PUBLISHED, published_at__isnull=False),
                name="recommendations_progress_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(proposed_completion__in=[*Completion.values, ""]),
                name="recommendations_progress_completion_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["recommendation", "-as_of"], name="progress_by_recommendation"),
            # The latest published updates (home page, feed) without sorting all of them.
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(state="published"),
                name="progress_latest_published",
            ),
            # The admin's list, newest first, reads its page off this index instead of sorting
            # every update a reader may see (0.9 s at 146,000 updates).
            models.Index(fields=["-as_of", "-id"], name="progress_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation.reference} — {self.side}, {format_partial(self.as_of, 'day')}"


def evidence_path(instance: Evidence, filename: str) -> str:
    """A server-chosen name; the uploader's file name is kept only as ``original_name``."""
    return f"evidence/{uuid.uuid4().hex}"


class EvidenceQuerySet(VisibleQuerySet["Evidence"]):
    """Evidence has no level of its own: it is visible exactly when its update is."""

    visible_through = ("progress_update",)


@audited()
class Evidence(models.Model):
    """A file supporting a progress update, served only through an access-checked download."""

    progress_update = models.ForeignKey(
        ProgressUpdate,
        verbose_name=_("progress update"),
        on_delete=models.PROTECT,
        related_name="evidence",
    )
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded on"), auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
