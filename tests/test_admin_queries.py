"""The admin's changelists at any size: a fixed number of queries for every role, counts that
estimate past a limit, and related records masked from the page's own query.

A changelist that loads a related record row by row (an N+1) runs more queries with 30 rows
than with 3; each registered model's changelist is asked as an operator and as the secretariat
of each delegation, at both sizes, and must run the same number.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee.admin import lists
from committee.bilateral import Role, Side, Visibility
from committee.meetings.services import draft_minutes
from tests import factories as f

pytestmark = pytest.mark.django_db

RECOMMENDATIONS = "admin:recommendations_recommendation_changelist"
#: The recommendations' changelist stays within this many queries, whatever its filters.
MAX_RECOMMENDATION_QUERIES = 10


def changelist_url(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def queries_of(client, url: str):
    ContentType.objects.clear_cache()  # each request as the first one after a start
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response, len(queries)


def add_rows(sets: int, *, by) -> None:
    """``sets`` times, a record of every model the admin lists, each with its own related
    records (bodies under bodies, a recommendation under another, an organisation under
    another, one of them Moroccan-only), so that loading any of them row by row shows."""
    for n in range(sets):
        body = f.BodyFactory(parent=f.BodyFactory())
        meeting = f.MeetingFactory(body=body)
        recommendation = f.RecommendationFactory(
            body=body, parent=f.RecommendationFactory(body=body)
        )
        update = f.ProgressUpdateFactory(recommendation=recommendation, author=by)
        f.every_other_admin_record(meeting, recommendation, update, by=by)
        draft_minutes(meeting=meeting, language="ar", text=f"محضر الجلسة {n}", by=by)
        private = f.OrganizationFactory(visibility=Visibility.MA, parent=f.OrganizationFactory())
        f.PersonFactory(organization=private)
        f.ActionPlanFactory(body=body, adopted_at=meeting)
        f.ActionFactory(owner=f.OrganizationFactory())
        f.MechanismFactory(agreement=f.AgreementFactory())
        f.UserFactory(side=Side.MA, role=Role.MEMBER)
        f.UserFactory(side=Side.ES, role=Role.MEMBER)


@pytest.fixture
def admins(superuser, ma_secretariat, es_secretariat):
    return {"operator": superuser, "ma": ma_secretariat, "es": es_secretariat}


def changelist_queries(client, admins) -> dict[tuple[str, str], tuple[int, int]]:
    """(model, role) → (queries, rows listed) of every registered changelist."""
    measured = {}
    for role, user in admins.items():
        client.force_login(user)
        for model in admin.site._registry:
            response, count = queries_of(client, changelist_url(model))
            measured[model._meta.label, role] = (count, response.context["cl"].result_count)
    return measured


def test_a_column_does_not_name_a_related_record_the_reader_may_not_see(client, admins):
    hidden = f.OrganizationFactory(acronym="SECRETMA", visibility=Visibility.MA)
    f.PersonFactory(organization=hidden, name_ar="شخص عمومي")
    private_body = f.BodyFactory(visibility=Visibility.MA)
    meeting = f.MeetingFactory(body=private_body, title_ar="اجتماع اللجنة المغربية")
    f.ActionPlanFactory(title_ar="مخطط عمومي", adopted_at=meeting)
    client.force_login(admins["es"])
    people = client.get(reverse("admin:people_person_changelist")).text
    assert "SECRETMA" not in people
    assert "(not shared with you)" in people
    plans = client.get(reverse("admin:recommendations_actionplan_changelist")).text
    assert "مخطط عمومي" in plans
    assert str(meeting) not in plans  # a public meeting of a Moroccan-only body: its chain hides it
    assert "(not shared with you)" in plans

    client.force_login(admins["ma"])
    assert "SECRETMA" in client.get(reverse("admin:people_person_changelist")).text
    assert str(meeting) in client.get(reverse("admin:recommendations_actionplan_changelist")).text


def test_every_changelist_runs_as_many_queries_for_30_rows_as_for_3(client, admins):
    add_rows(3, by=admins["ma"])
    few = changelist_queries(client, admins)
    add_rows(27, by=admins["ma"])
    many = changelist_queries(client, admins)

    assert len(few) == 3 * len(admin.site._registry)
    not_grown = {key for key in few if many[key][1] <= few[key][1]}
    assert not_grown == set()  # else this test would not see an N+1 there
    more_queries = {key: (few[key][0], many[key][0]) for key in few if many[key][0] != few[key][0]}
    assert more_queries == {}


@pytest.mark.parametrize("limit", [lists.EXACT_COUNT_LIMIT, 2], ids=["counted", "estimated"])
@pytest.mark.parametrize("role", ["operator", "ma", "es"])
def test_every_filter_of_the_recommendations_stays_within_ten_queries(
    client, admins, role, limit, monkeypatch
):
    add_rows(3, by=admins["ma"])
    monkeypatch.setattr(lists, "EXACT_COUNT_LIMIT", limit)
    client.force_login(admins[role])
    url = reverse(RECOMMENDATIONS)
    client.get(url)  # the first request after a login renews the session: not the page's cost
    response, unfiltered = queries_of(client, url)
    counts = {"(none)": unfiltered, "search": queries_of(client, f"{url}?q=التعاون")[1]}
    changelist = response.context["cl"]
    assert changelist.paginator.estimated is (limit == 2)  # each way of counting is measured
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            if not choice["selected"]:
                counts[choice["query_string"]] = queries_of(client, url + choice["query_string"])[1]

    assert len(counts) > 2 + 10  # every filter, each with at least one choice, was asked
    assert {name: n for name, n in counts.items() if n > MAX_RECOMMENDATION_QUERIES} == {}


def analyze() -> None:
    """Statistics for the planner, as autovacuum keeps them (here, inside the test's own
    transaction: ANALYZE samples the rows this transaction inserted)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE recommendations_recommendation")
        cursor.execute("ANALYZE subcommittees_body")


