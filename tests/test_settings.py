"""Production settings refuse to start without secrets and pass Django's deployment checks."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.processes import ROOT, SUITE_ONLY, database_url, manage

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


# --- Uploads in an S3-compatible bucket (S3_BUCKET) ----------------------------------------------

S3 = {"S3_BUCKET": "committee-uploads", "S3_ENDPOINT_URL": "http://127.0.0.1:9000"}


def _storages(env: dict[str, str], *, hide: str = "") -> subprocess.CompletedProcess[str]:
    """The production settings' STORAGES["default"], loaded in a fresh process with ``env``;
    ``hide`` makes a module impossible to import there, as if it were not installed."""
    code = (
        "import sys\n" + (f"sys.modules[{hide!r}] = None\n" if hide else "") + "import django\n"
        "from django.conf import settings\n"
        "django.setup()\n"
        "print(settings.STORAGES['default'])\n"
    )
    inherited = {key: value for key, value in os.environ.items() if key not in SUITE_ONLY}
    inherited = {key: value for key, value in inherited.items() if not key.startswith("S3_")}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**inherited, "DJANGO_SETTINGS_MODULE": "committee.settings", **PRODUCTION, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_without_s3_bucket_uploads_stay_on_the_filesystem():
    result = _storages({})
    assert result.returncode == 0, result.stderr
    assert "FileSystemStorage" in result.stdout
    assert "S3" not in result.stdout


def test_an_s3_bucket_is_private_never_overwritten_and_reached_at_its_endpoint():
    result = _storages({**S3, "S3_PREFIX": "/committee/", "S3_REGION": "eu-west-1"})
    assert result.returncode == 0, result.stderr
    for expected in (
        "'BACKEND': 'storages.backends.s3.S3Storage'",
        "'bucket_name': 'committee-uploads'",
        "'endpoint_url': 'http://127.0.0.1:9000'",
        "'region_name': 'eu-west-1'",
        "'location': 'committee'",
        "'default_acl': None",
        "'querystring_auth': True",
        "'file_overwrite': False",
        "'addressing_style': 'path'",  # S3-compatible stores (MinIO) by default
    ):
        assert expected in result.stdout, expected
    assert "access_key" not in result.stdout  # boto3 finds its own credentials


@pytest.mark.parametrize("missing", ["storages", "boto3"])
def test_an_s3_bucket_without_the_s3_extra_is_refused_naming_it(missing):
    result = _storages(S3, hide=missing)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "S3_BUCKET is set" in result.stderr
    assert "'.[s3]'" in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"S3_BUCKET": "Committee_Uploads"}, "S3_BUCKET must be a bucket name"),
        ({"S3_BUCKET": "s3://committee-uploads"}, "S3_BUCKET must be a bucket name"),
        ({"S3_ENDPOINT_URL": "minio:9000"}, "S3_ENDPOINT_URL must be an http:// or https://"),
        ({"S3_ENDPOINT_URL": "https://"}, "S3_ENDPOINT_URL must be an http:// or https://"),
        ({"S3_ACCESS_KEY_ID": "AKIAEXAMPLE"}, "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go"),
        ({"S3_SECRET_ACCESS_KEY": "hunter2hunter2"}, "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY"),
        ({"S3_ADDRESSING_STYLE": "sideways"}, "S3_ADDRESSING_STYLE must be auto, path or virtual"),
    ],
)
def test_a_malformed_s3_setting_is_refused(env, message):
    result = _storages({**S3, **env})
    assert result.returncode != 0
    assert message in result.stderr
    assert "hunter2" not in result.stderr  # a secret is never echoed


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("LOG_FORMAT", "xml", "LOG_FORMAT must be plain or json"),
        ("METRICS_TOKEN", "short", "METRICS_TOKEN must be at least 32 characters"),
        ("SENTRY_TRACES_SAMPLE_RATE", "lots", "SENTRY_TRACES_SAMPLE_RATE must be a number"),
        ("SENTRY_TRACES_SAMPLE_RATE", "2", "SENTRY_TRACES_SAMPLE_RATE must be between 0 and 1"),
    ],
)
def test_observability_settings_that_make_no_sense_are_refused(variable, value, message):
    env = {**PRODUCTION, variable: value, "SENTRY_DSN": "http://key@127.0.0.1:9/1"}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
