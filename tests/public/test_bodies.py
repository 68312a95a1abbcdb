from __future__ import annotations

import pytest

from committee.bilateral import Visibility
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_committee_body_answers_404_to_the_public(client):
    body = f.BodyFactory(visibility=Visibility.COMMITTEE)
    assert client.get(f"/ar/bodies/{body.pk}/").status_code == 404


def test_the_body_list_counts_only_the_recommendations_the_reader_may_see(client, world):
    f.RecommendationFactory(body=world["committee"], visibility=Visibility.MA)
    response = client.get("/es/bodies/")
    assert response.status_code == 200
    row = response.text.split(world["committee"].name_es, 1)[1].split("</tr>", 1)[0]
    assert f'?body={world["committee"].pk}">2</a>' in row


def test_the_body_page_shows_mandate_co_chairs_meetings_and_recommendations(client, world):
    response = client.get(f"/ar/bodies/{world['committee'].pk}/")
    page = response.text
    assert "تتبع التعاون الأمني بين البلدين" in page
    assert world["director"].name_ar in page
    assert "SEM2-2014-R01" in page
    assert "الندوة الأولى" in page
    assert f"/bodies/{world['committee'].pk}/calendar.ics" in page
