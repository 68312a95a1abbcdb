"""Phrases that describe a meeting or a body rather than name it.

* theme: «حول موضوع "…"», «تحت شعار «…»», «بعنوان …»;
* organisers: «المنظم بمبادرة من وزارة الداخلية …», «من تنظيم …», «بشراكة مع …»;
* chairs: «الذي يرأسه وزيرا الداخلية …», «برئاسة …»;
* establishment: «تأسست», «المحدثة», «المعلن عنها», «منذ تأسيس …»;
* parties: «… المشكلة بين الوزارة … والوزارة …».
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from committee.importer.extraction.organizations import OrgMention
from committee.importer.extraction.text import Document, ar


@dataclass(frozen=True, slots=True)
class Theme:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class OrgPhrase:
    """A phrase naming institutions: organisers, initiators, parties."""

    start: int
    end: int
    keys: tuple[str, ...]


_THEME = ar(
    r"(?<![^\W_وب])(?:حول\s+موضوع|تحت\s+شعار|تحت\s+عنوان|في\s+موضوع|بعنوان|حول\s+محور|"
    r"موضوعها|شعارها|تحت\s+موضوع|حول)(?!\w)[ \t]*[:]?[ \t]*"
)
_ORGANIZER = ar(
    r"(?<!\w)(?:المنظمة\s+بمبادرة\s+من|المنظم\s+بمبادرة\s+من|[وب]?بمبادرة\s+من|بمبادرة\s+مشتركة\s+من"
    r"|من\s+تنظيم|بتنظيم\s+من|المنظمة\s+من\s+(?:طرف|قبل)|المنظم\s+من\s+(?:طرف|قبل)|نظمت\s+من\s+طرف"
    r"|التي\s+[تي]نظمها|التي\s+نظمتها|نظمتها|تنظمها|ينظمها|نظمها|بشراكة\s+مع|بتعاون\s+مع|بتنسيق\s+مع|بالتنسيق\s+مع|بمشاركة)(?!\w)"
)
_CHAIR = ar(
    r"(?<!\w)(?:(?:التي|الذي)\s+)?(?:يترأسها|يرأسها|ترأسها|تترأسها|يترأسه|يرأسه|ترأسه|يترأسانها|"
    r"يرأسانها|يترأسانه)(?!\w)|(?<!\w)(?:تحت\s+الرئاسة\s+المشتركة\s+ل|تحت\s+رئاسة|برئاسة|"
    r"بالرئاسة\s+المشتركة\s+ل|برئاسة\s+مشتركة\s+بين)"
)
_ESTABLISHED_AFTER = ar(
    r"(?<!\w)[و]?(?:تأسست|أسست|أحدثت|أنشئت|شكلت|تشكلت|المحدثة|المحدث|المنشأة|المشكلة|المؤسسة"
    r"|المعلن\s+عنها|أعلن\s+عن\s+إحداثها|تم\s+(?:إحداثها|إنشاؤها|تشكيلها|تأسيسها|الإعلان\s+عنها))(?!\w)"
)
_ESTABLISHED_BEFORE = ar(r"(?<!\w)(?:تم\s+)?[وب]?(?:تأسيس|إحداث|إنشاء|تشكيل|أحدثت|أنشئت|تأسست)\s+$")
_PARTIES = ar(r"[ \t]*(?:بين|ما\s+بين)[ \t]+")
_ORG_JOIN = re.compile(r"^[ \t]*(?:[،,][ \t]*)?$")


def find_themes(doc: Document) -> list[Theme]:
    """Themes as written, quotation marks and edge spaces stripped."""
    themes: list[Theme] = []
    for match in _THEME.finditer(doc.norm):
        quote = doc.quote_at(match.end())
        if quote is not None and quote[0] == match.end():
            start, end = doc.trim(quote[0] + 1, quote[1] - 1)
        elif match.group().strip().startswith(("حول موضوع", "تحت شعار", "تحت عنوان", "بعنوان")):
            start, end = match.end(), doc.clause_end(match.end())
            words = doc.words(start, end)[:15]
            if not words:
                continue
            end = words[-1][1]
        else:
            continue
        text = doc.original(start, end)
        if text:
            themes.append(Theme(start, end, text))
    return themes


def find_organizers(doc: Document, orgs: list[OrgMention]) -> list[OrgPhrase]:
    """«بمبادرة من X وY», «من تنظيم X»: the institutions named right after the marker."""
    phrases = []
    for match in _ORGANIZER.finditer(doc.norm):
        chain = org_chain(doc, orgs, match.end())
        if chain:
            phrases.append(OrgPhrase(match.start(), chain[-1].end, tuple(org.key for org in chain)))
    return phrases


def find_parties(doc: Document, orgs: list[OrgMention], position: int) -> OrgPhrase | None:
    """«بين X وY» starting at ``position``."""
    match = _PARTIES.match(doc.norm, position)
    if not match:
        return None
    chain = org_chain(doc, orgs, match.end())
    if len(chain) < 2:
        return None
    return OrgPhrase(match.start(), chain[-1].end, tuple(org.key for org in chain))


def org_chain(doc: Document, orgs: list[OrgMention], position: int) -> list[OrgMention]:
    """Institutions named one after another from ``position`` («X وY، وZ»)."""
    chain: list[OrgMention] = []
    for org in orgs:
        if org.start < position:
            continue
        gap = doc.norm[position : org.start]
        allowed = gap.strip() == "" or (
            chain and re.fullmatch(r"[ \t]*(?:[،,][ \t]*)?و?[ \t]*", gap)
        )
        if not allowed or len(gap) > 6:
            break
        chain.append(org)
        position = org.end
    return chain


def find_chairs(doc: Document) -> list[tuple[int, int, int]]:
    """(marker start, phrase start, phrase end) of each «يترأسها …» / «برئاسة …»."""
    found = []
    for match in _CHAIR.finditer(doc.norm):
        end = doc.clause_end(match.end())
        if end > match.end():
            found.append((match.start(), match.end(), end))
    return found


def establishment_after(doc: Document, position: int, limit: int) -> list[tuple[int, int]]:
    """Words establishing a body between ``position`` and ``limit`` («تأسست», «المحدثة»)."""
    return [(m.start(), m.end()) for m in _ESTABLISHED_AFTER.finditer(doc.norm, position, limit)]


def establishment_before(doc: Document, position: int) -> tuple[int, int] | None:
    """«منذ تأسيس» / «تم إحداث» just before a body's name."""
    start = max(doc.sentence_of(position)[0], position - 30)
    match = _ESTABLISHED_BEFORE.search(doc.norm, start, position)
    return (match.start(), match.end()) if match else None
