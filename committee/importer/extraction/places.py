"""Cities, ports and countries named in an article (see ``gazetteer``).

A name that is also an ordinary word («الجديدة» "new", «البيضاء» "white») counts only where
the prose expects a place: glued to «بـ» («بالجديدة»), after «في», «إلى», «من», «مدينة»,
«ولاية أمن» or a verb of hosting («احتضنت»), or in the dispatch's dateline. Other names count
wherever they stand; the pipeline drops those inside a person's name or an institution's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from committee.importer.extraction.gazetteer import (
    COMMON_WORD_SPELLINGS,
    PLACES,
    PORT_OF_CITY,
    PlaceKind,
)
from committee.importer.extraction.phrases import PhraseIndex, PhraseMatch
from committee.importer.extraction.text import Document, ar


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    key: str
    kind: PlaceKind
    country: str
    #: The place that opens a press-agency dispatch («الرباط (و م ع) -»): where it was filed.
    dateline: bool = False


def _index() -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for entry in PLACES.values():
        index.add_all(entry.ar, entry.key)
    return index


_PLACES = _index()
#: «ميناءي طنجة المدينة وطريفة»: the dual makes the following cities ports.
_DUAL_PORTS = ar(r"(?<![^\W_وب])(?:ميناءي|مينائي)\s+")
#: A place, perhaps a date and an agency's initials, then a dash: «مدريد 12 ماي 2016 (ومع) -»,
#: «مدريد، 14 مارس (إفي)-».
_DATELINE = re.compile(
    r"\s*(?P<place>\w+(?:[ \t]+\w+)?)[ \t]*[،,]?(?:[ \t]+[\w/.]+){0,4}[ \t]*"
    r"(?:\([^)\n]{0,40}\))?[ \t]*[-–—](?:[ \t]|(?=\w))"
)
#: What makes an ordinary-looking word a place: the word before it.
_PLACE_CONTEXT = ar(
    r"(?<!\w)[وف]?(?:في|إلى|الى|من|نحو|قرب|بمدينة|مدينة|لمدينة|مدينتي|بمدينتي|بإقليم|إقليم|"
    r"عمالة|بعمالة|جهة|بجهة|ولاية|بولاية|أمن|احتضنت|احتضن|تحتضن|يحتضن|ستحتضن|سيحتضن|"
    r"استضافت|تستضيف|ستستضيف|وصل|وصلت|حل|حلت|زار|زارت|يزور|تزور)\s+$"
)
_JOINED = ar(r"^\s*(?:،|,)?\s*و?\s*$")


def find_places(doc: Document) -> list[PlaceMention]:
    """Place mentions in text order; a clitic «ب» / «و» is outside the span
    («بمراكش» → «مراكش»)."""
    mentions: list[PlaceMention] = []
    for match in _PLACES.find(doc):
        if _common_word_out_of_place(doc, match, mentions):
            continue
        entry = PLACES[match.value]
        mentions.append(PlaceMention(match.start, match.end, entry.key, entry.kind, entry.country))
    mentions = _ports_after_dual(doc, mentions)
    return _mark_dateline(doc, mentions)


def _common_word_out_of_place(
    doc: Document, match: PhraseMatch[str], before: list[PlaceMention]
) -> bool:
    """A name that is also an ordinary word, standing where no place is expected: not glued
    to «بـ», not after a place word, not in the dateline, not joined to a place just named
    («بطنجة وطريفة»)."""
    start, clitic = match.start, match.clitic
    word_start = start - len(clitic)
    name = " ".join(doc.norm[start : match.end].split())
    if name not in COMMON_WORD_SPELLINGS or clitic.endswith("ب"):
        return False
    span = dateline_span(doc)
    if span and span[0] <= start < span[1]:
        return False
    if before and clitic.startswith("و") and _JOINED.match(doc.norm[before[-1].end : word_start]):
        return False
    line_start = doc.norm.rfind("\n", 0, start) + 1
    return not _PLACE_CONTEXT.search(doc.norm, max(line_start, start - 24), word_start)


def dateline_place(doc: Document, places: list[PlaceMention]) -> PlaceMention | None:
    """The city a dispatch was filed from («قرطبة –»): where a meeting reported as just held
    took place, when the report names no other venue."""
    return next((p for p in places if p.dateline and p.kind != "country"), None)


def _ports_after_dual(doc: Document, mentions: list[PlaceMention]) -> list[PlaceMention]:
    result = list(mentions)
    for dual in _DUAL_PORTS.finditer(doc.norm):
        position = dual.end()
        for index, mention in enumerate(result):
            if mention.start < position:
                continue
            if not _JOINED.match(doc.norm[position : mention.start]) and mention.start != position:
                break
            port_key = mention.key if mention.kind == "port" else PORT_OF_CITY.get(mention.key)
            if port_key is None:
                break
            result[index] = replace(mention, key=port_key, kind="port")
            position = mention.end
    return result


def dateline_end(doc: Document) -> int:
    """Where a dispatch's dateline («الرباط 03 ماي 2019 (ومع) -») ends; 0 when there is none."""
    span = dateline_span(doc)
    return span[1] if span else 0


def dateline_span(doc: Document) -> tuple[int, int] | None:
    """The dateline: at the top of the text, or on the line after a short title."""
    starts = [0]
    first_line_end = doc.norm.find("\n")
    if 0 < first_line_end <= _TITLE_LENGTH:
        starts.append(first_line_end + 1)
    for start in starts:
        match = _DATELINE.match(doc.norm, start)
        if match and _PLACES.find(doc, match.start("place"), match.end("place")):
            return match.start("place"), match.end()
    return None


#: A first line this short, with no dateline of its own, is a title.
_TITLE_LENGTH = 150


def _mark_dateline(doc: Document, mentions: list[PlaceMention]) -> list[PlaceMention]:
    span = dateline_span(doc)
    if span is None:
        return mentions
    return [replace(m, dateline=True) if span[0] <= m.start < span[1] else m for m in mentions]
