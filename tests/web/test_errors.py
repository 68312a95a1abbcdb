from __future__ import annotations

import pytest
from django.contrib.auth.decorators import login_not_required
from django.test import Client
from django.urls import path

from committee.urls import urlpatterns as project_urls

pytestmark = pytest.mark.django_db


@login_not_required
def explode(request):
    raise RuntimeError("secret-detail SELECT password FROM somewhere")


urlpatterns = [*project_urls, path("explode/", explode)]
handler500 = "committee.web.errors.server_error"
handler404 = "committee.web.errors.page_not_found"


def test_a_missing_page_is_our_404_in_the_readers_language(client):
    response = client.get("/ar/meetings/999999/")
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in response.text
    assert response["X-Request-ID"] in response.text


@pytest.mark.urls("tests.web.test_errors")
def test_a_server_error_shows_a_request_id_and_nothing_of_the_server(settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    response = client.get("/explode/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 500
    body = response.content.decode()
    assert response["X-Request-ID"] in body
    for leak in ("secret-detail", "SELECT", "Traceback", "RuntimeError", "/work/", "SECRET_KEY"):
        assert leak not in body


def test_a_forged_request_id_is_replaced(client):
    response = client.get("/es/", HTTP_X_REQUEST_ID="<script>evil</script>")
    assert response["X-Request-ID"] != "<script>evil</script>"
    assert client.get("/es/", HTTP_X_REQUEST_ID="abcdef123456")["X-Request-ID"] == "abcdef123456"


def test_a_csrf_failure_is_our_403(client):
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post("/es/accounts/login/", {"username": "x"})
    assert response.status_code == 403
    assert "X-Request-ID" in response
    assert response["X-Request-ID"] in response.content.decode()


def test_a_refused_form_post_is_our_403_in_the_readers_language():
    response = Client(enforce_csrf_checks=True).post("/ar/accounts/login/", {"login": "x"})
    assert response.status_code == 403
    assert '<html lang="ar" dir="rtl">' in response.text
    assert response["X-Request-ID"] in response.text
    assert "CSRF" not in response.text  # not Django's debug page


def test_a_bad_request_is_our_400_in_the_readers_language(settings):
    settings.DEBUG = False
    response = Client().get("/es/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert '<html lang="es"' in response.text
    assert response["X-Request-ID"] in response.text
    for leak in ("attacker.example", "ALLOWED_HOSTS", "Traceback"):
        assert leak not in response.text
