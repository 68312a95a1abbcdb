"""Two web processes, one truth: with ``CACHE_URL`` two gunicorn instances on different ports,
sharing PostgreSQL and Redis, keep pages for each other, see each other's writes at once and
count login failures together.

Needs Redis at 127.0.0.1:6379 (the machines here run one; CI fails without it, a checkout
without Redis skips). Each run uses a key prefix of its own.
"""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from benchmarks.harness import forget_prefix, free_port, redis_error
from committee.bilateral import Side, Visibility
from tests import factories as f
from tests.factories import seated
from tests.processes import database_url

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.server, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/0"
HOST = "localhost"  # in the suite's ALLOWED_HOSTS; the same for both, as behind one proxy
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Instance:
    """One gunicorn serving the test database, and a tiny cookie-keeping HTTP client."""

    port: int
    process: subprocess.Popen[bytes]
    cookies: dict[str, str] = field(default_factory=dict)

    def request(
        self, method: str, path: str, body: str = "", cookies: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], str]:
        jar = {**self.cookies, **(cookies or {})}
        headers = {"Host": HOST}
        if jar:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in jar.items())
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path, body=body.encode(), headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        connection.close()
        return response.status, dict(response.getheaders()), text


def _redis_or_skip() -> None:
    error = redis_error(REDIS)
    if error and os.environ.get("CI"):
        pytest.fail(f"CI runs Redis on 127.0.0.1:6379 and it does not answer: {error}")
    if error:
        pytest.skip("no Redis on 127.0.0.1:6379")


@pytest.fixture
def instances() -> Iterator[tuple[Instance, Instance]]:
    prefix = f"test-{uuid.uuid4().hex[:12]}"
    _redis_or_skip()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url(),
        "CONN_MAX_AGE": "0",
        "CACHE_URL": REDIS,
        "CACHE_KEY_PREFIX": prefix,
    }
    started = []
    for _ in range(2):
        port = free_port()
        command = [sys.executable, "-m", "gunicorn", "committee.wsgi", "--workers", "1"]
        process = subprocess.Popen(
            [*command, "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(Instance(port, process))
    try:
        deadline = time.monotonic() + 60
        for instance in started:
            while True:
                try:
                    if instance.request("GET", "/healthz")[0] == 200:
                        instance.cookies.clear()
                        break
                except OSError:
                    pass
                assert instance.process.poll() is None, "gunicorn exited"
                assert time.monotonic() < deadline, "gunicorn did not answer in 60 s"
                time.sleep(0.2)
        yield started[0], started[1]
    finally:
        for instance in started:
            instance.process.terminate()
            instance.process.wait(timeout=30)
        forget_prefix(REDIS, prefix)


def _change_without_stamp(recommendation, text: str) -> None:
    """Rewrite a row with the triggers off: the data stamp stays, so a kept page stays valid.
    Only a page kept somewhere shows the old words after this."""
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        try:
            cursor.execute(
                f"UPDATE {recommendation._meta.db_table} SET text_en = %s WHERE id = %s",
                [text, recommendation.pk],
            )
        finally:
            cursor.execute("SET session_replication_role = origin")


def test_a_page_kept_by_one_instance_is_answered_by_the_other(instances):
    first, second = instances
    rec = f.RecommendationFactory(
        text_en="Words as first kept", visibility=Visibility.PUBLIC, status="in_progress"
    )
    page = reverse("recommendation-detail", args=[rec.reference])
    assert "Words as first kept" in first.request("GET", page)[2]
    _change_without_stamp(rec, "Words changed behind the stamp")
    status, headers, text = second.request("GET", page)
    # Per-process caches would render the new words here: the second has kept nothing.
    assert status == 200
    assert "Words as first kept" in text
    assert "Words changed behind the stamp" not in text
    # What belongs to this response was written into the other's page: this nonce, no
    # placeholder left.
    nonce = re.search(r"'nonce-([^']+)'", headers["Content-Security-Policy"])
    assert nonce is not None
    assert f'nonce="{nonce.group(1)}"' in text
    assert "\x00" not in text


def test_a_write_through_one_instance_shows_at_once_through_the_other(instances, body):
    first, second = instances
    member = seated("two_instances", Side.MA, body, language="en")
    rec = f.RecommendationFactory(body=body, visibility=Visibility.COMMITTEE, status="in_progress")
    browser = Client()
    browser.force_login(member)
    session = {settings.SESSION_COOKIE_NAME: browser.cookies[settings.SESSION_COOKIE_NAME].value}
    dashboard = reverse("me")
    for _ in range(2):  # the second answer comes from the kept page
        status, _headers, text = second.request("GET", dashboard, cookies=session)
        assert status == 200
        assert "zqx-drafted-through-the-first" not in text

    form = reverse("progress-create", args=[rec.reference])
    status, _headers, text = first.request("GET", form, cookies=session)
    assert status == 200
    token = TOKEN.search(text)
    assert token is not None
    data = {
        "csrfmiddlewaretoken": token.group(1),
        "as_of": timezone.localdate().isoformat(),
        "language": "en",
        "narrative": "zqx-drafted-through-the-first",
        "proposed_completion": "",
        "visibility": "committee",
    }
    status, _headers, _text = first.request("POST", form, urlencode(data), cookies=session)
    assert status == 302, "the draft was not saved"
    status, _headers, text = second.request("GET", dashboard, cookies=session)
    assert status == 200
    assert "zqx-drafted-through-the-first" in text


def _post_form(instance: Instance, path: str, fields: dict[str, str]) -> tuple[int, str]:
    """GET the form at ``path`` for its CSRF token, then POST ``fields`` with it."""
    status, _headers, text = instance.request("GET", path)
    token = TOKEN.search(text)
    assert token is not None, (path, status)
    status, _headers, text = instance.request(
        "POST", path, urlencode({"csrfmiddlewaretoken": token.group(1), **fields})
    )
    return status, text


def test_wrong_second_factor_codes_count_across_both_instances(instances):
    """allauth allows 5 wrong codes for one account's second step (password guessing is
    axes', in the database): three on one instance and two on the other make five, and the
    next is refused on either. With a cache per process neither would reach five."""
    first, second = instances
    user = f.UserFactory(username="two_instances_login")
    status, _text = _post_form(
        first,
        reverse("account_login"),
        {"login": user.username, "password": "correct horse battery staple"},
    )
    assert status == 302
    second.cookies.update(first.cookies)  # one browser, behind one address, two instances
    step = reverse("mfa_authenticate")
    refused = "Too many failed login attempts"
    for attempt, instance in enumerate((first, second, first, second, first)):
        status, text = _post_form(instance, step, {"code": "000000"})
        assert status == 200
        assert refused not in text, f"refused after {attempt} wrong codes"
        first.cookies.update(instance.cookies)
        second.cookies.update(instance.cookies)
    for instance in (second, first):
        status, text = _post_form(instance, step, {"code": "000000"})
        assert refused in text
