"""Agreements signed between the parties, and standing cooperation mechanisms.

An agreement is a singular «اتفاق / اتفاقية / مذكرة تفاهم / بروتوكول / إعلان مشترك» in a
clause that also has a signing word («أبرمت», «وقع», «التوقيع على», «المبرم»), or the object of
a signing verb earlier in its sentence («وقع المديران العامان، …، اليوم بالرباط، إعلانا
مشتركا»); its subject follows («بشأن مكافحة الاتجار بالبشر»). Plurals («الاتفاقيات الثنائية»)
are background.

A mechanism is a standing arrangement: joint police stations («المفوضيتان المشتركتان في
ميناءي طنجة المدينة وطريفة»), police cooperation centres, liaison officers, joint patrols,
joint investigation teams; its locations are the places in its clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from committee.importer.extraction.mention_index import Intervals
from committee.importer.extraction.model import MechanismKind
from committee.importer.extraction.text import Document, ar


@dataclass(frozen=True, slots=True)
class AgreementMention:
    start: int
    end: int
    clause: tuple[int, int]
    subject: tuple[int, int] | None
    subject_text: str | None


@dataclass(frozen=True, slots=True)
class MechanismMention:
    start: int
    end: int
    kind: MechanismKind
    #: Where its locations may be named: its clause, and a short locative clause right after
    #: it («مركزين للتعاون الشرطي المشترك، في طنجة والجزيرة الخضراء،»).
    clause_end: int


_AGREEMENT = ar(
    r"(?<!\w)[وف]?(?P<al>بال|لل|ال|ب|ل)?(?P<head>اتفاقية|اتفاقا|اتفاق|مذكرة\s+تفاهم|مذكرة\s+للتفاهم|"
    r"بروتوكول|إعلان\s+نوايا|إعلانا\s+مشتركا|إعلان\s+(?:ال)?مشترك)"
    r"(?:\s+(?:ال)?(?:تعاون|أمني|أمنية|ثنائي|ثنائية|شراكة)|\s+للتعاون)*(?!\w)"
)
_SIGNING = ar(
    r"(?<!\w)[وف]?(?:أبرم|أبرمت|أبرما|أبرمتا|وقع|وقعت|وقعا|توقيع|التوقيع|إبرام|المبرم|المبرمة|"
    r"الموقع|الموقعة|أبرمته|وقعته)(?!\w)"
)
#: A sentence that opens with the signing verb («وقع …», «أبرم …»).
_SIGNING_VERB = ar(r"(?<!\w)[وف]?(?:أبرم|أبرمت|أبرما|وقع|وقعت|وقعا)(?!\w)")
#: How far into its sentence the signing verb may stand: after a dateline («الرباط (ومع) -»).
_OPENING_WORDS = 5
_ACCUSATIVE = ar(r"(?:اتفاقا|اتفاقية|مذكرة|بروتوكولا|إعلانا)(?!\w)")
_SUBJECT = ar(
    r"[ \t]+(?:في\s+مجالي?|بشأن|حول|يتعلق\s+ب|المتعلق\s+ب|المتعلقة\s+ب|الخاص\s+ب|الخاصة\s+ب|"
    r"ل(?=[^ل\W]\w{2})|ل(?=ل\w{3}))"
)
_MECHANISM_WORDS: tuple[tuple[MechanismKind, str], ...] = (
    (
        "joint_police_station",
        r"(?:مفوضيات|مفوضية|مفوضيتان|مفوضيتين|مفوضيتا|مفوضيتي)"
        r"(?:\s+(?:ال)?(?:أمنية|شرطة|للشرطة|الشرطة))?"
        r"\s+(?:ال)?(?:مشتركة|مشتركتان|مشتركتين)"
        r"|(?:مراكز|مركز|مركزا|مركزي|مركزين)\s+(?:ال)?شرطة\s+(?:ال)?(?:مشتركة|مشترك|مشتركين)",
    ),
    (
        "police_cooperation_centre",
        r"(?:مراكز|مركزا|مركزين|مركزي|مركز)\s+(?:ال|لل)?تعاون\s+(?:ال)?(?:شرطي|أمني)"
        r"(?:\s+و(?:ال)?جمركي)?(?:\s+(?:ال)?(?:مشتركة|مشترك|مشتركين))?"
        r"|(?:مراكز|مركزا|مركزين|مركزي|مركز)\s+(?:ال)?(?:مشتركة|مشترك|مشتركين|مشتركا)"
        r"\s+(?:لل|ل)تعاون\s+(?:ال)?(?:شرطي|أمني)",
    ),
    ("liaison_officers", r"(?:ضباط|ضابط|ضابطي)\s+(?:ال)?(?:اتصال|ربط)"),
    ("joint_patrols", r"(?:دوريات|دورية)\s+(?:ال)?(?:مشتركة|مختلطة)"),
    ("joint_investigation_team", r"(?:فرق|فريق|فريقي)\s+(?:ال)?تحقيق\s+(?:ال)?(?:مشترك|مشتركة)"),
)
_MECHANISMS: tuple[tuple[MechanismKind, re.Pattern[str]], ...] = tuple(
    (kind, ar(r"(?<!\w)[وف]?(?P<al>بال|لل|ال|ب|ل)?(?P<head>" + words + r")(?!\w)"))
    for kind, words in _MECHANISM_WORDS
)


def find_agreements(doc: Document, excluded: list[tuple[int, int]]) -> list[AgreementMention]:
    """Agreements with a signing word in their clause; ``excluded`` spans (institutions,
    dates) cannot hold the start of the subject."""
    found = []
    blocked = Intervals(excluded)
    for match in _AGREEMENT.finditer(doc.norm):
        clause = _signing_window(doc, match.start())
        if clause is None:
            continue
        start = match.start("head") - (2 if (match.group("al") or "").endswith("ال") else 0)
        subject = _subject(doc, match.end(), clause[1], blocked)
        text = _without_preposition(doc, subject) if subject else None
        found.append(AgreementMention(start, match.end(), clause, subject, text))
    return found


def _signing_window(doc: Document, position: int) -> tuple[int, int] | None:
    """From the signing word («وقع», «أبرمت» …) to the end of the agreement's clause: the
    signing word is in the clause, or up to a dozen words before it in the sentence."""
    clause_start, clause_end = doc.clause_of(position)
    if _SIGNING.search(doc.norm, clause_start, clause_end):
        return clause_start, clause_end
    sentence_start = doc.sentence_of(position)[0]
    words = doc.words(sentence_start, position)[-12:]
    if not words:
        return None
    before = list(_SIGNING.finditer(doc.norm, words[0][0], position))
    if before:
        return before[0].start(), clause_end
    # The signers and the day may stand between the verb and what was signed; the agreement
    # is then the verb's object, in the accusative («وقع …، … ، إعلانا مشتركا»).
    opening_words = doc.words(sentence_start, position)[:_OPENING_WORDS]
    opening = (
        _SIGNING_VERB.search(doc.norm, sentence_start, opening_words[-1][1])
        if opening_words
        else None
    )
    if opening and _ACCUSATIVE.match(doc.norm, position):
        return opening.start(), clause_end
    return None


def _subject(doc: Document, position: int, end: int, excluded: Intervals) -> tuple[int, int] | None:
    for match in _SUBJECT.finditer(doc.norm, position, end):
        start = match.end()
        if excluded.covers(start, start + 1) or excluded.covers(
            match.start() + 1, match.start() + 2
        ):
            continue
        if doc.norm[match.start() : match.end()].strip() == "ل":
            start = match.end() - 1
        trimmed = doc.trim(start, end)
        return trimmed if trimmed[1] > trimmed[0] else None
    return None


def _without_preposition(doc: Document, span: tuple[int, int]) -> str:
    original = doc.original(*span)
    folded = doc.norm[span[0] : span[1]]
    if folded.startswith("لل"):
        return "ا" + original[1:]
    if folded.startswith("ل") and not folded.startswith("ال"):
        return original[1:]
    return original


def find_mechanisms(doc: Document) -> list[MechanismMention]:
    found = []
    for kind, pattern in _MECHANISMS:
        for match in pattern.finditer(doc.norm):
            al = match.group("al") or ""
            start = match.start("head") - (2 if al.endswith("ال") or al == "لل" else 0)
            found.append(MechanismMention(start, match.end(), kind, _locations_end(doc, match)))
    return sorted(found, key=lambda mention: mention.start)


#: A clause that only says where («، في طنجة والجزيرة الخضراء،», «، بسبتة ومليلية،»).
_LOCATIVE = ar(r"[ \t]*(?:في|ب(?=\w))")
_LOCATIVE_WORDS = 6


def _locations_end(doc: Document, match: re.Match[str]) -> int:
    end = doc.clause_end(match.end())
    sentence_end = doc.sentence_of(match.start())[1]
    if end >= sentence_end or doc.words(match.end(), end):
        return end
    following = doc.clause_end(end + 1)
    if _LOCATIVE.match(doc.norm, end + 1) and len(doc.words(end + 1, following)) <= _LOCATIVE_WORDS:
        return following
    return end
