"""A successor the public may not see never shows on the public surfaces (security review,
issue 14 item 3): the recommendation's page, the list downloads and the open data."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from committee.bilateral import Visibility
from committee.recommendations import services
from tests import factories as f

pytestmark = pytest.mark.django_db

SURFACES = [
    "/data/committee.json",
    "/data/recommendations.csv",
    "/en/recommendations/download.csv",
    "/en/recommendations/download.json",
]


def served(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_the_leak_of_the_finding_cannot_happen(client, ma_seated, es_seated, body):
    """Morocco names its private recommendation as the successor of a public one (for Spain to
    confirm): refused, and the private reference never reaches the public."""
    public = f.RecommendationFactory(body=body, visibility=Visibility.PUBLIC, status="in_progress")
    private = f.RecommendationFactory(reference="HID-2021-R07", body=body, visibility=Visibility.MA)
    with pytest.raises(ValidationError):
        services.propose_status_change(
            recommendation=public, by=ma_seated, to_status="superseded", superseded_by=private
        )
    for url in [reverse("recommendation-detail", args=[public.reference]), *SURFACES]:
        assert private.reference not in served(client, url), url


def test_the_public_page_hides_a_hidden_successor(client, ma_seated, body):
    superseded, successor, _change = f.hidden_supersession(body, ma_seated)
    page = served(client, reverse("recommendation-detail", args=[superseded.reference]))
    assert superseded.reference in page
    assert successor.reference not in page


@pytest.mark.parametrize("url", SURFACES)
def test_downloads_and_open_data_hide_a_hidden_successor(client, ma_seated, body, url):
    superseded, successor, _change = f.hidden_supersession(body, ma_seated)
    document = served(client, url)
    assert superseded.reference in document
    assert successor.reference not in document


def test_export_data_hides_a_successor_from_an_audience_that_may_not_see_it(
    ma_seated, body, tmp_path
):
    superseded, successor, _change = f.hidden_supersession(body, ma_seated)
    for level, shown in [("public", False), ("es", False), ("ma", True)]:
        out = tmp_path / f"{level}.json"
        call_command("export_data", "--visibility", level, "--output", str(out))
        text = out.read_text()
        assert superseded.reference in text
        assert (successor.reference in text) is shown, level


def test_a_visible_successor_is_still_shown(client, ma_seated, es_seated, body):
    superseded = f.RecommendationFactory(
        body=body, visibility=Visibility.PUBLIC, status="in_progress"
    )
    successor = f.RecommendationFactory(
        reference="PUB-2021-R01", body=body, visibility=Visibility.PUBLIC
    )
    change = services.propose_status_change(
        recommendation=superseded, by=ma_seated, to_status="superseded", superseded_by=successor
    )
    services.confirm_status_change(change=change, by=es_seated)
    assert successor.reference in served(
        client, reverse("recommendation-detail", args=[superseded.reference])
    )
    assert successor.reference in served(client, "/data/recommendations.csv")


def test_a_frozen_report_hides_a_hidden_successor_named_in_its_reason(
    client, ma_seated, es_member, body
):
    """The report keeps its own copy of the reason, frozen with it: masked as it is read."""
    from committee.recommendations.services import freeze_report

    superseded, successor, _change = f.hidden_supersession(body, ma_seated)
    meeting = f.MeetingFactory(body=body, visibility=Visibility.PUBLIC, status="held")
    freeze_report(meeting)
    page = reverse("meeting-report", args=[meeting.pk])
    for reader in (None, es_member):
        if reader is not None:
            client.force_login(reader)
        text = served(client, page)
        assert superseded.reference in text
        assert successor.reference not in text
    client.force_login(ma_seated)
    assert successor.reference in served(client, page)
