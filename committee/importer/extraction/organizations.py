"""Institutions named in an article, by name («المديرية العامة للأمن الوطني»), acronym («DGSN»)
or through the title of their head («المدير العام للشرطة الإسبانية», a *role*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from committee.importer.extraction.evidence import ordered_evidence, spans_of
from committee.importer.extraction.institutions import (
    COUNTERPARTS,
    INSTITUTIONS,
    Institution,
    head_titles,
    institution,
)
from committee.importer.extraction.model import Evidence, OrganizationFact
from committee.importer.extraction.phrases import PhraseIndex
from committee.importer.extraction.text import Document, ar, fold


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class RoleMention:
    """The title of an institution's head, e.g. «المدير العام للأمن الوطني» (no name needed)."""

    start: int
    end: int
    key: str
    #: «نظيره الإسباني»: the head of the opposite number of a head named before.
    counterpart: bool = False


def _name_index() -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for entry in INSTITUTIONS:
        index.add_all(entry.ar, entry.key)
    return index


def _role_index() -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for entry in INSTITUTIONS:
        index.add_all(head_titles(entry), entry.key)
    return index


def _latin_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for entry in INSTITUTIONS:
        for name in (*entry.latin, *((entry.acronym,) if entry.acronym else ())):
            names.setdefault(fold(name), entry.key)
    alternation = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), names


def _domain_index() -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for entry in INSTITUTIONS:
        index.add_all(entry.domains, entry.key)
    return index


_NAMES = _name_index()
_ROLES = _role_index()
_DOMAINS = _domain_index()
_LATIN, _LATIN_NAMES = _latin_pattern()

#: Words that may follow a head's title without lengthening it («… الوطني السيد», «… التي»).
_AFTER_ROLE = frozenset(
    fold(word)
    for word in (
        "السيد",
        "السيدة",
        "الدكتور",
        "الدكتورة",
        "الأستاذ",
        "الجنرال",
        "التي",
        "الذي",
        "الذين",
        "اللذين",
        "اليوم",
        "الجمعة",
        "الخميس",
        "الأربعاء",
        "الثلاثاء",
        "الاثنين",
        "السبت",
        "الأحد",
        "الجنرال",
        "العميد",
    )
)
_NEXT_WORD = re.compile(r"\s*(\w+)")


def find_organizations(doc: Document) -> tuple[list[OrgMention], list[RoleMention]]:
    """Mentions of institutions by name or acronym, and titles of their heads, in text order."""
    roles = [
        RoleMention(match.start, match.end, match.value)
        for match in _ROLES.find(doc)
        if _role_ends_here(doc, match.end)
    ]
    roles, joint = _joint_heads(doc, roles)
    roles = sorted([*roles, *_counterparts(doc, roles)], key=lambda role: role.start)
    names = [
        OrgMention(match.start, match.end, match.value)
        for match in _NAMES.find(doc)
        if not any(role.start <= match.start < role.end for role in roles)
    ] + joint
    latin = [
        OrgMention(match.start(), match.end(), _LATIN_NAMES[match.group()])
        for match in _LATIN.finditer(doc.norm)
    ]
    mentions = sorted([*names, *latin], key=lambda mention: mention.start)
    return mentions, roles


_AND = re.compile(r"[ \t]*و[ \t]*")


def _joint_heads(
    doc: Document, roles: list[RoleMention]
) -> tuple[list[RoleMention], list[OrgMention]]:
    """«المدير العام للأمن الوطني و(ل)مراقبة التراب الوطني»: one head of two institutions.
    The title runs over both; the first is the person's, the second is named too."""
    extended, joint = [], []
    for role in roles:
        conjunction = _AND.match(doc.norm, role.end)
        end = role.end
        if conjunction is not None:
            for match in _DOMAINS.find(doc, conjunction.start(), conjunction.end() + 60)[:1]:
                if match.value != role.key and match.start <= conjunction.end() + 1:
                    joint.append(OrgMention(match.start, match.end, match.value))
                    end = match.end
        extended.append(RoleMention(role.start, end, role.key, role.counterpart))
    return extended, joint


_COUNTERPART = ar(r"(?<![^\W_و])(?P<word>نظيره|نظيرته|نظيرهما)[ \t]+(?P<nationality>\w+)")
_NATIONALITY_SIDE = {
    fold("الإسباني"): "ES",
    fold("الإسبانية"): "ES",
    fold("المغربي"): "MA",
    fold("المغربية"): "MA",
}


