"""Offices as the press writes them before or after a name, and the side a passage speaks for.

An office is a title word («مدير», «رئيسة», «سفير», «والي», «المفوض») followed by what
qualifies it: definite words («التعاون الدولي»), the nouns of an administration in construct
(«قسم», «مصلحة», «وزارة», «أمن»), places («إسبانيا», «بالرباط») and «في/لدى» + one of those.
It ends at the first word that can only be a name, at punctuation, at a particle or a date:
«سفير إسبانيا بالرباط | أنطونيو …», «والي أمن الرباط | محمد …».

The side of a person without an institution comes from the passage: «عن الجانب المغربي …»,
«الوفد الإسباني …», or, after «الوفد» in the sentence, the nationality of the delegation the
article introduced before («حل وفد أمني مغربي …»).
"""

from __future__ import annotations

import bisect
import re

from committee.importer.extraction.model import Side
from committee.importer.extraction.phrases import PhraseIndex, clitic_readings
from committee.importer.extraction.text import Document, ar, folded_words
from committee.importer.extraction.verbal_nouns import is_action_noun

#: Nouns of an administration that qualify a title in construct («رئيس قسم …», «والي أمن …»).
OFFICE_NOUNS = folded_words(
    "قسم مصلحة وحدة مديرية دائرة شعبة مكتب مركز وزارة سفارة قنصلية كتابة ولاية فرقة قيادة "
    "منطقة جهة إدارة هيئة مفوضية أمن شرطة عمالة إقليم دولة الدولة فريق خلية"
)
_CONNECTORS = folded_words("في لدى")
#: Nouns that follow a title in prose and are no one's name («استقبل المدير … وفدا»).
NOT_NAMES = folded_words(
    "زيارة وفد وفدا مباحثات محادثات اجتماع اجتماعا لقاء لقاءا كلمة تصريح رسالة برقية مهام "
    "منصب جلسة ندوة أشغال عمل رئاسة بلاغ بيان"
)
_WORD = re.compile(r"[ \t]*(\w+)")

_NATIONAL = r"(?P<nationality>المغربي|المغربية|الإسباني|الإسبانية|الاسباني|الاسبانية)(?!\w)"
#: «عن الجانب المغربي», «الوفد الإسباني»: the side a stretch of prose speaks for.
_SIDE_CUE = ar(rf"(?<!\w)(?:ال|[وبل]ال|لل|ولل)(?:جانب|وفد)[ \t]+{_NATIONAL}")
#: «وفد أمني مغربي رفيع المستوى»: a delegation introduced with its nationality.
_DELEGATION = ar(
    r"(?<![^\W_و])وفدا?(?:[ \t]+\w+){0,2}?[ \t]+"
    r"(?P<nationality>مغربي|مغربيا|إسباني|إسبانيا|اسباني|اسبانيا)(?!\w)"
)
_DEFINITE_DELEGATION = ar(r"(?<!\w)(?:ال|[وبل]ال|لل|ولل)وفد(?!\w)")


def may_be_name(words: tuple[str, ...]) -> bool:
    """Words after a title that no honorific vouches for: not «وفدا أمنيا», «كلمة»."""
    return words[0] not in NOT_NAMES and not is_action_noun(words[0])


def office_word(word: str, known_words: PhraseIndex[str], titles: frozenset[str]) -> bool:
    """Can ``word`` (folded) continue an office after its title?"""
    for stem, _ in clitic_readings(word):
        if stem in titles or stem in OFFICE_NOUNS or (stem.startswith("ال") and len(stem) > 3):
            return True
        if known_words.lookup_folded(stem) not in (None, "calendar"):
            return True
    return False


def office_end(
    doc: Document,
    start: int,
    known_words: PhraseIndex[str],
    titles: frozenset[str],
    stop: frozenset[str],
) -> int:
    """Where the office that starts with a title at ``start`` ends (12 words at most)."""
    end = start
    match = _WORD.match(doc.norm, start)
    if match is None:
        return start
    end = match.end(1)
    for _ in range(12):
        following = _WORD.match(doc.norm, end)
        if following is None:
            break
        word = following.group(1)
        if word in _CONNECTORS:
            after = _WORD.match(doc.norm, following.end(1))
            if after and office_word(after.group(1), known_words, titles):
                end = after.end(1)
                continue
            break
        if word in stop or not office_word(word, known_words, titles):
            break
        end = following.end(1)
    return end


class SideCues:
    """The side the sentence around a position speaks for, from what comes before it: «عن
    الجانب المغربي», «الوفد الإسباني», or «الوفد» after a delegation introduced with its
    nationality. The document is scanned once; each question is a binary search."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._cues = [(m.start(), m.group("nationality")) for m in _SIDE_CUE.finditer(doc.norm)]
        self._introduced = [
            (m.start(), m.group("nationality")) for m in _DELEGATION.finditer(doc.norm)
        ]

    def at(self, position: int) -> Side | None:
        sentence_start = self.doc.sentence_of(position)[0]
        cue = _last_before(self._cues, position)
        if cue is not None and cue[0] >= sentence_start:
            return _side_of(cue[1])
        if not _DEFINITE_DELEGATION.search(self.doc.norm, sentence_start, position):
            return None
        introduced = _last_before(self._introduced, position)
        return _side_of(introduced[1]) if introduced else None


def _last_before(found: list[tuple[int, str]], position: int) -> tuple[int, str] | None:
    index = bisect.bisect_left(found, (position, "")) - 1
    return found[index] if index >= 0 else None


def _side_of(nationality: str) -> Side:
    return "MA" if "مغرب" in nationality else "ES"
