"""Search snippets: the record's own words, with the words that matched marked.

The index holds analysed text (``committee.fulltext``): normalised, unaccented, Arabic
stemmed. Asking PostgreSQL for a headline of the original text would miss such matches, and a
headline of the analysed text would show the reader words that are not in the record. So each
candidate text is normalised here, keeping for every character the span of the original it came
from, and its words are matched on that copy:

- Arabic: each word's light stem (``committee.arabic.stem``, the same as the index's) is
  compared with the query's stems;
- Spanish, French, English: PostgreSQL marks the matching words (``ts_headline`` under the
  language's configuration, every word kept) in the copy stripped of accents character by
  character, so the marks map back;

then the marks are mapped back onto the original, and the snippet is cut from the original
around the first mark. Everything outside the marks is escaped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection
from django.utils.html import format_html
from django.utils.safestring import SafeString

from committee import arabic
from committee.fulltext import INDEX_CONFIG, query_words
from committee.languages import direction

START, STOP = "\ue000", "\ue001"  # private-use characters, removed from texts beforehand
CONTEXT_BEFORE = 80
CONTEXT_AFTER = 220
#: A word of a normalised text: a run of Arabic letters, or of other letters and digits.
WORD = re.compile("[\u0621-\u064a]+|[^\\W\u0621-\u064a_]+")


@dataclass(frozen=True)
class Candidate:
    """A text a snippet may be cut from, and its language."""

    text: str
    language: str


@dataclass(frozen=True)
class Snippet:
    html: SafeString
    language: str

    @property
    def direction(self) -> str:
        return direction(self.language)


def strip_accents(text: str) -> str:
    """Accents taken off letter by letter, the length kept («Policía» → «Policia»); a letter
    that does not decompose into one base letter («œ») stays as it is."""
    if text.isascii():
        return text
    out = []
    for character in text:
        base = "".join(
            c for c in unicodedata.normalize("NFD", character) if not unicodedata.combining(c)
        )
        out.append(base if len(base) == 1 else character)
    return "".join(out)


def _arabic_spans(folded: str, keys: set[str]) -> list[tuple[int, int]]:
    """The words of an Arabic text whose index stems include one of the query's stems."""
    spans = []
    for match in WORD.finditer(strip_accents(folded)):
        word = match.group()
        held = arabic.index_stems(word) if arabic.ARABIC_WORD.fullmatch(word) else (word,)
        if keys.intersection(held):
            spans.append((match.start(), match.end()))
    return spans


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


def _headline_spans(
    texts: list[str], languages: list[str], words: str
) -> list[list[tuple[int, int]]]:
    """``ts_headline`` of each text under its language's configuration, marks as spans."""
    if not texts:
        return []
    options = f"HighlightAll=true, StartSel={START}, StopSel={STOP}"
    configs = [INDEX_CONFIG.get(language, "simple") for language in languages]
    sql = (  # only placeholders are interpolated: every value is a parameter
        "SELECT t.position, ts_headline(t.config::regconfig, t.document, "
        "websearch_to_tsquery(t.config::regconfig, committee_unaccent(%s)), %s) "
        "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS t(document, config, position) "
        "ORDER BY t.position"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [words, options, texts, configs])
        marked = [row[1] for row in cursor.fetchall()]
    return [
        _marked_spans(headline or "", text) or []
        for text, headline in zip(texts, marked, strict=True)
    ]


def headlines(candidates: Sequence[Candidate], text: str) -> list[list[tuple[int, int]]]:
    """For each candidate, the spans of its original text that match ``text`` (one query)."""
    words = query_words(text)
    if not candidates or not words:
        return [[] for _ in candidates]
    keys = {
        arabic.stem(word) if arabic.ARABIC_WORD.fullmatch(word) else word
        for word in WORD.findall(strip_accents(words))
    }
    folded_spans: list[list[tuple[int, int]] | None] = []
    maps = []
    others: list[int] = []
    other_texts: list[str] = []
    other_languages: list[str] = []
    for index, candidate in enumerate(candidates):
        clean = candidate.text.replace(START, " ").replace(STOP, " ")
        folded, starts, ends = arabic.normalize_with_offsets(clean)
        maps.append((starts, ends))
        if candidate.language == "ar":
            folded_spans.append(_arabic_spans(folded, keys))
        else:
            folded_spans.append(None)
            others.append(index)
            other_texts.append(strip_accents(folded))
            other_languages.append(candidate.language)
    found = _headline_spans(other_texts, other_languages, words)
    for index, spans in zip(others, found, strict=True):
        folded_spans[index] = spans
    result: list[list[tuple[int, int]]] = []
    for marked, (starts, ends) in zip(folded_spans, maps, strict=True):
        result.append([(starts[a], ends[b - 1]) for a, b in marked or [] if b > a])
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
