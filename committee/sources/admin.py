from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from committee.admin import (
    RECORD_FIELDS,
    CommitteeAdmin,
    RecordAdmin,
    TabularInline,
    citation_in_context,
)
from committee.languages import direction
from committee.sources.forms import ArticleConfirmForm, ArticleUploadForm
from committee.sources.highlighting import Span, highlight
from committee.sources.models import Citation, ImportRun, SourceDocument
from committee.sources.reading import ArticleRefused
from committee.sources.services import import_article


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

    change_list_template = "admin/sources/sourcedocument/change_list.html"

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "text"] if obj is not None else readonly

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="sources_sourcedocument_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload an article, review what the importer extracts, then save it."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import an article"),
        }
        if request.method == "POST" and "save" in request.POST:
            confirm = ArticleConfirmForm(request.POST)
            if confirm.is_valid():
                return self._save_import(request, confirm.cleaned_data)
            context["errors"] = confirm.non_field_errors()
            upload = ArticleUploadForm()
        elif request.method == "POST":
            upload = ArticleUploadForm(request.POST, request.FILES)
            if upload.is_valid():
                return self._preview_import(request, upload.cleaned_data, context)
        else:
            upload = ArticleUploadForm()
        return TemplateResponse(
            request, "admin/sources/import_article.html", {**context, "form": upload}
        )

    def _preview_import(
        self, request: HttpRequest, data: dict[str, Any], context: dict[str, Any]
    ) -> HttpResponse:
        article = data["article"]
        try:
            report = import_article(
                article=article,
                published=data["published"],
                url=data["url"],
                visibility=data["visibility"],
                dry_run=True,
                user=request.user,  # type: ignore[arg-type]
            )
        except ArticleRefused as refusal:
            form = ArticleUploadForm(
                initial={k: data[k] for k in ("published", "url", "visibility")}
            )
            return TemplateResponse(
                request,
                "admin/sources/import_article.html",
                {**context, "form": form, "refusal": str(refusal)},
            )
        confirm = ArticleConfirmForm.for_article(
            article, published=data["published"], url=data["url"], visibility=data["visibility"]
        )
        spans = [
            Span(number, span["start"], span["end"], "", f"{kind}: {fact['key']}")
            for number, (kind, fact, span) in enumerate(
                (kind, fact, span)
                for kind, facts in (report.extraction or {}).items()
                if isinstance(facts, list)
                for fact in facts
                if isinstance(fact, dict)
                for span in fact.get("spans", [])
            )
        ]
        return TemplateResponse(
            request,
            "admin/sources/import_preview.html",
            {
                **context,
                "title": _("Review the extraction"),
                "report": report,
                "confirm": confirm,
                "article": article,
                "highlighted": highlight(article.text, spans),
            },
        )

    def _save_import(self, request: HttpRequest, data: dict[str, Any]) -> HttpResponse:
        try:
            report = import_article(
                article=data["article"],
                published=data["published"],
                url=data["url"] or "",
                visibility=data["visibility"],
                user=request.user,  # type: ignore[arg-type]
            )
        except ArticleRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:sources_sourcedocument_import"))
        self.message_user(
            request,
            ngettext(
                "Imported: %(created)d record created",
                "Imported: %(created)d records created",
                len(report.created),
            )
            % {"created": len(report.created)}
            + "; "
            + ngettext("%(updated)d enriched", "%(updated)d enriched", len(report.updated))
            % {"updated": len(report.updated)}
            + "; "
            + ngettext(
                "%(unchanged)d already known.", "%(unchanged)d already known.", report.unchanged
            )
            % {"unchanged": report.unchanged},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:sources_sourcedocument_change", args=[report.source])
        )

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
