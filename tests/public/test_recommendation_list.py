from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from committee.bilateral import Visibility
from tests import factories as f

pytestmark = pytest.mark.django_db


def body_of(response) -> str:
    return b"".join(response.streaming_content).decode()


def test_restricted_recommendations_are_not_listed_for_the_public(client, world):
    f.RecommendationFactory(reference="MA-ONLY-1", visibility=Visibility.MA)
    response = client.get("/es/recommendations/")
    assert "MA-ONLY-1" not in response.text
    assert "SEM2-2014-R01" in response.text


@pytest.mark.parametrize(
    "query",
    [
        "status=bogus",
        "completion=everything",
        "due_after=2014-13-45",
        "due_before=yesterday",
        "year=MMXIV",
        "body=999999",
        "meeting=abc",
        "sort=drop+table",
        "q=" + "x" * 10_000,
        "q=%00%00",
        "status=%00",
        "page=-3",
        "page=99999",
    ],
)
def test_nonsense_filters_give_a_normal_page_with_a_message(client, world, query):
    response = client.get(f"/es/recommendations/?{query}")
    assert response.status_code == 200
    if not query.startswith("page="):
        assert 'class="messages"' in response.text


@pytest.mark.parametrize(
    "q",
    [
        "'; DROP TABLE recommendations_recommendation; --",
        "<script>alert(1)</script>",
        "a | !b & (c",
    ],
)
def test_sql_and_html_in_the_words_are_only_words(client, world, q):
    response = client.get("/es/recommendations/", {"q": q})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_filters_combine(client, world):
    response = client.get(
        "/es/recommendations/", {"status": "in_progress", "body": world["committee"].pk}
    )
    assert "SEM2-2014-R01" in response.text
    assert "SEM2-2014-R02" not in response.text


def test_the_meeting_and_year_filters_follow_adoptions(client, world):
    by_meeting = client.get("/es/recommendations/", {"meeting": world["first"].pk})
    assert "SEM2-2014-R01" in by_meeting.text
    assert "SEM2-2014-R02" not in by_meeting.text
    by_year = client.get("/es/recommendations/", {"year": 2013})
    assert "SEM2-2014-R01" in by_year.text
    assert "SEM2-2014-R02" not in by_year.text


def test_overdue_keeps_open_recommendations_past_their_due_date(client, world):
    response = client.get("/es/recommendations/", {"overdue": "on"})
    assert "SEM2-2014-R01" in response.text
    assert "SEM2-2014-R02" not in response.text


def test_words_find_arabic_spelling_variants_and_rank_first(client, world):
    response = client.get("/ar/recommendations/", {"q": "الاسبانية"})
    assert "SEM2-2014-R01" in response.text
    assert "SEM2-2014-R02" not in response.text


def test_pagination_keeps_the_filters(client, world):
    for _ in range(55):
        f.RecommendationFactory(body=world["committee"], status="adopted")
    response = client.get("/es/recommendations/", {"status": "adopted"})
    assert "status=adopted&amp;page=2" in response.text


def test_the_csv_download_is_exactly_the_filtered_list(client, world):
    f.RecommendationFactory(reference="MA-ONLY-1", visibility=Visibility.MA, status="in_progress")
    response = client.get("/es/recommendations/download.csv", {"status": "in_progress"})
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(body_of(response))))
    assert [row["reference"] for row in rows] == ["SEM2-2014-R01"]
    assert rows[0]["text_ar"].startswith("عقد اجتماعات")


def test_the_json_download_is_exactly_the_filtered_list(client, world):
    response = client.get("/es/recommendations/download.json", {"q": "reuniones"})
    document = json.loads(body_of(response))
    assert list(document) == ["recommendations"]
    assert [item["reference"] for item in document["recommendations"]] == ["SEM2-2014-R01"]


def test_a_member_downloads_what_the_member_sees(client, ma_member, world):
    f.RecommendationFactory(reference="MA-ONLY-1", visibility=Visibility.MA)
    client.force_login(ma_member)
    rows = body_of(client.get("/es/recommendations/download.csv"))
    assert "MA-ONLY-1" in rows


def test_the_list_runs_in_the_same_number_of_queries_for_few_and_many(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10) as few:
        client.get("/es/recommendations/")
    for _ in range(60):
        f.RecommendationFactory(body=f.BodyFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/es/recommendations/")


def test_the_meeting_menu_offers_the_latest_meetings_and_the_chosen_one_only_when_shown(
    client, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from committee.public import recommendation_filters as filters

    monkeypatch.setattr(filters, "MEETINGS_OFFERED", 2)
    meetings = [f.MeetingFactory(start_date=dt.date(2010 + n, 1, 5)) for n in range(4)]
    oldest, latest = meetings[0], meetings[-1]
    page = client.get("/en/recommendations/").text
    menu = page.split('name="meeting"')[1].split("</select>")[0]
    assert f'value="{latest.pk}"' in menu
    assert f'value="{oldest.pk}"' not in menu
    assert menu.count("<option") == 3  # «any» and the two latest
    chosen = client.get(f"/en/recommendations/?meeting={oldest.pk}").text
    assert f'value="{oldest.pk}" selected' in chosen.split('name="meeting"')[1]
    with CaptureQueriesContext(connection) as queries:
        body_of(client.get(reverse("recommendation-list-csv")))
    assert not [q for q in queries.captured_queries if "LIMIT 2" in q["sql"]], "menu built"
