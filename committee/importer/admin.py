"""The admin page that imports an article: upload, review the extraction, save.

It completes the articles' admin of ``committee.sources`` and registers it, because importing
reaches every domain app and the importer is the only app above them all.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from committee.admin import SecretariatOnly
from committee.importer.extraction.confidence import SUGGEST_BELOW
from committee.importer.forms import ArticleConfirmForm, ArticleUploadForm
from committee.importer.models import ProposalState, ProposedChange, shown
from committee.importer.reading import Article, ArticleRefused
from committee.importer.services import (
    accept_proposed_change,
    can_decide,
    import_article,
    reject_proposed_change,
)
from committee.sources.admin import SourceDocumentAdmin
from committee.sources.highlighting import Span, highlight
from committee.sources.models import SourceDocument


@admin.register(SourceDocument)
class ImportingSourceDocumentAdmin(SourceDocumentAdmin):
    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.import_view)
        again = self.admin_site.admin_view(self.review_again_view)
        return [
            path("import/", view, name="sources_sourcedocument_import"),
            path("<int:pk>/suggestions/", again, name="sources_sourcedocument_suggestions"),
            *super().get_urls(),
        ]

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
            context["errors"] = [*confirm.non_field_errors(), *confirm.errors.get("url", [])]
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

    def review_again_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The preview of an article already imported: its suggestions may be accepted now."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        source = self.get_queryset(request).filter(pk=pk).first()
        if source is None:  # not there, or not one this user may see: the same answer
            raise Http404
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import an article"),
        }
        data = {
            "article": Article(text=source.text, encoding="utf-8", file_name=source.file_name),
            "published": source.published_on,
            "url": source.url,
            "visibility": source.visibility,
        }
        return self._preview_import(request, data, context)

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
            Span(number, span["start"], span["end"], "", _fact_label(kind, fact))
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
                "suggest_below": f"{SUGGEST_BELOW:.0%}",
                "language": (report.extraction or {}).get("language", "ar"),
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
                accepted=request.POST.getlist("accept"),
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


def _fact_label(kind: str, fact: dict[str, Any]) -> str:
    """What a highlighted span shows on hover: the fact, and how sure the extractor is."""
    confidence = fact.get("confidence", 1.0)
    label = f"{kind}: {fact['key']} ({confidence:.0%})"
    if confidence < SUGGEST_BELOW:
        label += " — " + str(_("suggested, not saved unless accepted"))
    return label


@admin.register(ProposedChange)
class ProposedChangeAdmin(SecretariatOnly, admin.ModelAdmin):  # type: ignore[type-arg]
    """What articles would change in records, with their words; the secretariat decides.

    Only proposals on records the user may see are listed (``visible_to``): a proposal shows
    the record's current value. Nothing is edited here; deciding goes through the services.
    """

    list_display = ("record_label", "field", "current_value", "proposed_value", "quote", "state")
    list_filter = ("state", "content_type")
    search_fields = ("quote", "field")
    readonly_fields = (
        "record_label",
        "field",
        "current_value",
        "proposed_value",
        "source",
        "quote",
        "start",
        "end",
        "created_at",
        "state",
        "reviewed_by",
        "reviewed_at",
    )
    fields = readonly_fields
    actions = ("accept", "reject")

    def get_queryset(self, request: HttpRequest) -> QuerySet[ProposedChange]:
        # ``record`` is generic: prefetched, one query per kind of record, not one per row.
        return (
            ProposedChange.objects.visible_to(request.user)
            .select_related("content_type", "source", "reviewed_by")
            .prefetch_related("record")
        )

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # decided proposals are history

    def has_decide_permission(self, request: HttpRequest) -> bool:
        return can_decide(request.user)  # type: ignore[arg-type]

    @admin.display(description=_("record"))
    def record_label(self, proposal: ProposedChange) -> str:
        return f"{proposal.content_type.name}: {proposal.record}"

    @admin.display(description=_("current value"))
    def current_value(self, proposal: ProposedChange) -> str:
        return shown(proposal.current)

    @admin.display(description=_("proposed value"))
    def proposed_value(self, proposal: ProposedChange) -> str:
        return shown(proposal.proposed)

    @admin.action(description=_("Accept: apply the proposed value"), permissions=["decide"])
    def accept(self, request: HttpRequest, queryset: QuerySet[ProposedChange]) -> None:
        self._decide(request, queryset, accept_proposed_change)

    @admin.action(description=_("Reject: keep the record as it is"), permissions=["decide"])
    def reject(self, request: HttpRequest, queryset: QuerySet[ProposedChange]) -> None:
        self._decide(request, queryset, reject_proposed_change)

    def _decide(
        self, request: HttpRequest, queryset: QuerySet[ProposedChange], decide: Any
    ) -> None:
        done = 0
        for proposal in queryset.filter(state=ProposalState.PENDING):
            try:
                decide(proposal, by=request.user)
            except (ValidationError, PermissionDenied) as refusal:
                reason = " ".join(getattr(refusal, "messages", [str(refusal)]))
                self.message_user(request, f"{proposal}: {reason}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d proposed change decided.",
                    "%(count)d proposed changes decided.",
                    done,
                )
                % {"count": done},
                messages.SUCCESS,
            )
