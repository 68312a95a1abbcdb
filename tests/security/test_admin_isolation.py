"""The admin never shows one delegation's private record to the other's secretariat, even when a
shared record links to it — and never loses that link when the shared record is edited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from committee.bilateral import Visibility
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(db):
    secret = f.OrganizationFactory(
        name_es="Unidad reservada", acronym="SECRETA", visibility=Visibility.MA
    )
    person = f.PersonFactory(
        name_es="Persona pública", organization=secret, visibility=Visibility.PUBLIC
    )
    return secret, person


def test_the_other_secretariat_sees_the_shared_record_but_not_its_private_link(
    client, linked, es_secretariat
):
    _secret, person = linked
    client.force_login(es_secretariat)
    listing = client.get(reverse("admin:people_person_changelist")).text
    assert f"/people/person/{person.pk}/change/" in listing
    assert "SECRETA" not in listing and "Unidad reservada" not in listing
    form = client.get(reverse("admin:people_person_change", args=[person.pk])).text
    assert "SECRETA" not in form
    assert 'name="organization"' not in form


def test_saving_the_shared_record_keeps_the_private_link(client, linked, es_secretariat):
    secret, person = linked
    client.force_login(es_secretariat)
    url = reverse("admin:people_person_change", args=[person.pk])
    data = {
        "side": "MA",
        "name_ar": person.name_ar,
        "name_es": "Persona renombrada",
        "name_fr": "",
        "name_en": "",
        "honorific_ar": "",
        "honorific_es": "",
        "honorific_fr": "",
        "honorific_en": "",
        "position_ar": "",
        "position_es": "",
        "position_fr": "",
        "position_en": "",
        "visibility": "public",
        "original_language": "ar",
        "seen_version": person.version,
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "sources-citation-content_type-object_id-TOTAL_FORMS": "0",
        "sources-citation-content_type-object_id-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors if response.context else response
    )
    person.refresh_from_db()
    assert person.name_es == "Persona renombrada"
    assert person.organization == secret


def test_the_owning_secretariat_sees_and_edits_the_link(client, linked, ma_secretariat):
    _secret, person = linked
    client.force_login(ma_secretariat)
    form = client.get(reverse("admin:people_person_change", args=[person.pk])).text
    assert 'name="organization"' in form


def test_view_on_site_refuses_records_one_may_not_see(client, es_secretariat, ma_secretariat):
    from django.contrib.contenttypes.models import ContentType

    hidden = f.RecommendationFactory(reference="MA-ONLY-R1", visibility=Visibility.MA)
    url = reverse(
        "admin:view_on_site", args=[ContentType.objects.get_for_model(hidden).pk, hidden.pk]
    )
    client.force_login(es_secretariat)
    response = client.get(url)
    assert response.status_code == 404
    assert "MA-ONLY" not in response.text
    client.force_login(ma_secretariat)
    assert client.get(url)["Location"].endswith("/recommendations/MA-ONLY-R1/")
