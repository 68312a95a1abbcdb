from __future__ import annotations

import pytest

from committee.bilateral import Visibility
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_committee_agreement_answers_404_to_the_public(client):
    agreement = f.AgreementFactory(visibility=Visibility.COMMITTEE)
    assert client.get(f"/es/agreements/{agreement.pk}/").status_code == 404


def test_a_mechanism_under_a_restricted_agreement_answers_404(client):
    mechanism = f.MechanismFactory(agreement=f.AgreementFactory(visibility=Visibility.MA))
    assert client.get(f"/es/mechanisms/{mechanism.pk}/").status_code == 404


def test_the_list_shows_agreements_and_mechanisms(client, world):
    response = client.get("/es/agreements/")
    assert world["agreement"].title_ar in response.text
    assert "Comisaría conjunta" in response.text


def test_the_agreement_page_shows_parties_and_linked_recommendations(client, world):
    response = client.get(f"/es/agreements/{world['agreement'].pk}/")
    assert "DGSN" in response.text
    assert "SEM2-2014-R01" in response.text
    assert "abril de 2013" in response.text


def test_the_mechanism_page_shows_its_agreement_and_operators(client, world):
    response = client.get(f"/es/mechanisms/{world['mechanism'].pk}/")
    assert "DGSN" in response.text
    assert f"/agreements/{world['agreement'].pk}/" in response.text
