"""An article's text with the spans its citations point at marked and linked to their records.

Citations may overlap (a meeting's sentence holds a person's name): the text is cut at every
span boundary and each piece is marked once, linked to the narrowest citation covering it. Each
citation's first piece carries the anchor ``c<id>`` that record pages link to.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Span:
    id: int
    start: int
    end: int
    url: str
    label: str


def record_url(record: models.Model | None) -> str:
    """Where a cited record is shown: its own page, or the page of the record it belongs to."""
    if record is None:
        return ""
    get_url = getattr(record, "get_absolute_url", None)
    if get_url is not None:
        return str(get_url())
    for key, name in (("meeting_id", "meeting-detail"), ("body_id", "body-detail")):
        pk = getattr(record, key, None)
        if pk is not None:
            return reverse(name, args=[pk])
    return ""


def highlight(text: str, spans: list[Span]) -> SafeString:
    usable = sorted(
        (span for span in spans if 0 <= span.start < span.end <= len(text)),
        key=lambda span: (span.start, -span.end, span.id),
    )
    cuts = sorted({0, len(text)} | {s.start for s in usable} | {s.end for s in usable})
    anchored: set[int] = set()
    pieces: list[SafeString] = []
    for start, end in itertools.pairwise(cuts):
        covering = [span for span in usable if span.start <= start and span.end >= end]
        piece = text[start:end]
        if not covering:
            pieces.append(format_html("{}", piece))
            continue
        new = [span for span in covering if span.id not in anchored]
        anchored.update(span.id for span in new)
        narrowest = min(covering, key=lambda span: (span.end - span.start, span.id))
        mark_id = new[0].id if new else None
        extra = format_html_join(
            "", '<span class="anchor" id="c{}"></span>', ((s.id,) for s in new[1:])
        )
        # White space between two words is marked but not a link: a link needs words to name it.
        linked = narrowest.url and piece.strip()
        inner = format_html('<a href="{}">{}</a>', narrowest.url, piece) if linked else piece
        title = " · ".join(dict.fromkeys(span.label for span in covering))
        if mark_id is None:
            pieces.append(format_html('<mark title="{}">{}</mark>', title, inner))
        else:
            pieces.append(
                format_html('{}<mark id="c{}" title="{}">{}</mark>', extra, mark_id, title, inner)
            )
    return SafeString("".join(pieces))
