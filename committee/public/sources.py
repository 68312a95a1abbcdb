"""The public page of a source article, its cited spans marked and linked to their records.

Without ``?record=`` every record's words are marked lightly, so the article still reads as
text; with ``?record=meeting-12`` (the link from a record's page) only that record's words are
marked, when the reader may see that record.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from committee.sources.highlighting import Span, highlight, record_url
from committee.sources.models import Citation, SourceDocument
from committee.sources.passages import record_key, supporting


@login_not_required
@require_safe
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = request.user
    source = get_object_or_404(SourceDocument.objects.visible_to(viewer), pk=pk)
    citations = list(
        Citation.objects.filter(source=source)
        .visible_to(viewer, kinds_cited_here=True)
        .select_related("content_type")
        .prefetch_related("record")
    )
    produced: dict[str, dict[str, object]] = {}
    for citation in citations:
        record = citation.record
        if record is None:
            continue
        key = record_key(citation)
        entry = produced.setdefault(
            key,
            {
                "kind": str(record._meta.verbose_name),
                "record": record,
                "url": record_url(record),
                "key": key,
                "citations": [],
            },
        )
        entry["citations"].append(citation)  # type: ignore[attr-defined]
    for entry in produced.values():
        entry["citations"] = supporting(entry["citations"])  # type: ignore[arg-type]
    chosen = produced.get(request.GET.get("record", ""))
    shown = [chosen] if chosen is not None else list(produced.values())
    spans = [
        Span(
            citation.pk,
            citation.start,
            citation.end,
            str(entry["url"]),
            f"{entry['kind']}: {entry['record']}",
        )
        for entry in shown
        for citation in entry["citations"]  # type: ignore[attr-defined]
    ]
    context = {
        "source": source,
        "highlighted": highlight(source.text, spans),
        "chosen": chosen,
        "produced": sorted(produced.values(), key=lambda entry: str(entry["kind"])),
    }
    return render(request, "sources/detail.html", context)
