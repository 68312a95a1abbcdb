from __future__ import annotations

import pytest

from committee.bilateral import Visibility
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_committee_person_answers_404_to_the_public(client):
    person = f.PersonFactory(visibility=Visibility.COMMITTEE)
    assert client.get(f"/es/people/{person.pk}/").status_code == 404


def test_a_spanish_only_organisation_answers_404_to_the_moroccan_delegation(client, ma_member):
    organization = f.OrganizationFactory(visibility=Visibility.ES)
    client.force_login(ma_member)
    assert client.get(f"/es/organizations/{organization.pk}/").status_code == 404


def test_a_public_person_does_not_reveal_a_restricted_organisation(client):
    hidden = f.OrganizationFactory(name_es="Servicio reservado", visibility=Visibility.MA)
    person = f.PersonFactory(organization=hidden)
    response = client.get(f"/es/people/{person.pk}/")
    assert response.status_code == 200
    assert "Servicio reservado" not in response.text
    assert "Servicio reservado" not in client.get("/es/people/").text


def test_the_person_page_shows_spellings_seats_and_meetings(client, world):
    response = client.get(f"/ar/people/{world['director'].pk}/")
    page = response.text
    assert "بوشعيب ارميل" in page
    assert world["committee"].name_ar in page
    assert "الندوة العلمية المغربية الاسبانية الثانية" in page


def test_the_organisation_page_lists_its_people_and_agreements(client, world):
    response = client.get(f"/ar/organizations/{world['dgsn'].pk}/")
    assert world["director"].name_ar in response.text
    assert world["agreement"].title_ar in response.text
