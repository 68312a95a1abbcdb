"""What a reader is shown of a record's sources: per article, the sentences that hold the cited
words, each once, with those words marked inside it.

A citation keeps the exact span the importer found (a name, a date, a one-word «the seminar»);
a reader needs the sentence around it. The stored offsets never change: the sentence is found at
display time. Words that only name the record again (``REFERENCE_ONLY``) are left out when the
record has other support, so a meeting's sources are not every line that says «the seminar».
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.html import format_html
from django.utils.safestring import SafeString

from committee.sources.models import Citation, SourceDocument

#: Fields whose words only refer to the record again, and support none of its facts.
REFERENCE_ONLY = frozenset({"mention"})

#: A sentence longer than this is cut around its cited words (a press sentence can run on).
LONGEST = 420
#: How much of a long sentence is kept on each side of the cited words.
AROUND = 160

# A full stop, question or exclamation mark (Latin or Arabic) before a space, or a line break;
# the Arabic press often puts a space before it («الثنائي . كما»). Two dots together
# («مواجهته .. تحديات», a pause inside a title) do not end a sentence.
_END = re.compile(r"(?<![.])[.!?؟…](?![.])(?=[\s\"»”)]|$)|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) of ``text`` that hold ``text[start:end]``."""
    begin = 0
    for found in _END.finditer(text, 0, start):
        begin = found.end()
    stop = len(text)
    after = _END.search(text, max(end - 1, start))
    if after is not None:
        stop = after.end()
    while begin < start and text[begin].isspace():
        begin += 1
    while stop > end and text[stop - 1].isspace():
        stop -= 1
    return begin, stop


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _word_boundary(text: str, position: int, *, forward: bool) -> int:
    """The nearest space at or beyond ``position`` (forwards or backwards)."""
    if forward:
        found = text.find(" ", position)
        return len(text) if found == -1 else found
    found = text.rfind(" ", 0, position)
    return 0 if found == -1 else found + 1


@dataclass(frozen=True)
class Passage:
    """One sentence of an article with the cited words marked in it."""

    start: int
    end: int
    html: SafeString
    citation_id: int  # the first citation in it: the anchor on the article's page


def passage(text: str, begin: int, stop: int, spans: Sequence[tuple[int, int]]) -> SafeString:
    """``text[begin:stop]`` with ``spans`` marked (cut around them when it is long)."""
    marks = _merged((max(s, begin), min(e, stop)) for s, e in spans)
    lead = trail = ""
    if stop - begin > LONGEST and marks:
        cut_begin = _word_boundary(text, max(begin, marks[0][0] - AROUND), forward=False)
        cut_stop = _word_boundary(text, min(stop, marks[-1][1] + AROUND), forward=True)
        if cut_begin > begin:
            begin, lead = max(begin, min(cut_begin, marks[0][0])), "… "
        if cut_stop < stop:
            stop, trail = min(stop, max(cut_stop, marks[-1][1])), " …"
    pieces = [format_html("{}", lead)]
    position = begin
    for start, end in marks:
        pieces.append(format_html("{}<mark>{}</mark>", text[position:start], text[start:end]))
        position = end
    pieces.append(format_html("{}{}", text[position:stop], trail))
    return SafeString("".join(pieces))


def passages(text: str, spans: Iterable[tuple[int, int, int]]) -> list[Passage]:
    """The sentences holding ``spans`` (citation id, start, end), each once, in reading order."""
    by_sentence: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    for citation_id, start, end in sorted(spans, key=lambda s: (s[1], s[2], s[0])):
        if not 0 <= start < end <= len(text):
            continue
        by_sentence.setdefault(sentence_bounds(text, start, end), []).append(
            (citation_id, start, end)
        )
    # A sentence inside another (a span running over two sentences) is shown within it.
    ordered = sorted(by_sentence.items(), key=lambda item: (item[0][0], -item[0][1]))
    kept: list[tuple[tuple[int, int], list[tuple[int, int, int]]]] = []
    for bounds, inside in ordered:
        if kept and bounds[1] <= kept[-1][0][1]:
            kept[-1][1].extend(inside)
            continue
        kept.append((bounds, list(inside)))
    return [
        Passage(
            begin,
            stop,
            passage(text, begin, stop, [(s, e) for _, s, e in inside]),
            min(inside, key=lambda s: (s[1], s[0]))[0],
        )
        for (begin, stop), inside in kept
    ]


def supporting(citations: Iterable[Citation]) -> list[Citation]:
    """The citations worth showing: all but mere references, unless there is nothing else."""
    every = list(citations)
    telling = [c for c in every if c.field not in REFERENCE_ONLY]
    return telling or every


def record_key(citation: Citation) -> str:
    """How an article's page is told which record a reader came from: ``meeting-12``."""
    model = ContentType.objects.get_for_id(citation.content_type_id).model
    return f"{model}-{citation.object_id}"


@dataclass
class CitedSource:
    """One article a record was taken from, and its sentences that support the record."""

    source: SourceDocument
    record: str
    passages: list[Passage] = field(default_factory=list)


def cited_sources(citations: Iterable[Citation]) -> list[CitedSource]:
    """A record's citations (already filtered by ``visible_to``, with their sources) by article,
    newest article first, each with its supporting sentences."""
    grouped: dict[int, list[Citation]] = {}
    for citation in supporting(citations):
        grouped.setdefault(citation.source_id, []).append(citation)
    found = [
        CitedSource(
            source=cited[0].source,
            record=record_key(cited[0]),
            passages=passages(cited[0].source.text, ((c.pk, c.start, c.end) for c in cited)),
        )
        for cited in grouped.values()
    ]
    return sorted(found, key=lambda c: c.source.published_on or dt.date.min, reverse=True)


def statement_sentence(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The whole sentence(s) of ``text`` that a statement's cited words stand in."""
    usable = [(s, e) for s, e in spans if 0 <= s < e <= len(text)]
    if not usable:
        return ""
    begin = min(sentence_bounds(text, s, e)[0] for s, e in usable)
    stop = max(sentence_bounds(text, s, e)[1] for s, e in usable)
    return text[begin:stop]
