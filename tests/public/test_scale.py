"""Pages stay fast as data grows: constant queries, and the list's filters served from indexes."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory

from committee.demo import data as demo
from committee.public.recommendation_filters import RecommendationFilter
from committee.recommendations.models import Recommendation
from tests import factories as f

# builds data at scale (3,000 demo recommendations, and the world grown twelve times)
pytestmark = [pytest.mark.django_db, pytest.mark.slow, pytest.mark.server]

PAGES = [
    "/es/",
    "/es/recommendations/",
    "/es/recommendations/?status=in_progress&theme=training",
    f"/ar/recommendations/?q={quote('الإرهاب')}",
    "/es/recommendations/{reference}/",
    f"/ar/search/?q={quote('الأمنية')}",
    "/es/me/",
    "/data/committee.json",
]


@pytest.mark.parametrize("page", PAGES)
def test_the_main_pages_run_the_same_queries_for_few_and_many_rows(
    client, world, ma_member, page, django_assert_max_num_queries
):
    seat = f.MembershipFactory(body=world["committee"], person=f.PersonFactory(), side="MA")
    member = f.UserFactory(username="seated", side="MA", role="member", person=seat.person)
    client.force_login(member)
    url = page.format(reference=world["recommendation"].reference)
    # One of each listed kind from the start: a page with none would skip their queries.
    f.RecommendationFactory(
        body=world["committee"], status="in_progress", theme="training", text_ar="الإرهاب"
    )

    def fetch() -> None:
        response = client.get(url)
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)

    fetch()  # renews the session: the requests measured below do not
    with django_assert_max_num_queries(60) as few:
        fetch()
    f.grow(world, ma_member, 12)
    for n in range(12):
        f.RecommendationFactory(
            body=world["committee"],
            status="in_progress",
            theme="training",
            visibility="committee",
            text_ar=f"الإرهاب {n}",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        fetch()


# The tests with many rows commit them and are emptied after (transaction=True): rows rolled back
# after an ANALYZE leave the planner believing in thousands of rows that are gone, and the next
# tests of the process (the admin's pages) then get plans made for another table.
SCRATCH = pytest.mark.django_db(transaction=True)


@pytest.fixture
def many():
    """Enough demo recommendations, analysed, for the planner's choice to mean something."""
    demo.load(demo.plan(3000, seed=5), report=lambda line: None)
    with connection.cursor() as cursor:
        # Fresh rows wait in the full-text index's pending list, which the planner shuns.
        cursor.execute("SELECT gin_clean_pending_list('recommendation_search'::regclass)")
        cursor.execute("ANALYZE recommendations_recommendation")
        # 3,000 rows are still few enough to read whole; a committee's years of history are not.
        cursor.execute("SET enable_seqscan = off")
    yield
    with connection.cursor() as cursor:
        cursor.execute("RESET enable_seqscan")


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def disabled_scans_are_counted() -> bool:
    """Since PostgreSQL 17 a disabled scan is counted, not priced at 10^10: the page's plan can
    still be compared when a scan cannot be avoided (the recursive walk of a small table of
    bodies that hides a hidden body's descendants). Before 17 that price swamps every other
    cost, so only the count's plan, which needs no walk, says which index the planner takes."""
    return connection.pg_version >= 170000


def filtered(query: str):
    request = RequestFactory().get("/es/recommendations/")
    request.user = None
    return RecommendationFilter(
        QueryDict(query), queryset=Recommendation.objects.public().for_listing(), request=request
    ).qs


@SCRATCH
def test_the_filtered_list_and_its_count_use_the_status_and_theme_index(many):
    queryset = filtered("status=in_progress&theme=training")
    assert "recommendation_status_theme" in plan(queryset.order_by().values("pk"))
    if disabled_scans_are_counted():
        assert "recommendation_status_theme" in plan(queryset[:20])


@SCRATCH
def test_an_arabic_search_uses_the_full_text_index(many):
    # A selective word, as most are at scale (at 100,000 rows even the commonest is served
    # from the index: see the README's Performance section).
    queryset = filtered(f"q={quote('الطائرات')}")
    assert "recommendation_search" in plan(queryset.order_by().values("pk"))
    if disabled_scans_are_counted():
        assert "recommendation_search" in plan(queryset[:20])
