"""Minutes in the secretariat's admin and on the public pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from committee.bilateral import Visibility
from committee.meetings import services as service
from committee.meetings.models import Minutes, MinutesState
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(db):
    meeting = f.MeetingFactory(title_es="Sesión con acta")
    return f.AgendaItemFactory(meeting=meeting, title_es="Balance de la cooperación")


def approve(changelist_client, minutes):
    return changelist_client.post(
        reverse("admin:meetings_minutes_changelist"),
        {"action": "approve_for_my_delegation", "_selected_action": [minutes.pk]},
        follow=True,
    )


def test_the_secretariat_drafts_minutes_in_the_admin(client, item, ma_secretariat):
    client.force_login(ma_secretariat)
    response = client.post(
        reverse("admin:meetings_minutes_add"),
        {
            "meeting": item.meeting.pk,
            "agenda_item": item.pk,
            "language": "es",
            "text": "Se presentó el balance.",
            "visibility": "committee",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    minutes = Minutes.objects.get()
    assert (minutes.number, minutes.state, minutes.drafted_by) == (1, "draft", ma_secretariat)
    # a second draft of the same item and language is refused with a message, not a crash
    again = client.post(
        reverse("admin:meetings_minutes_add"),
        {
            "meeting": item.meeting.pk,
            "agenda_item": item.pk,
            "language": "es",
            "text": "Otro borrador.",
            "visibility": "committee",
        },
    )
    assert again.status_code == 200
    assert "exists already" in again.text


def test_an_item_of_another_meetings_agenda_is_refused_on_its_field(client, item, ma_secretariat):
    client.force_login(ma_secretariat)
    other = f.MeetingFactory(title_es="Otra sesión")
    response = client.post(
        reverse("admin:meetings_minutes_add"),
        {
            "meeting": other.pk,
            "agenda_item": item.pk,
            "language": "es",
            "text": "Acta.",
            "visibility": "committee",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["agenda_item"] == ["Choose an item of this meeting's agenda."]
    assert not Minutes.objects.exists()


def test_each_secretariat_approves_for_its_own_delegation_only(
    client, item, ma_secretariat, es_secretariat, superuser
):
    draft = service.draft_minutes(
        meeting=item.meeting, agenda_item=item, language="es", text="Acta.", by=ma_secretariat
    )
    client.force_login(ma_secretariat)
    approve(client, draft)
    assert list(draft.approvals.values_list("side", flat=True)) == ["MA"]
    again = approve(client, draft)
    assert "Your delegation has approved this version already." in again.text
    assert draft.approvals.count() == 1
    client.force_login(superuser)  # an operator holds no delegation's key
    refused = approve(client, draft)
    assert "Only a member of a delegation may decide on this." in refused.text
    client.force_login(es_secretariat)
    adopted = approve(client, draft)
    assert "now adopted by both delegations" in adopted.text
    draft.refresh_from_db()
    assert draft.state == MinutesState.ADOPTED
    after = approve(client, draft)
    assert "These minutes are adopted already." in after.text
    assert draft.approvals.count() == 2


def test_editing_adopted_minutes_in_the_admin_makes_a_new_version(
    client, item, ma_secretariat, es_secretariat
):
    draft = service.draft_minutes(
        meeting=item.meeting, agenda_item=item, language="es", text="Acta.", by=ma_secretariat
    )
    service.approve_minutes(minutes=draft, by=ma_secretariat)
    service.approve_minutes(minutes=draft, by=es_secretariat)
    draft.refresh_from_db()
    client.force_login(es_secretariat)
    url = reverse("admin:meetings_minutes_change", args=[draft.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert 'name="meeting"' not in form.text  # what the text is of never changes
    response = client.post(
        url,
        {
            "text": "Acta corregida.",
            "visibility": draft.visibility,
            "seen_version": draft.version,
            "approvals-TOTAL_FORMS": "2",
            "approvals-INITIAL_FORMS": "2",
        },
        follow=True,
    )
    assert response.status_code == 200
    new = Minutes.objects.get(number=2)
    assert new.text == "Acta corregida." and new.state == MinutesState.DRAFT
    assert response.redirect_chain[-1][0].endswith(f"/minutes/{new.pk}/change/")
    assert "both delegations must approve" in response.text
    draft.refresh_from_db()
    assert draft.text == "Acta." and draft.state == MinutesState.ADOPTED


def test_the_other_delegations_private_minutes_are_404_in_the_admin(
    client, ma_secretariat, es_secretariat
):
    private = f.MeetingFactory(visibility=Visibility.MA)
    minutes = service.draft_minutes(
        meeting=private, language="ar", text="محضر داخلي", by=ma_secretariat
    )
    client.force_login(es_secretariat)
    assert (
        client.get(reverse("admin:meetings_minutes_change", args=[minutes.pk])).status_code == 404
    )
    listing = client.get(reverse("admin:meetings_minutes_changelist"))
    assert "محضر داخلي" not in listing.text
    refused = approve(client, minutes)
    assert not minutes.approvals.exists()
    assert refused.status_code == 200


def test_adopted_minutes_appear_under_their_item_and_drafts_do_not(
    client, item, ma_secretariat, es_secretariat
):
    adopted = service.draft_minutes(
        meeting=item.meeting,
        agenda_item=item,
        language="es",
        text="Texto adoptado del acta.",
        by=ma_secretariat,
    )
    service.approve_minutes(minutes=adopted, by=ma_secretariat)
    service.approve_minutes(minutes=adopted, by=es_secretariat)
    service.edit_minutes(minutes=adopted, text="Borrador de la versión 2.", by=ma_secretariat)
    page = client.get(f"/es/meetings/{item.meeting.pk}/").text
    agenda = page.split('id="agenda-heading"')[1].split("</section>")[0]
    assert "Texto adoptado del acta." in agenda
    assert "Acta, versión 1" in agenda
    assert "Borrador de la versión 2." not in page
    history = client.get(f"/es/meetings/{item.meeting.pk}/minutes/").text
    assert "Texto adoptado del acta." in history and "Borrador" not in history
    assert "aprobada el" in history
    client.force_login(es_secretariat)
    secretariat_view = client.get(f"/es/meetings/{item.meeting.pk}/minutes/").text
    assert "Borrador de la versión 2." in secretariat_view
    assert "Ninguna delegación la ha aprobado todavía." in secretariat_view


def test_arabic_minutes_are_marked_right_to_left(client, item, ma_secretariat, es_secretariat):
    minutes = service.draft_minutes(
        meeting=item.meeting, agenda_item=item, language="ar", text="محضر الجلسة", by=ma_secretariat
    )
    service.approve_minutes(minutes=minutes, by=ma_secretariat)
    service.approve_minutes(minutes=minutes, by=es_secretariat)
    page = client.get(f"/fr/meetings/{item.meeting.pk}/").text
    assert 'lang="ar" dir="rtl"><p>محضر الجلسة</p>' in page
