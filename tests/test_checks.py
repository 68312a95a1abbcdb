"""The project's own system checks fire when a safeguard is removed."""

from __future__ import annotations

import pytest
from django.utils.csp import CSP

from committee import checks
from committee import settings as production


def ids(problems):
    return {problem.id for problem in problems}


def test_the_configuration_passes_every_check(settings):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS  # the suite hashes with MD5
    assert checks.content_security_policy(None) == []
    assert checks.passwords_and_access(None) == []
    assert checks.database_reliability(None) == []


def test_removing_the_csp_middleware_fires(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != checks.CSP_MIDDLEWARE]
    assert "committee.E001" in ids(checks.content_security_policy(None))


@pytest.mark.parametrize("source", [CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL, "*"])
def test_an_unsafe_script_source_fires(settings, source):
    settings.SECURE_CSP = {**settings.SECURE_CSP, "script-src": [CSP.SELF, source]}
    assert "committee.E003" in ids(checks.content_security_policy(None))


def test_a_missing_script_source_fires(settings):
    settings.SECURE_CSP = {
        k: v for k, v in settings.SECURE_CSP.items() if k not in {"script-src", "default-src"}
    }
    assert "committee.E002" in ids(checks.content_security_policy(None))


def test_plugins_allowed_fires(settings):
    settings.SECURE_CSP = {**settings.SECURE_CSP, "object-src": [CSP.SELF]}
    assert "committee.E004" in ids(checks.content_security_policy(None))


def test_framing_allowed_fires(settings):
    settings.SECURE_CSP = {k: v for k, v in settings.SECURE_CSP.items() if k != "frame-ancestors"}
    assert "committee.E005" in ids(checks.content_security_policy(None))


def test_argon2_not_first_fires(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher", checks.ARGON2]
    assert "committee.E010" in ids(checks.passwords_and_access(None))


def test_login_not_required_by_default_fires(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != checks.LOGIN_REQUIRED]
    assert "committee.E011" in ids(checks.passwords_and_access(None))


def test_requests_without_transactions_fire(settings):
    databases = {"default": {**settings.DATABASES["default"], "ATOMIC_REQUESTS": False}}
    assert "committee.E020" in ids(checks.database_problems(databases))


def test_kept_connections_without_health_checks_fire(settings):
    databases = {
        "default": {
            **settings.DATABASES["default"],
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": False,
        }
    }
    assert "committee.E021" in ids(checks.database_problems(databases))