@pytest.fixture
def beyond_the_limit(monkeypatch):
    """Twelve public and twelve Moroccan-only recommendations, counted exactly up to 5 only."""
    f.RecommendationFactory.create_batch(12, visibility=Visibility.MA)
    f.RecommendationFactory.create_batch(12)
    analyze()
    monkeypatch.setattr(lists, "EXACT_COUNT_LIMIT", 5)


def test_an_estimated_count_counts_only_what_the_reader_may_see(client, admins, beyond_the_limit):
    client.force_login(admins["es"])
    response = client.get(reverse(RECOMMENDATIONS))
    changelist = response.context["cl"]
    assert changelist.paginator.estimated
    # The Spanish secretariat sees the twelve public ones, not the Moroccan-only ones (24
    # rows), nor the fourth the planner would keep through the visibility subqueries (6).
    assert 9 <= changelist.result_count <= 15
    assert f"about {changelist.result_count} recommendations" in response.text

    client.force_login(admins["operator"])
    operator = client.get(reverse(RECOMMENDATIONS)).context["cl"]
    assert 20 <= operator.result_count <= 28


def test_an_exact_count_below_the_limit_says_no_about(client, admins):
    f.RecommendationFactory.create_batch(3)
    client.force_login(admins["es"])
    response = client.get(reverse(RECOMMENDATIONS))
    assert not response.context["cl"].paginator.estimated
    assert response.context["cl"].result_count == 3
    assert "about 3" not in response.text
    assert "3 recommendations" in response.text


def test_a_page_past_an_estimate_is_served_not_refused(
    client, admins, beyond_the_limit, monkeypatch
):
    from committee.recommendations.admin import RecommendationAdmin

    monkeypatch.setattr(RecommendationAdmin, "list_per_page", 5)
    client.force_login(admins["ma"])
    response = client.get(reverse(RECOMMENDATIONS) + "?p=40")
    assert response.status_code == 200
    assert response.context["cl"].paginator.estimated
    second = client.get(reverse(RECOMMENDATIONS) + "?p=2")
    assert len(second.context["cl"].result_list) == 5
