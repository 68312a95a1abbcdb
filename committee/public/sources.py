"""The public page of a source article, its cited spans marked and linked to their records."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from committee.sources.highlighting import Span, highlight, record_url
from committee.sources.models import Citation, SourceDocument


@login_not_required
@require_safe
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = request.user
    source = get_object_or_404(SourceDocument.objects.visible_to(viewer), pk=pk)
    citations = list(
        Citation.objects.visible_to(viewer)
        .filter(source=source)
        .select_related("content_type")
        .prefetch_related("record")
    )
    produced: dict[tuple[int, int], dict[str, object]] = {}
    spans = []
    for citation in citations:
        record = citation.record
        if record is None:
            continue
        kind = str(record._meta.verbose_name)
        label = f"{kind}: {record}"
        url = record_url(record)
        spans.append(Span(citation.pk, citation.start, citation.end, url, label))
        key = (citation.content_type_id, citation.object_id)
        entry = produced.setdefault(
            key, {"kind": kind, "record": record, "url": url, "citations": []}
        )
        entry["citations"].append(citation)  # type: ignore[attr-defined]
    context = {
        "source": source,
        "highlighted": highlight(source.text, spans),
        "produced": sorted(produced.values(), key=lambda entry: str(entry["kind"])),
    }
    return render(request, "sources/detail.html", context)
