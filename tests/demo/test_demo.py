"""``generate_demo_data``: deterministic, valid, multilingual demo data, written in bulk."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from pghistory.models import Events

from committee.bilateral import Visibility
from committee.demo import data as demo
from committee.fulltext import search_query
from committee.meetings.models import Meeting
from committee.people.models import Person
from committee.recommendations.models import Adoption, ProgressUpdate, Recommendation
from committee.sources.models import Citation
from committee.subcommittees.models import Body
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.server]


def rows(data: demo.Plan) -> dict[str, list[dict[str, object]]]:
    return {name: table.rows for name, table in data.tables.items()}


def test_another_seed_gives_other_data_and_the_same_seed_the_same():
    first, again, other = demo.plan(300, seed=7), demo.plan(300, seed=7), demo.plan(300, seed=8)
    assert rows(first) != rows(other)
    assert rows(first) == rows(again)
    assert first.counts()["recommendations"] == 300


def test_a_scale_below_one_is_refused_with_a_message():
    with pytest.raises(CommandError, match="--scale"):
        call_command("generate_demo_data", "--scale", "0", stdout=StringIO())


@pytest.mark.slow
def test_the_loaded_rows_are_the_planned_rows_and_each_one_valid():
    data = demo.plan(120, seed=3)
    demo.load(data, report=lambda line: None)
    loaded = Recommendation.objects.filter(reference__startswith="DEMO3-")
    planned = {row["reference"]: row["text_ar"] for row in data.tables["recommendations"].rows}
    assert dict(loaded.values_list("reference", "text_ar")) == planned
    for name, table in data.tables.items():
        model = table.model
        assert model._default_manager.count() >= len(table.rows), name
        for record in model._default_manager.all():
            # Choices, lengths, reference form, dates: what a form would have let through.
            record.full_clean(validate_unique=False, validate_constraints=False)
    for citation in Citation.objects.select_related("source"):
        assert citation.source.text[citation.start : citation.end] == citation.quote
        assert citation.record is not None


@pytest.mark.slow
def test_the_data_is_multilingual_with_arabic_spelling_variants_and_a_visibility_mix():
    demo.load(demo.plan(400, seed=4), report=lambda line: None)
    texts = " ".join(Recommendation.objects.values_list("text_ar", flat=True))
    assert "الإرهاب" in texts and "الارهاب" in texts
    assert Recommendation.objects.exclude(text_es="").exists()
    assert Recommendation.objects.exclude(text_fr="").exists()
    levels = dict(
        Recommendation.objects.order_by().values_list("visibility").annotate(n=Count("pk"))
    )
    assert levels[Visibility.PUBLIC] > 0.6 * 400
    assert {Visibility.COMMITTEE, Visibility.MA, Visibility.ES} <= set(levels)
    # The search vectors were computed by PostgreSQL: both spellings find both spellings.
    careful = Recommendation.objects.filter(search_vector=search_query("الإرهاب")).count()
    assert careful == Recommendation.objects.filter(search_vector=search_query("الارهاب")).count()
    assert careful >= texts.count("الإرهاب") + texts.count("الارهاب") - 5


def test_demo_rows_are_not_audited_but_the_audit_triggers_fire_again_afterwards(ma_member):
    demo.load(demo.plan(30, seed=5), report=lambda line: None)
    demo_recommendation = Recommendation.objects.first()
    assert not Events.objects.tracks(demo_recommendation).exists()
    later = f.RecommendationFactory()
    assert Events.objects.tracks(later).filter(pgh_label="insert").exists()


def test_with_audited_every_demo_row_leaves_an_insert_event():
    demo.load(demo.plan(20, seed=6), audited=True, report=lambda line: None)
    assert Events.objects.tracks(Recommendation.objects.first()).filter(pgh_label="insert").exists()


def test_the_same_seed_twice_is_refused_and_writes_nothing():
    call_command("generate_demo_data", "--scale", "20", "--seed", "9", stdout=StringIO())
    count = Recommendation.objects.count()
    with pytest.raises(CommandError, match="already"):
        call_command("generate_demo_data", "--scale", "20", "--seed", "9", stdout=StringIO())
    assert Recommendation.objects.count() == count


@pytest.mark.slow
def test_loading_takes_a_bounded_number_of_queries_whatever_the_scale():
    counts = []
    for seed, scale in ((11, 200), (12, 800)):
        with CaptureQueriesContext(connection) as queries:
            demo.load(demo.plan(scale, seed=seed), report=lambda line: None)
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.slow
def test_the_pages_render_with_demo_data_and_private_records_stay_hidden(client, es_member):
    demo.load(demo.plan(300, seed=2), report=lambda line: None)
    public = Recommendation.objects.public().first()
    meeting = Meeting.objects.public().filter(adoptions__isnull=False).first()
    body = Body.objects.public().first()
    person = Person.objects.public().first()
    pages = [
        "/es/",
        "/ar/",
        "/fr/recommendations/",
        "/es/recommendations/?status=in_progress&theme=training",
        "/ar/recommendations/?q=الارهاب",
        f"/es/recommendations/{public.reference}/",
        f"/ar/meetings/{meeting.pk}/",
        f"/es/bodies/{body.pk}/",
        f"/es/people/{person.pk}/",
        "/ar/search/?q=الأمنية",
        "/data/committee.json",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    moroccan = Recommendation.objects.filter(visibility=Visibility.MA).first()
    assert client.get(f"/es/recommendations/{moroccan.reference}/").status_code == 404
    client.force_login(es_member)
    assert client.get(f"/es/recommendations/{moroccan.reference}/").status_code == 404
    assert moroccan.reference not in client.get("/es/recommendations/?q=DEMO2").text
    assert Adoption.objects.count() >= 300
    assert ProgressUpdate.objects.published().exists()
