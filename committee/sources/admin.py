from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from committee.admin import (
    RECORD_FIELDS,
    CommitteeAdmin,
    RecordAdmin,
    TabularInline,
    citation_in_context,
)
from committee.languages import direction
from committee.sources.models import Citation, ImportRun, SourceDocument


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


@admin.register(SourceDocument)
class SourceDocumentAdmin(RecordAdmin):
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

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "text"] if obj is not None else readonly

    @admin.display(description=_("text, with the cited words highlighted"))
    def highlighted_text(self, source: SourceDocument) -> str:
        if not source.pk:
            return ""
        citations = sorted(
            Citation.objects.filter(source=source).values_list("pk", "start", "end"),
            key=lambda c: (c[1], -c[2]),
        )
        pieces: list[tuple[str, str, str]] = []
        position = 0
        for pk, start, end in citations:
            if start < position:
                continue  # nested in a span already highlighted
            pieces.append(("", "", source.text[position:start]))
            pieces.append((f"c{pk}", "mark", source.text[start:end]))
            position = end
        pieces.append(("", "", source.text[position:]))
        body = format_html_join(
            "",
            "{}",
            (
                (format_html('<mark id="{}">{}</mark>', anchor, text) if tag else text,)
                for anchor, tag, text in pieces
            ),
        )
        return format_html(
            '<div class="source-text" lang="{}" dir="{}">{}</div>',
            source.language,
            direction(source.language),
            body,
        )


@admin.register(Citation)
class CitationAdmin(CommitteeAdmin):
    list_display = ["__str__", "content_type", "object_id", "field", "source"]
    list_filter = ["content_type", "field"]
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
