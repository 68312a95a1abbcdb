"""Month and weekday names as the Arabic press writes them, and the words that make them relative.

Three families of month names are in use: the Maghreb's (يناير … ماي … يوليوز غشت شتنبر …
نونبر دجنبر), the Mashriq's Syriac names (كانون الثاني … شباط آذار … تشرين الأول …) and the
"standard" transliterations of Egypt and the Gulf (مايو يوليو أغسطس سبتمبر نوفمبر ديسمبر);
Algeria and Tunisia add French-derived ones (جانفي فيفري أفريل جوان جويلية أوت).
French and Spanish names serve the Latin-script articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from committee.importer.extraction.text import fold

MAGHREB_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
    "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر",
)  # fmt: skip
MASHRIQ_MONTHS = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
)  # fmt: skip
STANDARD_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
#: Other spellings seen in the press, by month number.
MONTH_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("جانفي", "جانفييه", "ينايير"),
    2: ("فيفري", "فبرير", "فبرابر"),
    4: ("إبريل", "ابريل", "أفريل", "افريل"),
    5: ("ماي", "مايو"),
    6: ("يونيه", "جوان", "يونية"),
    7: ("يوليه", "جويلية", "يوليوز", "يوليو", "جويليه"),
    8: ("أغشت", "اغسطس", "أوت", "اوت", "آب"),
    9: ("سيبتمبر", "شتمبر", "ستنبر"),
    10: ("اكتوبر", "أكتوبر", "اكتوبار"),
    11: ("نونبر", "نوفمبر", "نوبمبر"),
    12: ("دجنبر", "ديسمبر", "دسمبر"),
}
FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
SPANISH_MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip

WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
            "الجمعة": 4, "السبت": 5, "الأحد": 6}  # fmt: skip

#: Words after a month or a year that place it relative to the publication date.
PAST_WORDS = ("المنصرم", "المنصرمة", "الماضي", "الماضية", "الفارط", "الفارطة", "الفائت",
              "الفائتة", "السابق", "السابقة", "المنقضي", "المنقضية")  # fmt: skip
CURRENT_WORDS = ("الجاري", "الجارية", "الحالي", "الحالية")
NEXT_WORDS = ("المقبل", "المقبلة", "القادم", "القادمة")

#: «أواخر شهر يونيو», «مطلع مارس»: the month stays the unit of precision.
MONTH_QUALIFIERS = ("أواخر", "أوائل", "أواسط", "منتصف", "مطلع", "بداية", "نهاية", "أول",
                    "آخر", "خلال", "طيلة", "في")  # fmt: skip


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for names in (MAGHREB_MONTHS, MASHRIQ_MONTHS, STANDARD_MONTHS):
        for number, name in enumerate(names, start=1):
            table[fold(name)] = number
    for number, variants in MONTH_VARIANTS.items():
        for name in variants:
            table[fold(name)] = number
    return table


#: Folded Arabic month name → month number ("نونبر" → 11, "تشرين الثاني" → 11).
ARABIC_MONTHS: dict[str, int] = _month_table()
#: French and Spanish month names (case-folded, with and without accents) → month number.
LATIN_MONTHS: dict[str, int] = {
    **{fold(name): n for n, name in enumerate(FRENCH_MONTHS, start=1)},
    **{fold(name): n for n, name in enumerate(SPANISH_MONTHS, start=1)},
    "fevrier": 2, "aout": 8, "decembre": 12, "setiembre": 9,
}  # fmt: skip
FOLDED_WEEKDAYS: dict[str, int] = {fold(name): day for name, day in WEEKDAYS.items()}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of folded words, longest first, inner spaces matching any space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


MONTH_PATTERN = alternation(ARABIC_MONTHS)
LATIN_MONTH_PATTERN = alternation(LATIN_MONTHS)
WEEKDAY_PATTERN = alternation(FOLDED_WEEKDAYS)
PAST_PATTERN = alternation(fold(word) for word in PAST_WORDS)
CURRENT_PATTERN = alternation(fold(word) for word in CURRENT_WORDS)
NEXT_PATTERN = alternation(fold(word) for word in NEXT_WORDS)
QUALIFIER_PATTERN = alternation(fold(word) for word in MONTH_QUALIFIERS)


def month_number(name: str) -> int | None:
    """The month a folded name (Arabic, French or Spanish) stands for."""
    name = " ".join(name.split())
    return ARABIC_MONTHS.get(name) or LATIN_MONTHS.get(name)


def weekday_number(name: str) -> int | None:
    return FOLDED_WEEKDAYS.get(name)
