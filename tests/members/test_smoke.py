from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_render(client, ma_seated, rec):
    client.force_login(ma_seated)
    for url in [
        reverse("me"),
        reverse("member-recommendation", args=[rec.reference]),
        reverse("progress-create", args=[rec.reference]),
        reverse("status-propose", args=[rec.reference]),
        reverse("publication-propose", args=["recommendation", rec.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)


def test_account_pages_render(client):
    for url in ["/es/accounts/login/", "/ar/accounts/password/reset/"]:
        response = client.get(url)
        assert response.status_code == 200, url
