"""Every fact says how sure the extractor is; doubtful ones are suggested, not recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from committee.importer.extraction import extract
from committee.importer.extraction.confidence import DOUBTS, SUGGEST_BELOW, assessed
from committee.importer.review import KINDS, REASONS, facts, split
from tests.importer.extraction.gold import load_articles

PUBLISHED = dt.date(2026, 3, 12)
#: A working meeting in Rabat, two directors general, a decision, and «السيد كريم»: a man
#: the article names by his first name only, with no office and no side.
ARTICLE = (
    "الرباط – عقد المدير العام للأمن الوطني ومراقبة التراب الوطني، السيد عبد اللطيف حموشي، "
    "اليوم الخميس بالرباط، اجتماع عمل مع المدير العام للشرطة الإسبانية، السيد فرانسيسكو باردو "
    "بيكيراس، خصص لتقييم التعاون الأمني الثنائي في مجال مكافحة الإرهاب.\n"
    "وأوصى الطرفان بتعزيز تبادل المعلومات العملياتية بين المصالح المختصة في البلدين.\n"
    "وحضر الاجتماع السيد كريم.\n"
)


def doubtful_person():
    extraction = extract(ARTICLE, published=PUBLISHED)
    return extraction, next(p for p in extraction.people if p.name == "كريم")


def test_a_first_name_alone_without_office_or_side_is_doubtful():
    _, person = doubtful_person()
    assert person.confidence < SUGGEST_BELOW
    assert set(person.doubts) == {"no_office", "no_side", "one_word_name"}


def test_a_director_general_named_after_his_office_is_certain():
    extraction, _ = doubtful_person()
    named = {p.name: p for p in extraction.people}
    assert named["عبد اللطيف حموشي"].confidence == 1.0
    assert named["عبد اللطيف حموشي"].doubts == ()


def test_a_working_meeting_is_a_meeting_whose_kind_the_text_names():
    extraction, _ = doubtful_person()
    (meeting,) = extraction.meetings
    assert meeting.name == "اجتماع عمل"
    assert meeting.city == "rabat" and meeting.start is not None
    assert "kind_not_named" not in meeting.doubts and meeting.confidence >= SUGGEST_BELOW


def test_doubts_add_up_and_each_one_is_explained_to_the_secretariat():
    assert set(REASONS) == set(DOUBTS)
    extraction, _ = doubtful_person()
    (recommendation,) = extraction.recommendations
    long = replace(recommendation, text=" ".join(["كلمة"] * 80), meeting_key=None)
    (scored,) = assessed(replace(extraction, recommendations=(long,))).recommendations
    assert scored.doubts == ("many_words", "no_meeting_or_body")
    assert scored.confidence == round(1 - DOUBTS["many_words"] - DOUBTS["no_meeting_or_body"], 2)
    short = replace(recommendation, text="تعزيز التعاون")
    (scored,) = assessed(replace(extraction, recommendations=(short,))).recommendations
    assert "few_words" in scored.doubts


def test_the_doubtful_fact_is_left_out_and_suggested_with_its_words():
    extraction, person = doubtful_person()
    kept, suggestions = split(extraction)
    assert person.key not in {p.key for p in kept.people}
    assert len(kept.people) == len(extraction.people) - 1
    (suggestion,) = suggestions
    assert (suggestion.key, suggestion.kind, suggestion.label) == (person.key, "people", "كريم")
    assert ARTICLE[suggestion.start : suggestion.end] == suggestion.quote
    assert "كريم" in suggestion.quote


def test_an_accepted_suggestion_is_kept_and_an_unknown_key_is_refused():
    extraction, person = doubtful_person()
    kept, suggestions = split(extraction, accepted=[person.key])
    assert suggestions == [] and person.key in {p.key for p in kept.people}
    with pytest.raises(ValueError, match="person:1"):  # certain: nothing to accept
        split(extraction, accepted=["person:1"])
    with pytest.raises(ValueError, match="meeting:99"):
        split(extraction, accepted=["meeting:99"])


def test_what_belongs_to_a_doubtful_meeting_waits_with_it():
    extraction, _ = doubtful_person()
    (meeting,) = extraction.meetings
    (recommendation,) = extraction.recommendations
    assert recommendation.meeting_key == meeting.key
    doubtful = replace(meeting, confidence=0.3, doubts=("kind_not_named",))
    kept, suggestions = split(replace(extraction, meetings=(doubtful,)), accepted=["person:3"])
    assert kept.meetings == () and kept.recommendations == ()
    (suggestion,) = suggestions
    assert suggestion.key == meeting.key
    assert suggestion.with_it == (recommendation.text,)
    kept, _ = split(replace(extraction, meetings=(doubtful,)), accepted=[meeting.key, "person:3"])
    assert kept.recommendations == extraction.recommendations


def test_every_fact_of_the_corpus_has_a_confidence_and_the_seed_is_recorded_whole():
    for article in load_articles():
        extraction = extract(article.text, published=article.published)
        for _, fact in facts(extraction):
            assert 0 < fact.confidence <= 1 and set(fact.doubts) <= set(DOUBTS), fact
        if article.name.startswith("000"):
            assert split(extraction)[1] == [], "the seed must not need review to be imported"
    assert set(KINDS) < set(extraction.__dataclass_fields__)
