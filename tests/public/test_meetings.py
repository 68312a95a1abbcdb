from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from committee.bilateral import Visibility
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_committee_meeting_answers_404_to_the_public(client):
    meeting = f.MeetingFactory(visibility=Visibility.COMMITTEE)
    assert client.get(f"/es/meetings/{meeting.pk}/").status_code == 404


def test_a_moroccan_only_meeting_answers_404_to_the_spanish_delegation(client, es_member):
    meeting = f.MeetingFactory(visibility=Visibility.MA)
    client.force_login(es_member)
    assert client.get(f"/es/meetings/{meeting.pk}/").status_code == 404


def test_a_moroccan_member_sees_the_moroccan_only_meeting(client, ma_member):
    meeting = f.MeetingFactory(visibility=Visibility.MA, title_es="Reunión reservada")
    client.force_login(ma_member)
    response = client.get(f"/es/meetings/{meeting.pk}/")
    assert response.status_code == 200
    assert "Reunión reservada" in response.text


def test_the_meeting_page_shows_dates_place_agenda_participants_and_recommendations(client, world):
    response = client.get(f"/es/meetings/{world['seminar'].pk}/")
    assert response.status_code == 200
    page = response.text
    assert "Segundo seminario científico hispano-marroquí" in page
    assert "6–7 de marzo de 2014" in page
    assert "Marrakech" in page
    assert "Bouchaib Rmail" in page
    assert "SEM2-2014-R01" in page
    assert f"/sources/{world['source'].pk}/?record=meeting-{world['seminar'].pk}#c" in page


def test_a_month_precise_meeting_does_not_pretend_to_a_day(client, world):
    response = client.get(f"/en/meetings/{world['first'].pk}/")
    assert "November 2013" in response.text
    assert "1 November 2013" not in response.text


def test_the_meeting_list_is_filtered_and_rejects_a_bad_year_gracefully(client, world):
    response = client.get("/es/meetings/?year=abc&kind=nonsense")
    assert response.status_code == 200
    assert 'class="messages"' in response.text
    good = client.get("/es/meetings/?year=2013")
    assert "Primer seminario" in good.text
    assert "Segundo seminario" not in good.text


def test_a_document_is_served_as_an_attachment_only_to_those_who_may_see_it(
    client, es_member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    public = f.DocumentFactory(original_name="final.pdf", content_type="application/pdf")
    hidden = f.DocumentFactory(
        meeting=public.meeting, visibility=Visibility.MA, file=ContentFile(b"x", name="x.pdf")
    )
    client.force_login(es_member)
    assert client.get(f"/es/meetings/{public.meeting.pk}/documents/{hidden.pk}/").status_code == 404
    response = client.get(f"/es/meetings/{public.meeting.pk}/documents/{public.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    response.close()


def test_a_document_of_another_meeting_is_not_found_under_this_meeting(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = f.DocumentFactory()
    other = f.MeetingFactory()
    assert client.get(f"/es/meetings/{other.pk}/documents/{document.pk}/").status_code == 404
