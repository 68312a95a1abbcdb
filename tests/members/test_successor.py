"""A superseded recommendation's successor (security review, issue 14 item 3): it must be visible
to both delegations at the superseded recommendation's level or wider, when proposing and again
when confirming; and wherever a successor is shown, only a reader who may see it sees it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from committee.bilateral import Decision, Visibility
from committee.recommendations import services
from committee.recommendations.models import (
    Recommendation,
    RecommendationRelation,
    Status,
    StatusChange,
)
from committee.write_paths import through_service
from tests import factories as f

pytestmark = pytest.mark.django_db


def _narrow(record, visibility):
    """Someone else narrows the record meanwhile (an operator's write, past the guard)."""
    with through_service("test"):
        type(record).objects.filter(pk=record.pk).update(visibility=visibility)


@pytest.mark.parametrize(
    ("own", "successor_level"),
    [
        (Visibility.COMMITTEE, Visibility.MA),
        (Visibility.PUBLIC, Visibility.COMMITTEE),
        (Visibility.PUBLIC, Visibility.MA),
    ],
)
def test_a_successor_narrower_than_the_superseded_is_refused_when_proposing(
    ma_seated, body, own, successor_level
):
    superseded = f.RecommendationFactory(body=body, visibility=own, status="in_progress")
    successor = f.RecommendationFactory(body=body, visibility=successor_level)
    with pytest.raises(ValidationError) as raised:
        services.propose_status_change(
            recommendation=superseded,
            by=ma_seated,
            to_status="superseded",
            superseded_by=successor,
        )
    assert "superseded_by" in raised.value.error_dict
    assert not StatusChange.objects.exists()


def test_a_successor_whose_body_is_narrower_is_refused(ma_seated, rec):
    private_body = f.BodyFactory(visibility=Visibility.MA)
    successor = f.RecommendationFactory(body=private_body, visibility=Visibility.COMMITTEE)
    with pytest.raises(ValidationError):
        services.propose_status_change(
            recommendation=rec, by=ma_seated, to_status="superseded", superseded_by=successor
        )


@pytest.mark.parametrize("level", [Visibility.COMMITTEE, Visibility.PUBLIC])
def test_a_committee_recommendation_may_be_superseded_by_a_committee_or_public_one(
    ma_seated, es_seated, rec, body, level
):
    successor = f.RecommendationFactory(body=body, visibility=level)
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="superseded", superseded_by=successor
    )
    services.confirm_status_change(change=change, by=es_seated)
    rec.refresh_from_db()
    assert rec.status == Status.SUPERSEDED


def test_confirming_refuses_a_successor_the_decider_cannot_see(ma_seated, es_seated, rec, body):
    successor = f.RecommendationFactory(body=body, visibility=Visibility.COMMITTEE)
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="superseded", superseded_by=successor
    )
    _narrow(successor, Visibility.MA)  # changed after the proposal
    with pytest.raises(ValidationError) as raised:
        services.confirm_status_change(change=change, by=es_seated)
    assert "cannot see" in " ".join(raised.value.messages)
    rec.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS
    assert StatusChange.objects.get(pk=change.pk).decision == Decision.PENDING
    assert not RecommendationRelation.objects.exists()


def test_confirming_refuses_a_successor_narrowed_below_the_superseded(ma_seated, es_seated, body):
    public = f.RecommendationFactory(body=body, visibility=Visibility.PUBLIC, status="in_progress")
    successor = f.RecommendationFactory(body=body, visibility=Visibility.PUBLIC)
    change = services.propose_status_change(
        recommendation=public, by=ma_seated, to_status="superseded", superseded_by=successor
    )
    _narrow(successor, Visibility.COMMITTEE)  # both still see it, the public does not
    with pytest.raises(ValidationError):
        services.confirm_status_change(change=change, by=es_seated)
    public.refresh_from_db()
    assert public.status == Status.IN_PROGRESS
    assert public.status_reason == ""


# --- Where a successor is shown ------------------------------------------------------------------


@pytest.fixture
def hidden_successor(ma_seated, es_seated, body):
    return f.hidden_supersession(body, ma_seated)


def test_the_member_page_shows_a_successor_only_to_who_may_see_it(
    client, ma_seated, es_seated, hidden_successor
):
    superseded, successor, _change = hidden_successor
    url = reverse("member-recommendation", args=[superseded.reference])
    client.force_login(es_seated)
    page = client.get(url).text
    assert successor.reference not in page
    client.force_login(ma_seated)
    assert successor.reference in client.get(url).text


def test_the_decision_page_hides_a_successor_the_decider_cannot_see(
    client, es_seated, hidden_successor
):
    _superseded, successor, change = hidden_successor
    client.force_login(es_seated)
    page = client.get(reverse("status-decide", args=[change.pk]))
    assert page.status_code == 200
    assert successor.reference not in page.text


def test_confirming_through_the_page_a_successor_one_cannot_see_is_refused_with_a_message(
    client, es_seated, hidden_successor
):
    _superseded, successor, change = hidden_successor
    client.force_login(es_seated)
    response = client.post(
        reverse("status-decide", args=[change.pk]), {"action": "confirm"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert "cannot see the recommendation that would supersede" in response.text
    assert successor.reference not in response.text
    assert StatusChange.objects.get(pk=change.pk).decision == Decision.PENDING


def test_the_admin_hides_a_successor_the_secretariat_cannot_see(
    client, es_secretariat, ma_secretariat, hidden_successor
):
    superseded, successor, change = hidden_successor
    # The reason typed in is the admin's to edit; only the link is masked.
    with through_service("test"):
        Recommendation.objects.filter(pk=superseded.pk).update(status_reason="Replaced")
    client.force_login(es_secretariat)
    for url in (
        reverse("admin:recommendations_recommendation_change", args=[superseded.pk]),
        reverse("admin:recommendations_statuschange_change", args=[change.pk]),
        reverse("admin:recommendations_statuschange_changelist"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert successor.reference not in response.text, url
    client.force_login(ma_secretariat)
    page = client.get(reverse("admin:recommendations_recommendation_change", args=[superseded.pk]))
    assert successor.reference in page.text
