from __future__ import annotations

import pytest
from django.contrib.auth.decorators import login_not_required
from django.test import Client
from django.urls import path

from committee.urls import prodcheck_urls
from committee.urls import urlpatterns as project_urls
from committee.web import errors
from tests.processes import manage

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


prodcheck_urlpatterns = [*project_urls, path("prodcheck/error", errors.forced_error)]
PRODCHECK_TOKEN = "t" * 40


def test_the_forced_error_is_routed_only_with_its_token_configured():
    assert prodcheck_urls("") == []
    assert [str(p.pattern) for p in prodcheck_urls(PRODCHECK_TOKEN)] == ["prodcheck/error"]
    assert not any(str(p.pattern) == "prodcheck/error" for p in project_urls)  # not set here


@pytest.mark.urls("tests.web.test_errors_prodcheck")
@pytest.mark.parametrize("offered", [None, "", "wrong-token-" + "x" * 30])
def test_the_forced_error_without_the_token_is_our_404(settings, offered):
    settings.PRODCHECK_TOKEN = PRODCHECK_TOKEN
    headers = {} if offered is None else {"HTTP_X_PRODCHECK_TOKEN": offered}
    response = Client(raise_request_exception=False).get("/prodcheck/error", **headers)
    assert response.status_code == 404
    assert response["X-Request-ID"] in response.text


@pytest.mark.urls("tests.web.test_errors_prodcheck")
def test_the_forced_error_with_the_token_is_our_500_and_nothing_of_the_server(settings):
    settings.PRODCHECK_TOKEN = PRODCHECK_TOKEN
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    response = client.get(
        "/prodcheck/error", HTTP_X_PRODCHECK_TOKEN=PRODCHECK_TOKEN, HTTP_ACCEPT_LANGUAGE="ar"
    )
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in response.text
    assert response["X-Request-ID"] in response.text
    for leak in ("prodcheck: forced error", "ForcedError", "Traceback", PRODCHECK_TOKEN):
        assert leak not in response.text


@pytest.mark.slow
def test_a_short_prodcheck_token_is_refused():
    result = manage("check", env={"DEBUG": "true", "COMMITTEE_PRODCHECK_TOKEN": "1"})
    assert result.returncode == 2
    assert "COMMITTEE_PRODCHECK_TOKEN must be at least 32 characters" in result.stderr
