"""Arabic ordinals («الدورة الرابعة», «الحادية عشرة», «الـ12») and small cardinals («يومين»).

Tables are written in ordinary spelling and folded once (``fold``) so they match ``Document.norm``.
"""

from __future__ import annotations

import re

from committee.importer.extraction.text import fold

_UNITS: dict[int, tuple[str, str]] = {
    1: ("الأول", "الأولى"),
    2: ("الثاني", "الثانية"),
    3: ("الثالث", "الثالثة"),
    4: ("الرابع", "الرابعة"),
    5: ("الخامس", "الخامسة"),
    6: ("السادس", "السادسة"),
    7: ("السابع", "السابعة"),
    8: ("الثامن", "الثامنة"),
    9: ("التاسع", "التاسعة"),
    10: ("العاشر", "العاشرة"),
}
_TENS: dict[int, tuple[str, ...]] = {
    20: ("العشرون", "العشرين"),
    30: ("الثلاثون", "الثلاثين"),
    40: ("الأربعون", "الأربعين"),
    50: ("الخمسون", "الخمسين"),
}


def _ordinal_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for number, (masculine, feminine) in _UNITS.items():
        words[masculine] = words[feminine] = number
    words["الحادي عشر"] = words["الحادية عشرة"] = words["الحادية عشر"] = 11
    for number in range(2, 10):
        masculine, feminine = _UNITS[number]
        words[f"{masculine} عشر"] = words[f"{feminine} عشرة"] = words[f"{feminine} عشر"] = (
            10 + number
        )
    for tens, spellings in _TENS.items():
        for spelling in spellings:
            words[spelling] = tens
            # «الخامسة والعشرون» (and, loosely, «الخامسة وعشرون»).
            for tail in (spelling, spelling.removeprefix("ال")):
                words[f"الحادي و{tail}"] = words[f"الحادية و{tail}"] = tens + 1
                for number in range(2, 10):
                    masculine, feminine = _UNITS[number]
                    words[f"{masculine} و{tail}"] = words[f"{feminine} و{tail}"] = tens + number
    # Indefinite «أول اجتماع», «ثاني ندوة».
    words.update({"أول": 1, "أولى": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5})
    return {fold(word): number for word, number in words.items()}


#: Folded ordinal word → number ("الثانيه" → 2).
ORDINALS: dict[str, int] = _ordinal_words()

#: Cardinals as they count days and bodies («ثلاثة أيام», «ثلاث لجان»), folded.
CARDINALS: dict[str, int] = {
    fold(word): number
    for word, number in {
        "واحد": 1,
        "واحدة": 1,
        "اثنان": 2,
        "اثنين": 2,
        "اثنتين": 2,
        "اثنتان": 2,
        "ثلاث": 3,
        "ثلاثة": 3,
        "أربع": 4,
        "أربعة": 4,
        "خمس": 5,
        "خمسة": 5,
        "ست": 6,
        "ستة": 6,
        "سبع": 7,
        "سبعة": 7,
        "ثماني": 8,
        "ثمانية": 8,
        "ثمان": 8,
        "تسع": 9,
        "تسعة": 9,
        "عشر": 10,
        "عشرة": 10,
    }.items()
}


def _alternation(words: dict[str, int]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


#: An ordinal: a word from ``ORDINALS`` or «الـ12» / «ال12» (tatweel is already gone).
ORDINAL_PATTERN = rf"(?:{_alternation(ORDINALS)}|ال\s?\d{{1,3}})(?!\w)"
_ORDINAL = re.compile(ORDINAL_PATTERN)
CARDINAL_PATTERN = rf"(?:{_alternation(CARDINALS)}|\d{{1,3}})(?!\w)"


def ordinal_value(word: str) -> int | None:
    """The number an ordinal (folded, as matched by ``ORDINAL_PATTERN``) stands for."""
    word = " ".join(word.split())
    if word in ORDINALS:
        return ORDINALS[word]
    digits = word.removeprefix("ال").strip()
    return int(digits) if digits.isdigit() and 0 < int(digits) < 1000 else None


def read_ordinal(norm: str, position: int) -> tuple[int, int] | None:
    """(value, end) of an ordinal starting exactly at ``position`` of a folded text."""
    match = _ORDINAL.match(norm, position)
    if not match:
        return None
    value = ordinal_value(match.group())
    return (value, match.end()) if value else None


def cardinal_value(word: str) -> int | None:
    word = word.strip()
    if word.isdigit():
        return int(word)
    return CARDINALS.get(word)
