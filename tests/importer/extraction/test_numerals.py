"""Ordinals that number meetings and subcommittees, masculine and feminine, in words or digits."""

from __future__ import annotations

import pytest

from committee.importer.extraction.numerals import cardinal_value, read_ordinal
from committee.importer.extraction.text import fold

WORDS = {
    1: ("الأول", "الأولى"), 2: ("الثاني", "الثانية"), 3: ("الثالث", "الثالثة"),
    4: ("الرابع", "الرابعة"), 5: ("الخامس", "الخامسة"), 6: ("السادس", "السادسة"),
    7: ("السابع", "السابعة"),
    8: ("الثامن", "الثامنة"), 9: ("التاسع", "التاسعة"), 10: ("العاشر", "العاشرة"),
}  # fmt: skip


@pytest.mark.parametrize("number", sorted(WORDS))
def test_ordinals_one_to_ten_in_both_genders(number):
    for word in WORDS[number]:
        assert read_ordinal(fold(word), 0) == (number, len(fold(word)))


@pytest.mark.parametrize(
    ("text", "number"),
    [("الحادي عشر", 11), ("الحادية عشرة", 11), ("الثانية عشرة", 12), ("الثاني عشر", 12),
     ("التاسعة عشرة", 19), ("العشرين", 20), ("الخامسة والعشرين", 25), ("الـ12", 12), ("ال 3", 3),
     ("أول", 1)],
)  # fmt: skip
def test_compound_indefinite_and_numeric_ordinals(text, number):
    folded = fold(text)
    assert read_ordinal(folded, 0) == (number, len(folded))


def test_an_ordinal_is_a_whole_word():
    assert read_ordinal(fold("الثانوية"), 0) is None
    assert read_ordinal(fold("الأولويات"), 0) is None


@pytest.mark.parametrize(("word", "number"), [("ثلاثة", 3), ("ثلاث", 3), ("خمسة", 5), ("12", 12)])
def test_cardinals(word, number):
    assert cardinal_value(fold(word)) == number
