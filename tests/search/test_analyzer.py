"""The Arabic light stemmer and the accent folding, the same in Python and in PostgreSQL, and
what they make findable (issue 17's failures first)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from committee import arabic
from committee.fulltext import query_words, search_query
from committee.people.models import Person
from committee.recommendations.models import Recommendation
from committee.subcommittees.models import Body
from tests import factories as f

pytestmark = pytest.mark.django_db

SEED = next((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def sql_stems(words: list[str]) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT committee_arabic_stem(w) FROM unnest(%s::text[]) WITH ORDINALITY AS t(w, n) "
            "ORDER BY n",
            [words],
        )
        return [row[0] for row in cursor.fetchall()]


def sql_analyze(text: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT committee_arabic_analyze(%s)", [text])
        return str(cursor.fetchone()[0])


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (["التطرف", "والتطرف", "بالتطرف", "للتطرف"], "تطرف"),
        (["التوصية", "التوصيات", "توصيات", "توصية", "والتوصيات"], "توص"),
        (["مفوضية", "المفوضيات", "مفوضيات"], "مفوض"),
        (["الأمن", "للأمن", "وبالأمن", "فالأمن"], "امن"),
    ],
)
def test_the_forms_a_reader_types_share_one_stem(forms, stem):
    folded = [arabic.normalize(form) for form in forms]
    assert {arabic.stem(form) for form in folded} == {stem}
    assert all(stem in held.split() for held in sql_stems(folded))


def test_short_words_keep_their_letters():
    # A prefix or a suffix leaves two letters at least.
    for word, stem in (("يد", "يد"), ("امن", "امن"), ("الامن", "امن"), ("لها", "لها")):
        assert arabic.stem(word) == stem
        assert sql_stems([word]) == [stem]


def test_a_leading_and_is_indexed_both_ways_and_kept_in_a_query():
    # light10 would make «وزارة» «زار» but «الوزارة» «وزار»: the ministry would not meet itself.
    for word, held in (("وزاره", ("وزار", "زار")), ("وامن", ("وامن", "امن")), ("وطن", ("وطن",))):
        assert arabic.index_stems(word) == held
        assert sql_stems([word]) == [" ".join(held)]
    assert arabic.stem("وزاره") == arabic.stem("الوزاره") == "وزار"


def test_the_ministry_and_the_minister_are_found_with_or_without_the_article():
    ministry = f.BodyFactory(name_ar="وزارة الداخلية")
    minister = f.PersonFactory(name_ar="السيد كوسيدو", position_ar="الوزير المنتدب")
    assert list(Body.objects.filter(search_vector=search_query("الوزارة"))) == [ministry]
    assert list(Body.objects.filter(search_vector=search_query("وزارة"))) == [ministry]
    assert list(Person.objects.filter(search_vector=search_query("وزير"))) == [minister]


def test_python_and_postgresql_stem_every_word_of_the_seed_alike():
    words = sorted(set(arabic.ARABIC_WORD.findall(arabic.normalize(SEED.read_text()))))
    assert len(words) > 300
    assert sql_stems(words) == [" ".join(arabic.index_stems(word)) for word in words]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويءةىال -.،0aé", max_size=40))
def test_python_and_postgresql_analyse_any_text_alike(text):
    folded = arabic.normalize(text)
    assert sql_analyze(folded) == arabic.analyze_index(folded)


def test_a_query_of_only_little_words_keeps_them_and_a_longer_one_drops_them():
    assert query_words("في") == "في"
    assert query_words("التعاون في مجال الأمن") == "التعاون مجال الامن"
    assert query_words("Ali علي") == "ali علي"  # «على» folds to «علي», a name: kept


def test_the_extremism_query_finds_the_body_and_recommendation_with_the_conjunction():
    body = f.BodyFactory(name_ar="لجنة محاربة الارهاب والتطرف")
    recommendation = f.RecommendationFactory(
        body=body, text_ar="تعزيز التعاون لمكافحة الإرهاب والتطرف العنيف"
    )
    f.RecommendationFactory(text_ar="تبادل الخبرات في مجال الهجرة")
    query = search_query("التطرف")
    assert list(Body.objects.filter(search_vector=query)) == [body]
    assert list(Recommendation.objects.filter(search_vector=query)) == [recommendation]


def test_a_name_typed_without_its_accent_is_found():
    person = f.PersonFactory(name_es="Ignacio Cosidó", name_ar="إغناسيو كوسيدو")
    f.PersonFactory(name_es="Ignacio Otro")
    assert list(Person.objects.filter(search_vector=search_query("Cosido"))) == [person]
    assert list(Person.objects.filter(search_vector=search_query("COSIDÓ"))) == [person]


def test_french_accents_are_ignored_both_ways():
    recommendation = f.RecommendationFactory(text_fr="Renforcer la sécurité des frontières")
    for typed in ("securite", "sécurité", "SECURITÉ", "frontieres"):
        assert list(Recommendation.objects.filter(search_vector=search_query(typed))) == [
            recommendation
        ], typed


def test_a_near_spelling_of_a_name_comes_after_every_exact_match():
    from django.contrib.auth.models import AnonymousUser

    from committee.public.search import search

    named = f.PersonFactory(name_es="Fernando Grande-Marlaska", name_ar="فرناندو غراندي مارلاسكا")
    exact = f.RecommendationFactory(text_es="Reunión con el ministro Marlasca en Rabat")
    found = search("Marlasca", AnonymousUser(), only=None, page=None)
    assert [r.record for r in found.results] == [exact, named]
    assert found.results[1].rank < 0 <= found.results[0].rank


def test_a_hidden_person_is_neither_found_nor_suggested_by_a_near_spelling():
    from django.contrib.auth.models import AnonymousUser

    from committee.public.search import search

    f.PersonFactory(name_es="Fernando Grande-Marlaska", visibility="ma")
    found = search("Marlasca", AnonymousUser(), only=None, page=None)
    assert found.total == 0
    assert found.suggestion == ""


def test_when_nothing_matches_the_closest_name_is_offered(client):
    f.PersonFactory(name_es="Fernando Grande-Marlaska", name_ar="فرناندو غراندي مارلاسكا")
    found = client.get("/es/search/", {"q": "Marlosqa"})
    assert "Marlosqa" in found.content.decode()
    assert found.context["results"].total == 0
    assert found.context["results"].suggestion == "Fernando Grande-Marlaska"
    assert "q=Fernando+Grande-Marlaska" in found.content.decode()


def test_near_spellings_of_names_are_compared_without_the_article():
    assert arabic.without_article("الرميل الوزاني الامن") == "رميل وزاني الامن"


def test_near_spellings_are_looked_for_only_while_exact_matches_are_fewer_than_a_page():
    from django.contrib.auth.models import AnonymousUser

    from committee.public.search import PAGE_SIZE, search

    exact = f.PersonFactory.create_batch(PAGE_SIZE - 1, name_es="Ana Marlaska")
    near = f.PersonFactory(name_es="Fernando Grande-Marlasca")
    found = search("Marlaska", AnonymousUser(), only="people", page=None)
    assert found.total == PAGE_SIZE
    assert [r.record for r in found.results][-1] == near  # after every exact match

    exact.append(f.PersonFactory(name_es="Luis Marlaska"))
    found = search("Marlaska", AnonymousUser(), only="people", page=None)
    assert found.total == PAGE_SIZE  # a page of exact matches: near spellings not compared
    assert near not in [r.record for r in found.results]
