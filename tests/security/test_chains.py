"""Visibility follows the whole chain (security review, issue 14 items 2 and 7).

A public recommendation is hidden when its body is public but that body's parent is not; a
public progress update, its evidence and its status changes are hidden when the recommendation's
body is; a period check has its own level; the year filter only counts visible meetings.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from committee.bilateral import Side, Visibility
from committee.recommendations.models import Evidence, PeriodCheck, UpdateState
from tests import factories as f
from tests.crawl import content

pytestmark = pytest.mark.django_db

MARK = "zqxchain"


@pytest.fixture
def nested(world, es_member):
    """A public body under a Moroccan-only body, and a public recommendation it owns, adopted
    at a public meeting; the Spanish member sits on the public body."""
    parent = f.BodyFactory(name_es=f"Padre {MARK}", visibility=Visibility.MA)
    child = f.BodyFactory(name_es=f"Hija {MARK}", parent=parent, visibility=Visibility.PUBLIC)
    rec = f.RecommendationFactory(
        reference="NESTED-R1",
        body=child,
        text_es=f"Recomendación {MARK}",
        text_ar=f"توصية {MARK}",
        visibility=Visibility.PUBLIC,
        status="in_progress",
        due_date=dt.date(2030, 1, 1),
    )
    f.AdoptionFactory(recommendation=rec, meeting=world["seminar"])
    person = f.PersonFactory(side=Side.ES)
    es_member.person = person
    es_member.save()
    f.MembershipFactory(body=child, person=person, side=Side.ES)
    return {"parent": parent, "child": child, "rec": rec}


def _pages(world) -> list[str]:
    return [
        "/en/",
        "/en/recommendations/",
        "/en/recommendations/?status=in_progress",
        "/en/recommendations/?sort=-due",
        "/en/recommendations/download.csv",
        "/en/recommendations/download.json",
        "/data/recommendations.csv",
        "/data/committee.json",
        f"/en/search/?q={MARK}",
        "/feed/",
        world["seminar"].get_absolute_url(),
    ]


def _shown(client, urls: list[str], reference: str = "nested-r1") -> list[str]:
    found = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = content(response).lower()
        # A search page echoes its words: there, the reference gives the record away.
        if (MARK in text and MARK not in url) or reference in text:
            found.append(url)
    return found


@pytest.mark.parametrize("reader", ["anonymous", "es_member"])
def test_a_recommendation_under_a_hidden_grandparent_body_is_nowhere(
    client, world, nested, reader, es_member
):
    if reader == "es_member":
        client.force_login(es_member)
    urls = _pages(world) + (["/en/me/"] if reader == "es_member" else [])
    assert _shown(client, urls) == []
    detail = client.get(nested["rec"].get_absolute_url())
    assert detail.status_code == 404


def test_the_moroccan_member_does_see_it(client, world, nested, ma_member):
    """The control: the same pages show it to whoever may see the whole chain."""
    client.force_login(ma_member)
    shown = _shown(client, ["/en/recommendations/", "/en/recommendations/download.csv"])
    assert shown == ["/en/recommendations/", "/en/recommendations/download.csv"]
    assert client.get(nested["rec"].get_absolute_url()).status_code == 200


@pytest.fixture
def in_hidden_body(world, ma_member, settings, tmp_path):
    """A public recommendation of a Moroccan-only body, with a public published update, its
    evidence and a public status change."""
    settings.MEDIA_ROOT = tmp_path
    body = f.BodyFactory(name_es="Reservada", visibility=Visibility.MA)
    rec = f.RecommendationFactory(
        reference="INHIDDEN-R1", body=body, visibility=Visibility.PUBLIC, text_es="Recomendación"
    )
    update = f.ProgressUpdateFactory(
        recommendation=rec,
        author=ma_member,
        state=UpdateState.PUBLISHED,
        published_at=timezone.now(),
        narrative_ar=f"تقدم {MARK}",
        narrative_es=f"Avance {MARK}",
        visibility=Visibility.PUBLIC,
    )
    evidence = Evidence(
        progress_update=update,
        original_name=f"{MARK}.pdf",
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
    )
    evidence.file.save("report.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    evidence.save()
    f.StatusChangeFactory(
        recommendation=rec,
        proposed_by=ma_member,
        reason=f"Motivo {MARK}",
        visibility=Visibility.PUBLIC,
    )
    return {"rec": rec, "update": update, "evidence": evidence}


@pytest.mark.parametrize("reader", ["anonymous", "es_member"])
def test_the_update_of_a_recommendation_in_a_hidden_body_is_not_shown(
    client, world, in_hidden_body, reader, es_member
):
    if reader == "es_member":
        client.force_login(es_member)
    urls = ["/en/", "/feed/", "/data/committee.json"]
    assert _shown(client, urls, reference="inhidden-r1") == []


def test_its_evidence_answers_404_to_the_other_delegation(client, in_hidden_body, es_member):
    client.force_login(es_member)
    url = reverse("evidence-download", args=[in_hidden_body["evidence"].pk])
    assert client.get(url).status_code == 404


def test_its_evidence_downloads_for_the_moroccan_member(client, in_hidden_body, ma_member):
    """The control."""
    client.force_login(ma_member)
    url = reverse("evidence-download", args=[in_hidden_body["evidence"].pk])
    response = client.get(url)
    assert response.status_code == 200
    response.close()


def test_a_moroccan_period_check_note_is_not_shown_on_a_public_recommendation(
    client, world, es_member, ma_member
):
    standing = f.RecommendationFactory(
        reference="STANDING-R1",
        body=world["committee"],
        kind="standing",
        visibility=Visibility.PUBLIC,
    )
    PeriodCheck.objects.create(
        recommendation=standing,
        year=2015,
        met=False,
        meeting=world["seminar"],
        note=f"Nota {MARK}",
        visibility=Visibility.MA,
    )
    page, meeting = standing.get_absolute_url(), world["seminar"].get_absolute_url()
    checked = "Standing recommendations checked"
    assert _shown(client, [page]) == []
    assert checked not in client.get(meeting).text
    client.force_login(es_member)
    assert _shown(client, [page]) == []
    assert checked not in client.get(meeting).text
    client.force_login(ma_member)
    assert _shown(client, [page]) == [page]
    assert checked in client.get(meeting).text


def test_the_year_filter_counts_only_adoptions_at_visible_meetings(
    client, world, es_member, ma_member
):
    hidden = f.MeetingFactory(
        body=world["committee"], start_date=dt.date(2011, 3, 3), visibility=Visibility.MA
    )
    rec = f.RecommendationFactory(
        reference=f"{MARK.upper()}-R9", body=world["committee"], visibility=Visibility.PUBLIC
    )
    f.AdoptionFactory(recommendation=rec, meeting=hidden)
    url = "/en/recommendations/?year=2011"
    assert _shown(client, [url, "/en/recommendations/download.csv?year=2011"]) == []
    client.force_login(es_member)
    assert _shown(client, [url]) == []
    client.force_login(ma_member)
    assert _shown(client, [url]) == [url]


def test_the_admin_does_not_name_a_meeting_hidden_from_the_secretariat(
    client, world, es_secretariat, ma_secretariat
):
    """A public recommendation adopted at a Moroccan-only meeting: its change page (the
    adoptions inline) must not give the meeting's title to the Spanish secretariat."""
    hidden = f.MeetingFactory(
        title_en=f"Closed session {MARK}",
        body=world["committee"],
        start_date=dt.date(2011, 3, 3),
        visibility=Visibility.MA,
    )
    rec = f.RecommendationFactory(body=world["committee"], visibility=Visibility.PUBLIC)
    f.AdoptionFactory(recommendation=rec, meeting=hidden)
    page = reverse("admin:recommendations_recommendation_change", args=[rec.pk])
    client.force_login(es_secretariat)
    response = client.get(page)
    assert response.status_code == 200
    assert MARK not in response.text
    client.force_login(ma_secretariat)
    assert MARK in client.get(page).text
