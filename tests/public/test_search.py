from __future__ import annotations

import pytest
from django.db import connection

from committee.bilateral import Visibility
from committee.fulltext import search_query
from committee.meetings.models import Meeting
from committee.people.models import Organization, Person
from committee.recommendations.models import Recommendation
from committee.sources.models import SourceDocument
from committee.subcommittees.models import Body
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.server]


def test_a_restricted_record_is_never_found_by_the_public(client, world):
    f.RecommendationFactory(text_ar="توصية سرية عن الموانئ", visibility=Visibility.MA)
    response = client.get("/ar/search/", {"q": "الموانئ"})
    assert "سرية" not in response.text


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("الإسبانية", "SEM2-2014-R01"),  # hamza on the alef: the text has الإسبانية
        ("أرميل", "بوشعيب"),  # the person is spelt أرميل, the alias ارميل
        ("ارميل", "بوشعيب"),
        ("توصية", "SEM2-2014-R02"),  # stem of التوصية
        ("reuniones", "SEM2-2014-R01"),  # Spanish stemming: reuniones / reunión
        ("Córdoba", "Primer seminario"),
    ],
)
def test_arabic_and_spanish_spellings_find_their_records(client, world, query, found):
    response = client.get("/es/search/", {"q": query})
    assert response.status_code == 200
    assert found in response.text


def test_snippets_mark_the_original_words_even_when_spelt_differently(client, world):
    response = client.get("/ar/search/", {"q": "الاسبانية"})
    assert "<mark>الإسبانية</mark>" in response.text


def test_snippets_escape_everything_but_the_marks(client):
    f.RecommendationFactory(text_ar="<img src=x onerror=alert(1)> تعاون أمني")
    response = client.get("/ar/search/", {"q": "تعاون"})
    assert "<img src=x" not in response.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in response.text
    assert "<mark>تعاون</mark>" in response.text


def test_results_are_ranked_and_can_be_narrowed_to_one_kind(client, world):
    response = client.get("/es/search/", {"q": "seminario", "type": "meetings"})
    assert "Segundo seminario" in response.text
    assert "/recommendations/" not in response.text.split('class="results"', 1)[1]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "cooperación\x00\x00"},
        {"q": "'; DROP TABLE people_person; --"},
        {"q": "<script>alert(1)</script>"},
        {"q": "!!! ||| &&& (((", "page": "abc"},
        {"q": "تعاون", "type": "passwords"},
        {"q": "the"},
        {"q": ""},
    ],
)
def test_nonsense_searches_give_a_normal_page(client, world, params):
    response = client.get("/es/search/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_an_overlong_search_says_it_was_shortened(client, world):
    response = client.get("/es/search/", {"q": "seminario " * 1000})
    assert 'class="messages"' in response.text


def test_search_runs_in_the_same_number_of_queries_for_few_and_many(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20) as few:
        client.get("/ar/search/", {"q": "التعاون"})
    for _ in range(40):
        f.RecommendationFactory()
        f.MeetingFactory(title_ar="ندوة حول التعاون")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/ar/search/", {"q": "التعاون"})


@pytest.mark.parametrize(
    ("model", "index"),
    [
        (Recommendation, "recommendation_search"),
        (Meeting, "meeting_search"),
        (Body, "body_search"),
        (Person, "person_search"),
        (Organization, "organization_search"),
        (SourceDocument, "source_search"),
    ],
)
@pytest.mark.django_db(transaction=True)  # committed, then emptied: see tests/public/test_scale.py
def test_search_is_answered_from_the_gin_index(world, model, index):
    # Public rows whose words do not match, so that the visibility index is worth nothing and
    # the planner's statistics look like a real table rather than an empty one.
    filler = {
        Recommendation: lambda n: f.RecommendationFactory.build(body=None, text_es=f"texto {n}"),
        Meeting: lambda n: f.MeetingFactory.build(title_es=f"reunión {n}", body=None),
        Body: lambda n: f.BodyFactory.build(name_es=f"comisión {n}"),
    }.get(model)
    if filler is not None:
        model.objects.bulk_create([filler(n) for n in range(3000)], batch_size=1000)
    with connection.cursor() as cursor:
        # What VACUUM would do: move the new rows from the GIN pending list into the index.
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        cursor.execute(f"ANALYZE {model._meta.db_table}")
        # A small table is cheaper to read whole; forbid that to see which index answers.
        cursor.execute("SET enable_seqscan = off")
    try:
        query = search_query("الاسبانية")
        plan = model.objects.visible_to(None).filter(search_vector=query).order_by().explain()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_seqscan")
    assert index in plan


def test_a_broad_search_counts_and_ranks_only_the_newest_matches(client, monkeypatch):
    from committee.public import search

    monkeypatch.setattr(search, "BROAD", 3)
    older = [f.RecommendationFactory(text_es="Patrullas conjuntas en Tánger") for _ in range(2)]
    newer = [f.RecommendationFactory(text_es="Patrullas conjuntas") for _ in range(3)]
    hidden = f.RecommendationFactory(text_es="Patrullas conjuntas", visibility=Visibility.MA)
    page = client.get("/es/search/", {"q": "patrullas"})
    results = page.context["results"]
    # The hidden one, newest of all, is neither counted nor ranked: the newest the public may see.
    assert hidden not in {r.record for r in results.results}
    assert {r.record for r in results.results} == set(newer)
    assert results.counts[0][1] == 3 and results.broad == {"recommendations"}
    text = page.content.decode()
    assert "Más de 3 resultados" in text
    assert "(3+)" in text
    assert "solo se ordenan los 3 más recientes" in text
    assert not set(older) & {r.record for r in results.results}


def test_a_search_below_the_limit_says_nothing_of_it(client, monkeypatch):
    from committee.public import search

    monkeypatch.setattr(search, "BROAD", 3)
    found = [f.RecommendationFactory(text_es="Patrullas conjuntas") for _ in range(3)]
    page = client.get("/es/search/", {"q": "patrullas"})
    assert {r.record for r in page.context["results"].results} == set(found)
    assert page.context["results"].broad == frozenset()
    assert "Más de" not in page.content.decode()
