"""Inputs at the edges: empty, blank, binary-ish, huge, mixed or in another language."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from committee.importer.extraction import extract

PUBLISHED = dt.date(2016, 6, 10)
ARTICLE = (
    "اختتمت أمس الخميس بمدريد أشغال الاجتماع الثاني للجنة الأمنية الاستراتيجية، وأوصى المشاركون "
    "بتعزيز تبادل المعلومات بين المديرية العامة للأمن الوطني والمديرية العامة للشرطة الإسبانية."
)


@pytest.mark.parametrize("text", ["", " ", "\n\t  \r\n", "\u00a0\u200f"])
def test_empty_or_blank_text_gives_an_empty_irrelevant_extraction(text):
    extraction = extract(text, published=PUBLISHED)
    assert not extraction.is_relevant
    assert extraction.meetings == extraction.people == ()
    assert extraction.warnings


def test_punctuation_only_text_is_irrelevant():
    assert not extract('... ،،، !!! «» "" --', published=PUBLISHED).is_relevant


def test_nul_characters_do_not_break_spans():
    text = ARTICLE.replace(" ", "\x00", 3) + "\x00\x00"
    extraction = extract(text, published=PUBLISHED)
    for fact in (*extraction.meetings, *extraction.recommendations, *extraction.organizations):
        for span in fact.spans:
            assert text[span.start : span.end] == span.quote


def test_windows_line_endings_keep_offsets_right():
    text = ARTICLE.replace("، ", "،\r\n")
    extraction = extract(text, published=PUBLISHED)
    assert extraction.meetings[0].city == "madrid"
    for span in extraction.meetings[0].spans:
        assert text[span.start : span.end] == span.quote


def test_an_arabic_article_with_latin_acronyms_and_a_french_sentence_is_read_as_arabic():
    text = (
        ARTICLE + " Le séminaire a réuni la DGSN et la DGP. " + "وأكد الطرفان أهمية التعاون (DGSN)."
    )
    extraction = extract(text, published=PUBLISHED)
    assert extraction.language == "ar"
    assert {o.gazetteer_key for o in extraction.organizations} == {"dgsn", "dgp"}
    acronyms = [s.quote for o in extraction.organizations for s in o.spans if s.quote.isascii()]
    assert "DGSN" in acronyms


def test_an_english_article_is_reported_as_not_supported():
    text = "The strategic security committee met in Madrid with the two police forces."
    extraction = extract(text, published=PUBLISHED)
    assert (extraction.language, extraction.language_supported, extraction.is_relevant) == (
        "en",
        False,
        False,
    )
    assert "only Arabic, French and Spanish" in extraction.warnings[0]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le comité stratégique de sécurité s'est réuni à Madrid avec la DGSN.", "fr"),
        ("El comité estratégico de seguridad se reunió en Madrid con la DGP.", "es"),
    ],
)
def test_french_and_spanish_articles_are_read(text, language):
    extraction = extract(text, published=PUBLISHED)
    assert (extraction.language, extraction.language_supported, extraction.is_relevant) == (
        language,
        True,
        True,
    )
    assert [b.kind for b in extraction.bodies] == ["strategic_committee"]
    assert {o.gazetteer_key for o in extraction.organizations} <= {"dgsn", "dgp"}


def test_a_long_run_of_text_without_punctuation_is_handled():
    text = "التعاون الأمني " * 20000
    assert not extract(text, published=PUBLISHED).is_relevant


def test_two_megabytes_of_press_prose_are_read_in_seconds(seed_text):
    text = (seed_text + "\n") * (2_000_000 // len(seed_text))
    # CPU time, not wall time: a guard against super-linear reading, not a benchmark (that is
    # benchmarks/extraction.py), and it must hold on a machine busy with other work.
    started = time.process_time()
    extraction = extract(text, published=dt.date(2014, 3, 7))
    elapsed = time.process_time() - started
    assert elapsed < 60, f"{elapsed:.1f} s of CPU for {len(text):,} characters"
    assert extraction.is_relevant
    assert len(extraction.people) == 2  # the same two directors, however often named
    for fact in extraction.meetings:
        for span in fact.spans[:5]:
            assert text[span.start : span.end] == span.quote


def test_a_weekday_that_contradicts_the_publication_date_keeps_the_date_and_warns():
    extraction = extract(ARTICLE.replace("أمس الخميس", "أمس الاثنين"), published=PUBLISHED)
    assert str(extraction.meetings[0].end) == "2016-06-09"
    assert any("weekday" in warning for warning in extraction.warnings)


def test_without_a_publication_date_nothing_relative_is_guessed():
    extraction = extract(ARTICLE, published=None)
    assert extraction.published is None
    assert extraction.meetings[0].start is None
    assert extraction.meetings[0].end is None
    assert any("أمس الخميس" in warning for warning in extraction.warnings)
