"""What an operator watches: JSON logs with the request id, /metrics for the operator's scraper
only, errors reported to Sentry without personal data.

The last test starts the server as production does (deploy/serve: gunicorn, two workers) with
``LOG_FORMAT=json``, ``METRICS_TOKEN`` and ``SENTRY_DSN`` pointing at a small HTTP server of its
own that receives what the Sentry client sends.
"""

from __future__ import annotations

import gzip
import http.client
import http.server
import json
import logging
import os
import re
import secrets
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from committee.web import request_id as request_ids
from committee.web.errors import PRODCHECK_HEADER
from committee.web.logs import JsonFormatter
from tests.processes import database_url

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "m" * 40


def _record(name: str, message: str, args: object = None, exc: bool = False) -> logging.LogRecord:
    exc_info = None
    if exc:
        try:
            raise ValueError("the reason")
        except ValueError:
            exc_info = sys.exc_info()
    return logging.LogRecord(name, logging.ERROR, __file__, 1, message, args, exc_info)  # type: ignore[arg-type]


def test_a_json_line_carries_the_request_id_and_the_traceback():
    record = _record("committee.x", "failed on %s", ("a «page»",), exc=True)
    token = request_ids._current.set("abcdef0123456789")
    try:
        request_ids.RequestIdLogFilter().filter(record)
    finally:
        request_ids._current.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "failed on a «page»"
    assert line["level"] == "ERROR"
    assert line["logger"] == "committee.x"
    assert line["request_id"] == "abcdef0123456789"
    assert "ValueError: the reason" in line["exception"]
    assert line["time"].endswith("+00:00")


def test_a_gunicorn_access_line_becomes_fields_without_the_query_string():
    atoms = {
        "m": "GET",
        "U": "/ar/search/",
        "q": "q=secret+words",
        "r": "GET /ar/search/?q=secret+words HTTP/1.1",
        "s": "200",
        "B": 5120,
        "M": 37,
        "h": "10.0.0.9",
        "a": 'curl/8 \\"quoted\\"',
        "{x-request-id}o": "0123456789abcdef",
    }
    line = json.loads(JsonFormatter().format(_record("gunicorn.access", "%(h)s", atoms)))
    assert line["method"] == "GET"
    assert line["path"] == "/ar/search/"
    assert line["status"] == 200
    assert line["bytes"] == 5120
    assert line["duration_ms"] == 37
    assert line["request_id"] == "0123456789abcdef"
    assert line["user_agent"] == 'curl/8 "quoted"'
    assert "secret" not in json.dumps(line)


@pytest.mark.django_db
def test_metrics_are_not_served_when_no_token_is_configured(settings):
    settings.METRICS_TOKEN = ""
    response = Client().get("/metrics", HTTP_AUTHORIZATION="Bearer ")
    assert response.status_code == 404


@pytest.mark.django_db
def test_metrics_answer_only_the_scraper_with_the_token(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.MIDDLEWARE = ["committee.web.metrics.MetricsMiddleware", *settings.MIDDLEWARE]
    client = Client()
    for authorization in ("", f"Bearer {TOKEN[:-1]}", f"Basic {TOKEN}", f"Bearer {TOKEN}x"):
        response = client.get("/metrics", HTTP_AUTHORIZATION=authorization)
        assert response.status_code == 404, authorization
        assert b"committee_http" not in response.content
    with translation.override("en"):
        client.get(reverse("home"))
    client.get("/no/such/page/at/all")
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    text = response.content.decode()
    assert re.search(r'committee_http_requests_total\{[^}]*view="home"', text)
    assert 'view="unresolved"' in text or 'view="-"' in text  # made-up paths share one label
    assert "/no/such/page" not in text


class _Receiver(http.server.ThreadingHTTPServer):
    """Keeps the bodies of the envelopes the Sentry client posts."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _ReceiverHandler)
        self.envelopes: list[str] = []


class _ReceiverHandler(http.server.BaseHTTPRequestHandler):
    server: _Receiver

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            raw = gzip.decompress(raw)
        elif encoding == "deflate":
            raw = zlib.decompress(raw)
        elif encoding == "br":
            import brotli

            raw = brotli.decompress(raw)
        self.server.envelopes.append(raw.decode("utf-8", "replace"))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[_Receiver]:
    server = _Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "localhost", **headers})
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
@pytest.mark.server
@pytest.mark.django_db(transaction=True)
def test_production_logs_json_counts_every_worker_and_reports_errors(receiver, tmp_path):
    port = _free_port()
    prodcheck_token = secrets.token_urlsafe(32)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SENTRY", "METRICS"))},
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url(),
        "CONN_MAX_AGE": "0",
        "PYTHON": sys.executable,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "LOG_FORMAT": "json",
        "METRICS_TOKEN": TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
        "SENTRY_DSN": f"http://publickey@127.0.0.1:{receiver.server_address[1]}/1",
        "COMMITTEE_PRODCHECK_TOKEN": prodcheck_token,
    }
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        server = subprocess.Popen(
            [str(ROOT / "deploy" / "serve")], cwd=ROOT, env=env, stdout=stdout, stderr=stderr
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, err.read_text()
            assert time.monotonic() < deadline, "deploy/serve did not answer in 60 s"
            time.sleep(0.3)

        homes = 8
        for _ in range(homes):
            assert _get(port, "/en/")[0] == 200
        session = "s" * 32
        status, headers, body = _get(
            port,
            "/prodcheck/error?q=private",
            **{PRODCHECK_HEADER: prodcheck_token, "Cookie": f"__Host-sessionid={session}"},
        )
        assert status == 500
        assert "ForcedError" not in body
        failed_id = headers["x-request-id"]

        assert _get(port, "/metrics")[0] == 404
        status, _, metrics = _get(port, "/metrics", Authorization=f"Bearer {TOKEN}")
        assert status == 200
        counted = sum(
            float(value)
            for value in re.findall(
                r'committee_http_requests_total\{[^}]*view="home"[^}]*\} (\S+)', metrics
            )
        )
        assert counted == homes  # whichever worker answered each request

        deadline = time.monotonic() + 15
        while not any("ForcedError" in envelope for envelope in receiver.envelopes):
            assert time.monotonic() < deadline, "no error report reached the Sentry receiver"
            time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)

    report = next(envelope for envelope in receiver.envelopes if "ForcedError" in envelope)
    assert failed_id in report  # tagged with the request id
    for secret in (session, prodcheck_token, "q=private"):
        assert secret not in report
    lines = [line for text in (out.read_text(), err.read_text()) for line in text.splitlines()]
    records = [json.loads(line) for line in lines if line.strip()]  # every line is JSON
    access = [r for r in records if r["logger"] == "gunicorn.access"]
    failed = [r for r in access if r.get("request_id") == failed_id]
    assert failed and failed[0]["status"] == 500 and failed[0]["path"] == "/prodcheck/error"
    assert sum(1 for r in access if r.get("path") == "/en/" and r["status"] == 200) == homes
    logged = [r for r in records if r["request_id"] == failed_id and "exception" in r]
    assert logged and "ForcedError" in logged[0]["exception"]
    assert not any("private" in json.dumps(r) for r in records)
