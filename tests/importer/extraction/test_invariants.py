"""What holds for every article: spans quote the text, keys resolve, output is pure and stable."""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
import json
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from committee.importer.extraction import Extraction, extract, extraction_to_dict
from tests.importer.extraction.gold import load_articles

ARTICLES = load_articles()
FACT_LISTS = (
    "meetings",
    "bodies",
    "organizations",
    "people",
    "recommendations",
    "action_plans",
    "agreements",
    "mechanisms",
    "statements",
    "presentations",
)


def facts_of(extraction: Extraction):
    for name in FACT_LISTS:
        yield from getattr(extraction, name)


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda article: article.name)
def case(request):
    article = request.param
    return article, extract(article.text, published=article.published)


def test_every_span_quotes_the_original_text_exactly(case):
    article, extraction = case
    text = article.text
    for fact in facts_of(extraction):
        for span in fact.spans:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.quote
        for evidence in fact.evidence:
            assert text[evidence.span.start : evidence.span.end] == evidence.span.quote


def test_spans_are_trimmed_of_spaces_and_punctuation(case):
    _, extraction = case
    for fact in facts_of(extraction):
        for span in fact.spans:
            assert span.quote == span.quote.strip()
            assert span.quote[0] not in "،,.:;؛"
            assert span.quote[-1] not in "،,.:;؛"


def test_a_fact_s_spans_are_in_order_and_do_not_overlap(case):
    _, extraction = case
    for fact in facts_of(extraction):
        for before, after in zip(fact.spans, fact.spans[1:], strict=False):
            assert before.end <= after.start, fact.key
        assert set(fact.spans) <= {item.span for item in fact.evidence}


def test_people_institutions_and_meetings_do_not_share_their_words(case):
    _, extraction = case
    for name in ("people", "organizations", "meetings"):
        owners: dict[tuple[int, int], str] = {}
        for fact in getattr(extraction, name):
            for item in fact.evidence:
                if item.field in ("name", "mention"):
                    span = (item.span.start, item.span.end)
                    assert owners.setdefault(span, fact.key) == fact.key


def test_keys_are_unique_and_every_reference_names_a_fact(case):
    _, extraction = case
    keys = [fact.key for fact in facts_of(extraction)]
    assert len(keys) == len(set(keys))
    known = set(keys)
    for fact in facts_of(extraction):
        for field in dataclasses.fields(fact):
            value = getattr(fact, field.name)
            if field.name.endswith("_key") and field.name != "gazetteer_key" and value is not None:
                assert value in known, (fact.key, field.name, value)
            if field.name.endswith("_keys") and field.name != "location_keys":
                assert set(value) <= known, (fact.key, field.name, value)
        for chair in getattr(fact, "chairs", ()):
            assert {chair.person_key, chair.organization_key} - {None} <= known


def test_partial_dates_are_first_of_month_or_year_as_their_precision_says(case):
    _, extraction = case
    dates = []
    for fact in facts_of(extraction):
        for name in ("start", "end", "established", "signed", "period_start", "period_end"):
            if getattr(fact, name, None) is not None:
                dates.append(getattr(fact, name))
    for date in dates:
        if date.precision in ("month", "year"):
            assert date.value.day == 1
        if date.precision == "year":
            assert date.value.month == 1


def test_the_output_is_json_ready_and_deterministic(case):
    article, extraction = case
    first = json.dumps(extraction_to_dict(extraction), ensure_ascii=False, sort_keys=True)
    again = json.dumps(
        extraction_to_dict(extract(article.text, published=article.published)),
        ensure_ascii=False,
        sort_keys=True,
    )
    assert first == again


def test_extraction_reads_no_file_and_opens_no_connection(monkeypatch):
    article = ARTICLES[0]

    def forbidden(*args, **kwargs):
        raise AssertionError("the extractor must be pure")

    monkeypatch.setattr(builtins, "open", forbidden)
    monkeypatch.setattr(socket, "socket", forbidden)
    extraction = extract(article.text, published=article.published)
    assert extraction.meetings


def test_an_irrelevant_extraction_carries_no_facts():
    for article in ARTICLES:
        extraction = extract(article.text, published=article.published)
        if not extraction.is_relevant:
            assert not any(True for _ in facts_of(extraction))
            assert extraction.warnings


def test_every_article_extracts_without_a_publication_date():
    for article in ARTICLES:
        extraction = extract(article.text, published=None)
        for fact in facts_of(extraction):
            for span in fact.spans:
                assert article.text[span.start : span.end] == span.quote


GENRE_TEXT = (
    "اختتمت انطلقت اليوم أمس الجمعة بمراكش بمدريد أشغال الدورة الثانية الثالثة للندوة العلمية "
    "الندوة هذه هذا اللقاء الاجتماع الأول للجنة اللجنة الفرعية الأمنية الاستراتيجية المكلفة "
    "بمكافحة الإرهاب لتتبع تنفيذ التوصيات وأوصى المشاركون بإحداث لجنة فريق عمل مخطط عمل برسم "
    "سنة 2014 يومي 6 و7 مارس نونبر المنصرم السنة الماضية على مدى يومين حول موضوع السيد "
    "المدير العام للأمن الوطني للشرطة الإسبانية المديرية العامة وقال إن وأكد أن ومن جهته، "
    "اتفاق تعاون أبرمت في أبريل 2013 المفوضيات المشتركة بميناء طنجة المتوسط تناولت العروض "
    'فضلا عن بالإضافة إلى، . « » " الدعوة إلى اتفق على أهمية تنظيم ويتعلق الأمر ب : يترأسها '
    "المديران العامان بالمغرب واسبانيا تأسست المحدثة بين والمديرية"
)
GENRE_WORDS = GENRE_TEXT.split()


@given(st.lists(st.sampled_from(GENRE_WORDS), max_size=120), st.booleans())
@settings(max_examples=150, deadline=None)
def test_any_jumble_of_genre_words_extracts_without_error_and_with_exact_spans(words, dated):
    text = " ".join(words)
    extraction = extract(text, published=dt.date(2014, 3, 7) if dated else None)
    known = {fact.key for fact in facts_of(extraction)}
    for fact in facts_of(extraction):
        for span in fact.spans:
            assert text[span.start : span.end] == span.quote
        for field in dataclasses.fields(fact):
            value = getattr(fact, field.name)
            if field.name.endswith("_key") and field.name != "gazetteer_key" and value is not None:
                assert value in known
    json.dumps(extraction_to_dict(extraction))
