from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "direction"), [("ar", "rtl"), ("es", "ltr"), ("fr", "ltr"), ("en", "ltr")]
)
def test_the_home_page_is_public_and_in_the_right_direction(client, language, direction):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in response.text


def test_the_language_switcher_keeps_the_page(client):
    response = client.get("/es/")
    assert 'href="/ar/"' in response.text
    assert 'href="/fr/"' in response.text
