"""Turning labelled evidence into a fact's ``spans``: sorted, without repeats or nested spans."""

from __future__ import annotations

from collections.abc import Iterable

from committee.importer.extraction.model import Evidence, Span


def distinct_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """The spans in text order, dropping duplicates and spans inside another span."""
    ordered = sorted(set(spans), key=lambda span: (span.start, -span.end))
    kept: list[Span] = []
    for span in ordered:
        if kept and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return tuple(kept)


def ordered_evidence(evidence: Iterable[Evidence | None]) -> tuple[Evidence, ...]:
    """The evidence in text order, without repeats; ``None`` (nothing to cite) is skipped."""
    present = {item for item in evidence if item is not None}
    return tuple(sorted(present, key=lambda item: (item.span.start, item.span.end, item.field)))


def spans_of(evidence: Iterable[Evidence]) -> tuple[Span, ...]:
    return distinct_spans(item.span for item in evidence)
