"""The folded copy of a text and the way back to the original's offsets."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from committee.arabic import normalize, normalize_with_offsets
from committee.importer.extraction.text import Document, ar, fold
from tests.importer.extraction.gold import load_articles

ARABIC_AND_MORE = st.text(
    alphabet=st.sampled_from(
        [
            *list('ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة ـ،.«»"0123456789٠١٢٣٤٥٦٧٨٩abcßİ\n\t'),
            "ً",
            "َ",
            "ِ",
            "ّ",
            "ْ",
            "ٔ",
            "ٰ",
            "́",
            "\x00",
            "\u200f",
        ]
    ),
    max_size=80,
)


@given(ARABIC_AND_MORE)
@settings(max_examples=300, deadline=None)
def test_the_folded_text_is_normalize_s_and_maps_back_to_whole_characters(text):
    folded, starts, ends = normalize_with_offsets(text)
    assert folded == normalize(text)
    assert len(starts) == len(ends) == len(folded)
    assert all(0 <= start < end <= len(text) for start, end in zip(starts, ends, strict=True))
    assert starts == sorted(starts)


@given(ARABIC_AND_MORE, st.integers(0, 80), st.integers(0, 80))
@example(" \u0301", 0, 2)  # a combining mark on a space: found by this test once
@settings(max_examples=300, deadline=None)
def test_a_span_of_the_folded_text_always_quotes_the_original(text, first, last):
    doc = Document(text)
    span = doc.span(min(first, last), max(first, last))
    if span is not None:
        assert text[span.start : span.end] == span.quote
        assert span.quote == span.quote.strip()


def test_every_article_folds_the_way_normalize_does():
    for article in load_articles():
        assert normalize_with_offsets(article.text)[0] == normalize(article.text)


def test_hamza_tatweel_diacritics_and_digits_fold_away():
    doc = Document("الإسبـــانيَّة ٢٠١٤")
    assert doc.norm == "الاسبانيه 2014"
    span = doc.span(0, 9)
    assert span is not None
    assert span.quote == "الإسبـــانيَّة"


def test_patterns_are_written_in_ordinary_spelling_and_match_folded_text():
    pattern = ar(r"المديرية\s+العامة\s+للأمن")
    assert pattern.search(Document("والمديريـة العامة للامن").norm)
    assert pattern.pattern.count("\\s") == 2  # the regex escapes survive folding


def test_sentences_do_not_break_inside_quotations_or_at_double_dots():
    doc = Document('قال "الأمن أولا. والتعاون ثانيا". موضوع "أ .. ب" مهم.')
    assert len(doc.sentences) == 2


def test_a_stray_quotation_mark_does_not_swallow_the_text():
    doc = Document('قال " الجملة الأولى. ' + "كلمة " * 400 + ". النهاية.")
    assert len(doc.sentences) >= 3


def test_fold_matches_the_document_s_folding():
    assert fold("أَرْمِيل") == Document("أَرْمِيل").norm == "ارميل"
