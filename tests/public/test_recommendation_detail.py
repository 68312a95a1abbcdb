from __future__ import annotations

import pytest

from committee.bilateral import Visibility
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_committee_recommendation_answers_404_to_the_public(client):
    recommendation = f.RecommendationFactory(visibility=Visibility.COMMITTEE)
    assert client.get(f"/es/recommendations/{recommendation.reference}/").status_code == 404


def test_a_public_recommendation_of_a_restricted_body_answers_404(client):
    body = f.BodyFactory(visibility=Visibility.ES)
    recommendation = f.RecommendationFactory(body=body)
    assert client.get(f"/es/recommendations/{recommendation.reference}/").status_code == 404


def test_the_page_says_adopted_then_reiterated_with_years(client, world):
    page = client.get("/en/recommendations/SEM2-2014-R01/").text
    adopted = page.index("adopted at <a")
    reiterated = page.index("reiterated at <a")
    assert adopted < reiterated
    facts = page[adopted : page.index("</dd>", reiterated)]
    assert ">2013</a>" not in facts and ">2014</a>" not in facts  # the meetings, not bare years
    assert "November 2013" in facts and "2014" in facts


def test_the_page_shows_the_two_key_history_by_delegation(client, world):
    page = client.get("/en/recommendations/SEM2-2014-R01/").text
    assert "Status history" in page
    assert "Confirmed" in page
    assert "ma_member" not in page  # accounts are never shown, only delegations and people


def test_a_pending_proposal_shows_whose_confirmation_is_awaited(client, world, es_member):
    f.StatusChangeFactory(
        recommendation=world["other"],
        proposed_by=es_member,
        proposed_side="ES",
        to_status="implemented",
        proposed_completion="complete",
    )
    page = client.get("/en/recommendations/SEM2-2014-R02/").text
    assert "awaiting Morocco" in page


def test_the_progress_timeline_shows_published_updates_only(client, world, ma_member):
    f.ProgressUpdateFactory(
        recommendation=world["recommendation"], author=ma_member, narrative_ar="مسودة لم تنشر"
    )
    page = client.get("/ar/recommendations/SEM2-2014-R01/").text
    assert "عقدت اللجنة اجتماعها السنوي" in page
    assert "مسودة لم تنشر" not in page


def test_each_citation_links_to_its_place_in_the_source(client, world):
    page = client.get("/ar/recommendations/SEM2-2014-R01/").text
    record = f"recommendation-{world['recommendation'].pk}"
    assert f"/ar/sources/{world['source'].pk}/?record={record}#c" in page


def test_actions_relations_and_the_members_hook_are_on_the_page(client, world):
    page = client.get("/es/recommendations/SEM2-2014-R01/").text
    assert "تنظيم دورة تكوينية" in page
    assert "SEM2-2014-R02" in page  # reiterates this one


def test_the_detail_page_runs_in_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30) as few:
        client.get("/es/recommendations/SEM2-2014-R01/")
    for _ in range(10):
        f.ProgressUpdateFactory(
            recommendation=world["recommendation"],
            author=world["recommendation"].status_changes.first().proposed_by,
            state="published",
            published_at="2015-01-01T00:00:00Z",
        )
        f.AdoptionFactory(recommendation=world["recommendation"], kind="reiterated")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/es/recommendations/SEM2-2014-R01/")
