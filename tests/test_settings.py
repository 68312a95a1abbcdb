"""Production settings refuse to start without secrets and pass Django's deployment checks."""

from __future__ import annotations

import os

import pytest

from tests.processes import database_url, manage

# Every test runs manage.py in another process.
pytestmark = [pytest.mark.slow, pytest.mark.server]

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-like-secret-key-" + "k" * 40,
    "ALLOWED_HOSTS": "committee.example.org",
    "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
}


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", env={**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", env={**PRODUCTION, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_a_debug_value_that_is_not_a_boolean_is_refused():
    result = manage("check", env={**PRODUCTION, "DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


@pytest.mark.django_db
def test_production_settings_pass_the_deployment_checklist():
    # Some model checks ask the server its version: point them at a database that exists.
    env = {**PRODUCTION, "DATABASE_URL": database_url()}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_cache_url_that_is_not_redis_is_refused():
    result = manage("check", env={**PRODUCTION, "CACHE_URL": "memcached://127.0.0.1:11211"})
    assert result.returncode != 0
    assert "CACHE_URL must be a redis://" in result.stderr
    assert "Traceback" not in result.stderr
