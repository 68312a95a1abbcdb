from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from committee.admin import (
    RECORD_FIELDS,
    CommitteeAdmin,
    RecordAdmin,
    SecretariatOnly,
    TabularInline,
)
from committee.languages import direction
from committee.sources.highlighting import Span, highlight
from committee.sources.models import Citation, ImportRun, SourceDocument


class CitationInline(SecretariatOnly, GenericTabularInline):  # type: ignore[misc]
    """The words of the sources a record came from, each shown in its sentence."""

    model = Citation
    fields = ["source", "field", "start", "end", "in_context"]
    readonly_fields = ["source", "field", "start", "end", "in_context"]
    extra = 0
    can_delete = False
    verbose_name_plural = _("citations (the words this record came from)")

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        citations: Any = super().get_queryset(request)
        return citations.visible_to(request.user).select_related("source")  # type: ignore[no-any-return]

    @admin.display(description=_("in context"))
    def in_context(self, citation: Any) -> str:
        return citation_in_context(citation)


def citation_in_context(citation: Any, *, around: int = 80) -> str:
    """The cited span highlighted (``<mark>``) in the words around it."""
    text = citation.source.text
    before = text[max(0, citation.start - around) : citation.start]
    after = text[citation.end : citation.end + around]
    language = citation.source.language
    return format_html(
        '<span lang="{}" dir="{}">…{}<mark>{}</mark>{}…</span> <a href="{}#c{}">{}</a>',
        language,
        direction(language),
        before,
        text[citation.start : citation.end],
        after,
        reverse("admin:sources_sourcedocument_change", args=[citation.source_id]),
        citation.pk,
        _("open the article"),
    )


class SourceCitationInline(TabularInline):
    model = Citation
    fields = ["record_link", "field", "start", "end", "quote"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> Any:
        return Citation.objects.visible_to(request.user).select_related("content_type")

    @admin.display(description=_("record"))
    def record_link(self, citation: Citation) -> str:
        return format_html("{}: {}", citation.content_type.name, citation.record)


def admin_url(content_type: ContentType, object_id: int) -> str:
    """The admin page of a cited record (its change view)."""
    try:
        return reverse(
            f"admin:{content_type.app_label}_{content_type.model}_change", args=[object_id]
        )
    except NoReverseMatch:
        return ""


class SourceDocumentAdmin(RecordAdmin):
    """The articles, each with its cited words highlighted.

    Registered by the importer (``committee.importer.admin``), which adds the page that imports
    an article: the evidence is kept here, the importer stands above every domain app.
    """

    list_display = [
        "__str__",
        "language",
        "publisher",
        "published_on",
        "visibility",
        "needs_review",
    ]
    list_filter = ["language", "publisher", "visibility", "needs_review"]
    search_fields = ["title", "text", "publisher", "url"]
    date_hierarchy = "published_on"
    readonly_fields = ["sha256", "highlighted_text"]
    inlines = [SourceCitationInline]
    fields = [
        "title",
        "text",
        "language",
        "publisher",
        "url",
        "published_on",
        "file_name",
        "sha256",
        "highlighted_text",
        *RECORD_FIELDS,
    ]

    change_list_template = "admin/sources/sourcedocument/change_list.html"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "text"] if obj is not None else readonly

    @admin.display(description=_("text, with the cited words highlighted"))
    def highlighted_text(self, source: SourceDocument) -> str:
        if not source.pk:
            return ""
        citations = Citation.objects.filter(source=source).select_related("content_type")
        spans = [
            Span(
                c.pk,
                c.start,
                c.end,
                admin_url(c.content_type, c.object_id),
                f"{c.content_type.name}: {c.field}",
            )
            for c in citations
        ]
        return format_html(
            '<div class="source-text" lang="{}" dir="{}">{}</div>',
            source.language,
            direction(source.language),
            highlight(source.text, spans),
        )


@admin.register(Citation)
class CitationAdmin(CommitteeAdmin):
    list_display = ["__str__", "content_type", "object_id", "field", "source"]
    # No filter by field: listing its values reads every citation through the secretariat's
    # rule (a subquery per model cited), 40 s and more at 100,000 recommendations.
    list_filter = ["content_type"]
    search_fields = ["quote"]
    list_select_related = ["source", "content_type"]
    readonly_fields = [
        "source",
        "content_type",
        "object_id",
        "field",
        "start",
        "end",
        "quote",
        "in_context",
    ]
    fields = readonly_fields

    @admin.display(description=_("in context"))
    def in_context(self, citation: Citation) -> str:
        return citation_in_context(citation)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False


@admin.register(ImportRun)
class ImportRunAdmin(CommitteeAdmin):
    list_display = ["started_at", "file_name", "status", "created", "updated", "skipped", "user"]
    list_filter = ["status"]
    search_fields = ["file_name", "message"]
    date_hierarchy = "started_at"
    list_select_related = ["user"]
    readonly_fields = [
        "source",
        "file_name",
        "started_at",
        "finished_at",
        "status",
        "created",
        "updated",
        "skipped",
        "report",
        "message",
        "user",
    ]
    fields = readonly_fields

    def get_queryset(self, request: HttpRequest) -> Any:
        visible = SourceDocument.objects.visible_to(request.user)
        queryset = super().get_queryset(request)
        return queryset.filter(source__in=visible) | queryset.filter(source__isnull=True)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False
