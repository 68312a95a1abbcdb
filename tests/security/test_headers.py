"""Headers and cookies every response carries (docs/security.md items 1–3)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests import factories as f
from tests.security.pagechecks import INLINE_HANDLER, SCRIPT, STYLE_ATTRIBUTE

pytestmark = pytest.mark.django_db


def nonce_of(response) -> str:
    match = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    assert match, response["Content-Security-Policy"]
    return match.group(1)


def test_every_html_response_has_a_strict_csp_with_a_fresh_nonce(client, db):
    first, second = client.get("/ar/"), client.get("/ar/")
    policy = first["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert nonce_of(first) != nonce_of(second)


PAGES = [
    "/ar/",
    "/es/meetings/",
    "/es/recommendations/",
    "/fr/search/?q=test",
    "/en/data/",
    "/ar/accounts/login/",
]


@pytest.mark.parametrize("url", PAGES)
def test_scripts_carry_the_nonce_or_come_from_here_and_there_is_no_inline_code(client, db, url):
    f.RecommendationFactory()
    response = client.get(url)
    nonce = nonce_of(response)
    for tag in SCRIPT.findall(response.text):
        assert f'nonce="{nonce}"' in tag or re.search(r'src="/', tag), tag
    assert not INLINE_HANDLER.search(response.text)
    assert not STYLE_ATTRIBUTE.search(response.text)


def test_member_and_admin_pages_have_no_inline_code_either(client, ma_secretariat):
    client.force_login(ma_secretariat)
    for url in (
        "/ar/me/",
        reverse("admin:index"),
        reverse("admin:recommendations_recommendation_changelist"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        nonce = nonce_of(response)
        for tag in SCRIPT.findall(response.text):
            assert f'nonce="{nonce}"' in tag or re.search(r'src="/', tag), (url, tag)
        assert not INLINE_HANDLER.search(response.text), url


def test_the_standard_security_headers_are_set(client, db):
    response = client.get("/es/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_hsts_is_sent_on_secure_requests(client, db):
    response = client.get("/es/", secure=True)
    assert "max-age=31536000" in response["Strict-Transport-Security"]
    assert "includeSubDomains" in response["Strict-Transport-Security"]


def test_authenticated_responses_are_not_stored(client, ma_member):
    client.force_login(ma_member)
    response = client.get("/es/recommendations/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_anonymous_public_pages_may_be_cached_but_vary_with_the_cookie(client, db):
    response = client.get("/es/recommendations/")
    assert "no-store" not in response.get("Cache-Control", "")
    assert "Cookie" in response["Vary"]


def test_cookies_are_secure_http_only_same_site_and_host_prefixed(client, ma_member):
    login = client.get("/es/accounts/login/", secure=True)
    csrf = login.cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax" and csrf["path"] == "/"
    token = csrf.value
    response = client.post(
        "/es/accounts/login/",
        {"login": ma_member.username, "password": "correct horse battery staple"},
        secure=True,
        HTTP_X_CSRFTOKEN=token,
    )
    session = response.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert session["path"] == "/" and not session["domain"]
