"""Search snippets: the record's own words, with the words that matched marked.

The index holds normalised text (``committee.arabic``): «أمزيان» is indexed as «امزيان». Asking
PostgreSQL for a headline of the original text would miss such matches, and a headline of the
normalised text would show the reader words that are not in the record. So each candidate text
is normalised here, keeping for every character the span of the original it came from;
PostgreSQL marks the matching words in the normalised text (``ts_headline`` with every word
kept); the marks are mapped back onto the original, and the snippet is cut from the original
around the first mark. Everything outside the marks is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.utils.html import format_html
from django.utils.safestring import SafeString

from committee import arabic
from committee.fulltext import QUERY_CONFIGS, query_words
from committee.languages import direction

START, STOP = "\ue000", "\ue001"  # private-use characters, removed from texts beforehand
CONTEXT_BEFORE = 80
CONTEXT_AFTER = 220


@dataclass(frozen=True)
class Candidate:
    """A text a snippet may be cut from, and the configuration its language is searched with."""

    text: str
    language: str
    config: str


@dataclass(frozen=True)
class Snippet:
    html: SafeString
    language: str

    @property
    def direction(self) -> str:
        return direction(self.language)


def _marked_spans(marked: str, folded: str) -> list[tuple[int, int]] | None:
    """Spans of ``folded`` between the markers of ``marked``; None when the text is not the
    same once the markers are taken out (then nothing is marked rather than the wrong words)."""
    spans: list[tuple[int, int]] = []
    plain: list[str] = []
    position = 0
    start = -1
    for character in marked:
        if character == START:
            start = position
        elif character == STOP:
            if start >= 0:
                spans.append((start, position))
            start = -1
        else:
            plain.append(character)
            position += 1
    return spans if "".join(plain) == folded else None


def headlines(candidates: Sequence[Candidate], text: str) -> list[list[tuple[int, int]]]:
    """For each candidate, the spans of its original text that match ``text`` (one query)."""
    words = query_words(text)
    if not candidates or not words:
        return [[] for _ in candidates]
    folded_texts, maps = [], []
    for candidate in candidates:
        clean = candidate.text.replace(START, " ").replace(STOP, " ")
        folded, starts, ends = arabic.normalize_with_offsets(clean)
        folded_texts.append(folded)
        maps.append((starts, ends))
    query_sql = " || ".join("websearch_to_tsquery(%s::regconfig, %s)" for _ in QUERY_CONFIGS)
    params: list[str] = []
    for config in QUERY_CONFIGS:
        params += [config, words]
    options = f"HighlightAll=true, StartSel={START}, StopSel={STOP}"
    sql = (  # only placeholders are interpolated: every value is a parameter
        "SELECT t.position, ts_headline(t.config::regconfig, t.document, q.query, %s) "
        "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS t(document, config, position) "
        "CROSS JOIN (SELECT " + query_sql + " AS query) AS q ORDER BY t.position"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [options, folded_texts, [c.config for c in candidates], *params])
        marked = [row[1] for row in cursor.fetchall()]
    result: list[list[tuple[int, int]]] = []
    for folded, (starts, ends), headline in zip(folded_texts, maps, marked, strict=True):
        spans = _marked_spans(headline or "", folded) or []
        result.append([(starts[a], ends[b - 1]) for a, b in spans if b > a])
    return result


def render(text: str, spans: list[tuple[int, int]], language: str) -> Snippet:
    """The words around the first match, the matches marked, the rest escaped."""
    if spans:
        first = spans[0][0]
        begin = max(0, first - CONTEXT_BEFORE)
        end = min(len(text), first + CONTEXT_AFTER)
    else:
        begin, end = 0, min(len(text), CONTEXT_BEFORE + CONTEXT_AFTER)
    if begin > 0:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < (spans[0][0] if spans else end) else begin
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin and (not spans or space >= spans[0][1]) else end
    pieces: list[SafeString] = [SafeString("… ")] if begin > 0 else []
    position = begin
    for span_start, span_stop in spans:
        start, stop = max(span_start, begin), min(span_stop, end)
        if stop <= start or start < position:
            continue
        pieces.append(format_html("{}<mark>{}</mark>", text[position:start], text[start:stop]))
        position = stop
    pieces.append(format_html("{}", text[position:end]))
    if end < len(text):
        pieces.append(SafeString(" …"))
    return Snippet(SafeString("".join(pieces)), language)
