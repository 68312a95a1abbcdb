"""/healthz says whether the database answers, /readyz whether a real page renders; neither
tells a client why not (docs/security.md)."""

from __future__ import annotations

import pytest
from django.db.utils import OperationalError
from django.test import Client

from committee.web import health

pytestmark = pytest.mark.django_db

SECRET_REASON = 'password authentication failed for user "committee_secret" at db.internal:5432'


class _DeadConnection:
    def cursor(self):
        raise OperationalError(SECRET_REASON)


def test_healthz_with_the_database_down_answers_503_without_the_reason(client, monkeypatch, caplog):
    monkeypatch.setattr(health, "connection", _DeadConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}
    for leak in ("committee_secret", "password", "db.internal", "OperationalError"):
        assert leak not in response.text
    assert "committee_secret" in caplog.text  # the operator finds the reason in the log


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_answers_503_without_the_reason_when_the_home_page_fails(settings, tmp_path, caplog):
    # The production bug of issue 15: manifest storage without a manifest breaks every page.
    settings.STATIC_ROOT = tmp_path
    settings.WHITENOISE_USE_FINDERS = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # The page inside fails as a request; the test client would re-raise what it logs.
    response = Client(raise_request_exception=False).get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "page": "unavailable"}
    for leak in ("manifest", "site.css", "Traceback", "ValueError"):
        assert leak not in response.text
    assert "Missing staticfiles manifest entry" in caplog.text


def test_readyz_answers_200_when_the_home_page_renders(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "page": "ok"}


def test_readyz_answers_503_when_the_database_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError(SECRET_REASON)

    monkeypatch.setattr(health, "_render_inside", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "committee_secret" not in response.text
