"""The requests of bin/prodcheck, against a server it started (see there).

Reads PRODCHECK_BASE (``http://127.0.0.1:PORT``), PRODCHECK_TOKEN (the forced error's token),
PRODCHECK_STATIC (STATIC_ROOT, for the manifest) and PRODCHECK_SERVER_PID (to notice a server
that died while starting). Prints one line per check; exits 1 naming every failure.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE = os.environ["PRODCHECK_BASE"]
TOKEN = os.environ["PRODCHECK_TOKEN"]
STATIC_ROOT = Path(os.environ["PRODCHECK_STATIC"])
SERVER_PID = int(os.environ["PRODCHECK_SERVER_PID"])
LANGUAGES = ("ar", "es", "fr", "en")
PAGES = (
    "",
    "recommendations/",
    "meetings/",
    "bodies/",
    "people/",
    "agreements/",
    "search/?q=police",
    "data/",
    "accounts/login/",
)
LEAKS = ("Traceback", "ForcedError", "prodcheck: forced error", "/app/", "SECRET_KEY")
failures: list[str] = []
passed: list[str] = []


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(path: str, **headers: str) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(BASE + path, headers=headers)  # noqa: S310 - http://127.0.0.1 only
    try:
        with OPENER.open(request, timeout=60) as response:
            status, head, raw = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, head, raw = error.code, dict(error.headers), error.read()
    return status, head, raw.decode("utf-8", errors="replace")


def check(condition: bool, what: str) -> bool:
    print(("ok    " if condition else "FAIL  ") + what)
    (passed if condition else failures).append(what)
    return condition


def wait_for_the_server() -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            os.kill(SERVER_PID, 0)
        except ProcessLookupError:
            sys.exit("the server exited while starting (its log is above)")
        try:
            if fetch("/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(1)
    sys.exit("the server did not answer /healthz within 180 seconds")


def in_language(body: str, language: str) -> bool:
    return f'<html lang="{language}"' in body


def our_error_page(body: str, headers: dict[str, str], language: str) -> bool:
    """Our own error page: in the language asked for, showing the response's request id."""
    request_id = headers.get("X-Request-ID", "")
    return in_language(body, language) and bool(request_id) and request_id in body


def first_link(language: str, listing: str, pattern: str) -> str | None:
    status, _, body = fetch(f"/{language}/{listing}")
    match = re.search(pattern, body) if status == 200 else None
    return match.group(0) if match else None


def main() -> None:
    wait_for_the_server()
    for path in ("/healthz", "/readyz"):
        status, _, body = fetch(path)
        check(status == 200 and '"ok"' in body, f"{path} answers 200")
    manifest = json.loads((STATIC_ROOT / "staticfiles.json").read_text())["paths"]
    css = "/static/" + manifest["committee/site.css"]
    for language in LANGUAGES:
        for page in PAGES:
            path = f"/{language}/{page}"
            status, headers, body = fetch(path)
            check(
                status == 200 and in_language(body, language) and css in body,
                f"{path} answers 200, in {language}, with the hashed stylesheet",
            )
        for listing, pattern in (
            ("recommendations/", rf"/{language}/recommendations/[A-Z][A-Za-z0-9.-]*/"),
            ("meetings/", rf"/{language}/meetings/\d+/"),
        ):
            detail = first_link(language, listing, pattern)
            if check(detail is not None, f"/{language}/{listing} links to a record's page"):
                status, headers, body = fetch(str(detail))
                check(
                    status == 200 and in_language(body, language) and css in body,
                    f"{detail} answers 200",
                )
    status, headers, body = fetch(css)
    check(
        status == 200
        and headers.get("Content-Type", "").startswith("text/css")
        and "immutable" in headers.get("Cache-Control", ""),
        f"{css} (hashed name from the manifest) is served, immutable",
    )
    for language in LANGUAGES:
        status, headers, body = fetch(f"/{language}/no-such-page/")
        check(
            status == 404 and our_error_page(body, headers, language) and css in body,
            f"/{language}/no-such-page/ is our own 404 page",
        )
    status, headers, body = fetch("/prodcheck/error", **{"Accept-Language": "fr"})
    check(status == 404, "/prodcheck/error without its token is a 404")
    status, headers, body = fetch(
        "/prodcheck/error", **{"Accept-Language": "fr", "X-Prodcheck-Token": TOKEN}
    )
    check(
        status == 500
        and our_error_page(body, headers, "fr")
        and not any(leak in body for leak in LEAKS),
        "a forced error is our own 500 page, in French, with nothing of the server",
    )
    if failures:
        print(f"\n{len(failures)} check(s) failed:", *failures, sep="\n  ", file=sys.stderr)
        sys.exit(1)
    print(f"\nall {len(passed)} checks passed")


if __name__ == "__main__":
    main()
