from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from committee.bilateral import Visibility
from committee.public.opendata import COLLECTIONS
from tests import factories as f

pytestmark = pytest.mark.django_db

DESIGN_KEYS = {
    "meetings",
    "bodies",
    "recommendations",
    "people",
    "organizations",
    "agreements",
    "sources",
}


def served(client, url: str) -> str:
    return b"".join(client.get(url).streaming_content).decode()


def test_restricted_records_are_left_out_of_the_open_data(client, world):
    f.RecommendationFactory(reference="MA-ONLY-1", visibility=Visibility.MA)
    document = served(client, "/data/committee.json")
    assert "MA-ONLY-1" not in document


def test_the_document_has_the_keys_and_item_shape_of_the_design(client, world):
    document = json.loads(served(client, "/data/committee.json"))
    assert set(document) >= DESIGN_KEYS
    meeting = next(m for m in document["meetings"] if m["id"] == world["first"].pk)
    assert meeting["title"] == {"ar": "الندوة الأولى", "es": "Primer seminario", "fr": "", "en": ""}
    assert meeting["start_date"] == "2013-11-01"
    assert meeting["start_precision"] == "month"
    recommendation = next(
        r for r in document["recommendations"] if r["reference"] == "SEM2-2014-R01"
    )
    citation = recommendation["citations"][0]
    assert set(citation) == {"source", "start", "end", "quote"}
    source = next(s for s in document["sources"] if s["id"] == citation["source"])
    assert source["text"][citation["start"] : citation["end"]] == citation["quote"]
    assert {a["kind"] for a in recommendation["adoptions"]} == {"adopted", "reiterated"}


def test_a_related_record_the_audience_may_not_see_appears_as_nothing(client, world):
    hidden = f.OrganizationFactory(visibility=Visibility.MA)
    world["director"].organization = hidden
    world["director"].save()
    document = json.loads(served(client, "/data/committee.json"))
    person = next(p for p in document["people"] if p["id"] == world["director"].pk)
    assert person["organization"] is None


def test_the_command_writes_the_same_document_the_site_serves(client, world):
    out = io.StringIO()
    call_command("export_data", "--format", "json", stdout=out)
    assert out.getvalue() == served(client, "/data/committee.json")


def test_the_command_exports_a_wider_audience_only_when_asked(world):
    f.RecommendationFactory(reference="MA-ONLY-1", visibility=Visibility.MA)
    public, moroccan, spanish = io.StringIO(), io.StringIO(), io.StringIO()
    call_command("export_data", stdout=public)
    call_command("export_data", "--visibility", "ma", stdout=moroccan)
    call_command("export_data", "--visibility", "es", stdout=spanish)
    assert "MA-ONLY-1" not in public.getvalue()
    assert "MA-ONLY-1" in moroccan.getvalue()
    assert "MA-ONLY-1" not in spanish.getvalue()


def test_the_csv_export_writes_one_file_per_collection(world, tmp_path):
    call_command("export_data", "--format", "csv", "--output", str(tmp_path / "out"), verbosity=0)
    files = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert files == sorted(f"{name}.csv" for name in COLLECTIONS)
    with (tmp_path / "out" / "meetings.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"title_ar", "title_es", "start_precision", "citations"} <= set(rows[0])


def test_the_csv_export_refuses_to_guess_where_to_write(world):
    with pytest.raises(CommandError):
        call_command("export_data", "--format", "csv")


def test_each_csv_download_matches_its_header(client, world):
    for name, collection in COLLECTIONS.items():
        rows = list(csv.reader(io.StringIO(served(client, f"/data/{name}.csv"))))
        assert rows[0] == collection.csv_header()
        assert all(len(row) == len(rows[0]) for row in rows)


def test_an_unknown_csv_is_not_found(client):
    assert client.get("/data/passwords.csv").status_code == 404


def test_the_open_data_page_links_every_download(client, world):
    page = client.get("/ar/data/").text
    assert "/data/committee.json" in page
    for name in COLLECTIONS:
        assert f"/data/{name}.csv" in page


def test_the_export_runs_in_the_same_number_of_queries_for_few_and_many(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(60) as few:
        served(client, "/data/committee.json")
    for _ in range(30):
        f.AdoptionFactory(recommendation=f.RecommendationFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        served(client, "/data/committee.json")