#: «وزير الداخلية» without nationality: whose it is, the counterpart's nationality tells.
_BARE_MINISTER = ar(r"(?<![^\W_و])(?:وزير|وزيرة)[ \t]+الداخلية(?!\w)")
_INTERIOR_BY_SIDE = {"MA": "ma_interior", "ES": "es_interior"}


def _counterparts(doc: Document, roles: list[RoleMention]) -> list[RoleMention]:
    """«وزير الداخلية المغربي ونظيره الإسباني», «… مع نظيره المغربي»: the head of the opposite
    number of the last head named before, in the same sentence. «أجرى وزير الداخلية …
    مع نظيره الإسباني»: the minister with no nationality is the other side's."""
    found = []
    for match in _COUNTERPART.finditer(doc.norm):
        sentence_start = doc.sentence_of(match.start())[0]
        before = [
            role for role in roles if sentence_start <= role.start and role.end <= match.start()
        ]
        side = _NATIONALITY_SIDE.get(match.group("nationality"))
        bare = list(_BARE_MINISTER.finditer(doc.norm, sentence_start, match.start()))
        if not before and bare and side in _INTERIOR_BY_SIDE:
            minister = bare[-1]
            own = _INTERIOR_BY_SIDE["ES" if side == "MA" else "MA"]
            found.append(RoleMention(minister.start(), minister.end(), own))
            found.append(
                RoleMention(
                    match.start("word"), match.end("nationality"), _INTERIOR_BY_SIDE[side], True
                )
            )
            continue
        if not before:
            continue
        opposite = COUNTERPARTS.get(before[-1].key)
        if opposite and side == institution(opposite).side:
            found.append(RoleMention(match.start("word"), match.end("nationality"), opposite, True))
    return found


def institution_in(doc: Document, start: int, end: int) -> str | None:
    """The institution a position's words name, by its head's title or its own name."""
    for match in _ROLES.find(doc, start, end):
        return match.value
    for match in _NAMES.find(doc, start, end):
        return match.value
    return None


def _without_preposition(doc: Document, mention: OrgMention, quote: str) -> str:
    """«للشرطة الوطنية الإسبانية» → «الشرطة الوطنية الإسبانية» (a name, not a phrase)."""
    if doc.norm.startswith("لل", mention.start):
        return "ا" + quote[1:]
    return quote


def _role_ends_here(doc: Document, end: int) -> bool:
    """A title is complete unless a genitive or adjective continues it («مدير الشرطة القضائية»)."""
    following = _NEXT_WORD.match(doc.norm, end)
    if (
        not following
        or following.start(1) - end > 2
        or not doc.norm[end : following.start(1)].isspace()
    ):
        return True
    word = following.group(1)
    return not word.startswith("ال") or word in _AFTER_ROLE


def organization_facts(
    doc: Document,
    mentions: list[OrgMention],
    roles: list[RoleMention],
    extra: dict[str, list[Evidence]],
) -> list[OrganizationFact]:
    """One fact per institution, citing every mention; ``extra`` adds evidence found elsewhere
    (a chair phrase that names «the directors general of security» names their directorates)."""
    spans: dict[str, list[Evidence]] = {}
    names: dict[str, str] = {}
    for mention in mentions:
        found = doc.evidence("name", mention.start, mention.end)
        if found:
            spans.setdefault(mention.key, []).append(found)
            names.setdefault(mention.key, _without_preposition(doc, mention, found.span.quote))
    for role in roles:
        found = doc.evidence("head", role.start, role.end)
        if found:
            spans.setdefault(role.key, []).append(found)
    for key, found_elsewhere in extra.items():
        spans.setdefault(key, []).extend(found_elsewhere)
    facts = []
    for key, evidence in spans.items():
        entry: Institution = institution(key)
        ordered = ordered_evidence(evidence)
        facts.append(
            OrganizationFact(
                key=f"org:{key}",
                gazetteer_key=key,
                acronym=entry.acronym,
                side=entry.side,
                kind=entry.kind,
                name=names.get(key, entry.ar[0] if entry.ar else entry.es),
                spans=spans_of(ordered),
                evidence=ordered,
            )
        )
    return sorted(facts, key=lambda fact: fact.spans[0].start)
