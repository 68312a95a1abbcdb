"""A small LibreTranslate server in a thread: the code under test calls it over HTTP."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest


class LibreTranslateServer:
    """Answers ``POST /translate`` as LibreTranslate does; ``mode`` makes it misbehave:
    ``error`` (HTTP 500), ``bad json``, ``no text``, ``slow`` (longer than the timeout);
    ``fail_after`` answers that many requests well, then fails."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.fail_after: int | None = None
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    fields = json.loads(raw)
                else:
                    fields = {k: v[0] for k, v in parse_qs(raw).items()}
                server.requests.append({"path": self.path, **fields})
                mode = server.mode
                if server.fail_after is not None and len(server.requests) > server.fail_after:
                    mode = "error"
                if self.path != "/translate":
                    self.answer(404, {"error": "Not Found"})
                elif mode == "error":
                    self.answer(500, {"error": "Translation engine crashed"})
                elif mode == "bad json":
                    self.answer(200, b"<html>not json</html>")
                elif mode == "no text":
                    self.answer(200, {"detectedLanguage": {}})
                elif mode == "slow":
                    time.sleep(1.5)
                    self.answer(200, {"translatedText": "too late"})
                else:
                    text = f"[{fields['target']}] {fields['q']}"
                    self.answer(200, {"translatedText": text})

            def answer(self, status: int, body: Any) -> None:
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture
def libretranslate(settings) -> Iterator[LibreTranslateServer]:
    server = LibreTranslateServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    settings.TRANSLATION_SERVICE_URL = server.url
    settings.TRANSLATION_SERVICE_KEY = "secret-key"
    settings.TRANSLATION_SERVICE_TIMEOUT = 1
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
    thread.join(5)
