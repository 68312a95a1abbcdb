"""Cities, ports and countries named in an article (see ``gazetteer``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from committee.importer.extraction.gazetteer import PLACES, PORT_OF_CITY, PlaceKind
from committee.importer.extraction.phrases import PhraseIndex
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
#: A place, perhaps a date and an agency's initials, then a dash: «مدريد 12 ماي 2016 (ومع) -».
_DATELINE = re.compile(
    r"\s*(?P<place>\w+(?:[ \t]+\w+)?)(?:[ \t]+[\w/.]+){0,4}[ \t]*"
    r"(?:\([^)\n]{0,40}\))?[ \t]*[-–—][ \t]"
)
_JOINED = ar(r"^\s*(?:،|,)?\s*و?\s*$")


def find_places(doc: Document) -> list[PlaceMention]:
    """Place mentions in text order; a clitic «ب» / «و» is outside the span
    («بمراكش» → «مراكش»)."""
    mentions = [
        PlaceMention(
            match.start,
            match.end,
            match.value,
            PLACES[match.value].kind,
            PLACES[match.value].country,
        )
        for match in _PLACES.find(doc)
    ]
    mentions = _ports_after_dual(doc, mentions)
    return _mark_dateline(doc, mentions)


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
    match = _DATELINE.match(doc.norm)
    if not match or not _PLACES.find(doc, match.start("place"), match.end("place")):
        return 0
    return match.end()


def _mark_dateline(doc: Document, mentions: list[PlaceMention]) -> list[PlaceMention]:
    end = dateline_end(doc)
    return [replace(m, dateline=True) if m.end <= end else m for m in mentions]
