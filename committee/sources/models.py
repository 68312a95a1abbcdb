"""Source articles, the citations that tie every imported fact to its words, and import runs."""

from __future__ import annotations

import hashlib
from typing import Any, Self

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from committee.audit import audited
from committee.bilateral import ALL_LEVELS, VisibleQuerySet, visible_levels
from committee.fulltext import language_vector
from committee.languages import CODES, Language, short
from committee.records import Record
from committee.sources.addresses import WebAddressField


class SourceDocumentQuerySet(VisibleQuerySet["SourceDocument"]):
    pass


def _source_vector() -> models.GeneratedField:
    """The article's words under its own language's configuration."""
    whens = [
        models.When(
            language=code,
            then=language_vector(F("text"), code, "B") + language_vector(F("title"), code, "A"),
        )
        for code in CODES
    ]
    return models.GeneratedField(
        expression=models.Case(*whens, output_field=SearchVectorField()),
        output_field=SearchVectorField(),
        db_persist=True,
        editable=False,
    )


@audited()
class SourceDocument(Record):
    """An article or document the committee's records were taken from."""

    title = models.CharField(_("title"), max_length=500, blank=True)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2, choices=Language, default=Language.AR)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = WebAddressField(_("address"), max_length=500, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256 of the text"), max_length=64, unique=True, editable=False)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    search_vector = _source_vector()

    objects = SourceDocumentQuerySet.as_manager()

    class Meta(Record.Meta):
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        ordering = ["-published_on", "-pk"]
        constraints = [
            *Record.Meta.constraints,
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="sources_document_sha256_hex"
            ),
            models.CheckConstraint(condition=~Q(text=""), name="sources_document_has_text"),
        ]
        indexes = [GinIndex(fields=["search_vector"], name="source_search")]

    def __str__(self) -> str:
        return self.title or f"{_('Source')} {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("source-detail", args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sha256 = text_digest(self.text)
        super().save(*args, **kwargs)


def text_digest(text: str) -> str:
    """The identity of an article: the SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CitationQuerySet(models.QuerySet["Citation"]):
    def visible_to(
        self,
        user: Any,
        *,
        of: models.Model | models.QuerySet[Any] | None = None,
        kinds_cited_here: bool = False,
    ) -> Self:
        """Citations whose source and cited record the user may both see; ``of``: only the
        citations of that record (its page), or of the records of that QuerySet (a page's
        statements), which asks one model's rule instead of all. ``kinds_cited_here``: ask
        only the rules of the kinds of record these citations cite (one query more; an
        article's page: every other kind's rule in the same condition costs minutes)."""
        from django.apps import apps  # noqa: PLC0415

        model_of: type[models.Model] = of.model if isinstance(of, models.QuerySet) else type(of)  # type: ignore[assignment]
        narrowed = self.of(of) if of is not None else self
        if visible_levels(user) == ALL_LEVELS:
            # An operator sees every citation: no condition (one subquery per model cited,
            # asked of every citation of the admin's list, costs seconds).
            return narrowed
        levels = sorted(visible_levels(user))
        condition = Q(source__visibility__in=levels)
        models_cited = (
            [model_of]
            if of is not None
            else [
                model
                for model in apps.get_models()
                if hasattr(model._default_manager, "visible_to")
                and model is not Citation
                and not getattr(model, "never_cited", False)  # a record's bookkeeping
            ]
        )
        if kinds_cited_here and of is None:
            present = set(narrowed.values_list("content_type_id", flat=True).distinct())
            models_cited = [
                model
                for model in models_cited
                if ContentType.objects.get_for_model(model).pk in present
            ]
        if not models_cited:
            return narrowed.none()
        cited = Q()
        for model, content_type in ContentType.objects.get_for_models(*models_cited).items():
            # Correlated, so a page's few citations look up their own records instead of
            # every model's whole visible set being built first.
            visible = model._default_manager.visible_to(user).filter(pk=OuterRef("object_id"))  # type: ignore[attr-defined]
            cited |= Q(content_type=content_type) & Q(Exists(visible))
        return narrowed.filter(condition & cited)

    def of(self, record: models.Model | models.QuerySet[Any]) -> Self:
        if isinstance(record, models.QuerySet):
            return self.filter(
                content_type=ContentType.objects.get_for_model(record.model),
                object_id__in=record.values("pk"),
            )
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        )


@audited()
class Citation(models.Model):
    """A record ↔ the span of a source it came from: ``source.text[start:end] == quote``."""

    source = models.ForeignKey(
        SourceDocument, verbose_name=_("source"), on_delete=models.PROTECT, related_name="citations"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    field = models.CharField(
        _("field"),
        max_length=40,
        blank=True,
        help_text=_("Which of the record's fields the words support."),
    )
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    quote = models.TextField(_("quotation"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["source", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="sources_citation_span_not_empty"
            ),
            models.UniqueConstraint(
                fields=["source", "content_type", "object_id", "field", "start", "end"],
                name="sources_citation_unique",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_record")]

    def __str__(self) -> str:
        return f"«{short(self.quote, 60)}» [{self.start}:{self.end}]"


class ImportStatus(models.TextChoices):
    SUCCEEDED = "succeeded", _("Succeeded")
    UNCHANGED = "unchanged", _("Nothing new")
    REFUSED = "refused", _("Refused")
    FAILED = "failed", _("Failed")


class ImportRunQuerySet(VisibleQuerySet["ImportRun"]):
    """No level of its own: visible when every record it links is."""

    visible_through = ("source",)


class ImportRun(models.Model):
    """What one import created, updated, skipped, and why."""

    source = models.ForeignKey(
        SourceDocument,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="import_runs",
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus)
    created = models.PositiveIntegerField(_("records created"), default=0)
    updated = models.PositiveIntegerField(_("records enriched"), default=0)
    skipped = models.PositiveIntegerField(_("facts skipped"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    message = models.TextField(_("message"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ImportStatus.values), name="sources_importrun_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_name or self.source} — {self.get_status_display()}"
