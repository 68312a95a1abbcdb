"""The two-key decision pages never answer 500 (security review, issue 14 item 9): a proposal
decided or withdrawn already, or decided by someone else between the page and the POST, answers
409; a POST that is none of the page's forms answers 400; both with a message in the reader's
language."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from committee.bilateral import Decision, Visibility
from committee.recommendations import services
from committee.recommendations.models import PublicationRequest, Recommendation, StatusChange

pytestmark = pytest.mark.django_db

DECIDED = "This proposal was decided before your decision reached us"
MALFORMED = "Choose to confirm or to reject, with a reason."


def translated(message: str, language: str) -> str:
    with translation.override(language):
        text = gettext(message)
    assert text != message or language == "en", f"{message!r} is not translated to {language}"
    return text


def post(client, url: str, language: str, data: dict[str, Any]):
    """POST to ``url`` (reversed in whatever language is active) under ``language``."""
    return client.post(re.sub(r"^/[a-z]{2}/", f"/{language}/", url), data)


@pytest.fixture
def change(ma_seated, rec):
    return services.propose_status_change(recommendation=rec, by=ma_seated, to_status="implemented")


@pytest.fixture
def publication(ma_seated, rec):
    return services.propose_publication(record=rec, by=ma_seated)


def status_url(change: StatusChange) -> str:
    return reverse("status-decide", args=[change.pk])


def publication_url(publication: PublicationRequest) -> str:
    return reverse("publication-decide", args=[publication.pk])


# --- 409: decided already ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "es", "ar"])
@pytest.mark.parametrize("second", ["confirm", "reject"])
def test_deciding_a_status_change_twice_answers_409(
    client, es_seated, change, rec, language, second
):
    client.force_login(es_seated)
    assert post(client, status_url(change), language, {"action": "confirm"}).status_code == 302
    response = post(client, status_url(change), language, {"action": second, "reason": "No"})
    assert response.status_code == 409
    assert translated(DECIDED, language) in response.text
    assert StatusChange.objects.get(pk=change.pk).decision == Decision.CONFIRMED


@pytest.mark.parametrize("language", ["es", "ar"])
def test_confirming_a_withdrawn_status_change_answers_409(
    client, ma_seated, es_seated, change, rec, language
):
    client.force_login(ma_seated)
    assert post(client, status_url(change), language, {"action": "withdraw"}).status_code == 302
    again = post(client, status_url(change), language, {"action": "withdraw"})
    assert again.status_code == 409
    client.force_login(es_seated)
    response = post(client, status_url(change), language, {"action": "confirm"})
    assert response.status_code == 409
    assert translated(DECIDED, language) in response.text
    rec.refresh_from_db()
    assert rec.status == "in_progress"


@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_status_change_decided_between_the_page_and_the_post_answers_409(
    client, es_seated, es_co_chair, change, rec, monkeypatch, language
):
    """Two members of the same side confirm at once: the second finds it decided under the
    row lock, after the view had loaded it as pending."""
    client.force_login(es_seated)
    assert client.get(status_url(change)).status_code == 200
    confirm = services.confirm_status_change

    def raced(*, change: StatusChange, by):
        confirm(change=StatusChange.objects.get(pk=change.pk), by=es_co_chair)
        return confirm(change=change, by=by)

    monkeypatch.setattr(services, "confirm_status_change", raced)
    response = post(client, status_url(change), language, {"action": "confirm"})
    assert response.status_code == 409
    assert translated(DECIDED, language) in response.text
    decided = StatusChange.objects.get(pk=change.pk)
    assert decided.decided_by == es_co_chair


@pytest.mark.parametrize("language", ["es", "ar"])
@pytest.mark.parametrize("second", ["confirm", "reject"])
def test_deciding_a_publication_request_twice_answers_409(
    client, es_seated, publication, language, second
):
    client.force_login(es_seated)
    url = publication_url(publication)
    assert post(client, url, language, {"action": "confirm"}).status_code == 302
    response = post(client, url, language, {"action": second, "reason": "No"})
    assert response.status_code == 409
    assert translated(DECIDED, language) in response.text
    assert PublicationRequest.objects.get(pk=publication.pk).decision == Decision.CONFIRMED


@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_publication_request_decided_between_the_page_and_the_post_answers_409(
    client, es_seated, es_co_chair, publication, rec, monkeypatch, language
):
    client.force_login(es_seated)
    assert client.get(publication_url(publication)).status_code == 200
    confirm = services.confirm_publication

    def raced(*, request: PublicationRequest, by):
        confirm(request=PublicationRequest.objects.get(pk=request.pk), by=es_co_chair)
        return confirm(request=request, by=by)

    monkeypatch.setattr(services, "confirm_publication", raced)
    response = post(client, publication_url(publication), language, {"action": "confirm"})
    assert response.status_code == 409
    assert translated(DECIDED, language) in response.text
    assert PublicationRequest.objects.get(pk=publication.pk).decided_by == es_co_chair


def test_a_publication_request_may_be_withdrawn_once_then_answers_409(
    client, ma_seated, es_seated, publication, rec
):
    client.force_login(ma_seated)
    url = publication_url(publication)
    assert "withdraw" in client.get(url).text
    assert post(client, url, "es", {"action": "withdraw"}).status_code == 302
    assert PublicationRequest.objects.get(pk=publication.pk).decision == Decision.WITHDRAWN
    assert post(client, url, "es", {"action": "withdraw"}).status_code == 409
    client.force_login(es_seated)
    response = post(client, url, "ar", {"action": "confirm"})
    assert response.status_code == 409
    assert translated(DECIDED, "ar") in response.text
    assert Recommendation.objects.get(pk=rec.pk).visibility == Visibility.COMMITTEE


def test_the_other_side_may_not_withdraw_a_publication_request(client, es_seated, publication):
    client.force_login(es_seated)
    response = post(client, publication_url(publication), "es", {"action": "withdraw"})
    assert response.status_code == 403
    assert PublicationRequest.objects.get(pk=publication.pk).decision == Decision.PENDING


# --- 400: not one of the page's forms ------------------------------------------------------------


MALFORMED_POSTS = [
    {"action": "approve"},
    {"action": ""},
    {},
    {"action": "reject"},  # no reason field at all
    {"action": ["confirm", "reject"]},
]


@pytest.mark.parametrize("data", MALFORMED_POSTS)
@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_malformed_post_on_a_status_change_answers_400(
    client, es_seated, change, rec, data, language
):
    client.force_login(es_seated)
    response = post(client, status_url(change), language, data)
    assert response.status_code == 400
    assert translated(MALFORMED, language) in response.text
    assert StatusChange.objects.get(pk=change.pk).decision == Decision.PENDING


@pytest.mark.parametrize("data", MALFORMED_POSTS)
@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_malformed_post_on_a_publication_request_answers_400(
    client, es_seated, publication, data, language
):
    client.force_login(es_seated)
    response = post(client, publication_url(publication), language, data)
    assert response.status_code == 400
    assert translated(MALFORMED, language) in response.text
    assert PublicationRequest.objects.get(pk=publication.pk).decision == Decision.PENDING


def test_a_malformed_post_on_a_decided_proposal_answers_400_not_500(client, es_seated, change):
    client.force_login(es_seated)
    assert post(client, status_url(change), "en", {"action": "confirm"}).status_code == 302
    assert post(client, status_url(change), "en", {"action": "approve"}).status_code == 400
