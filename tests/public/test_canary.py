"""A restricted record holding a unique string is invisible everywhere to those who may not
see it: every page reachable from the home page, search, snippets, counts, charts, the feed,
the calendars and every download (docs/security.md item 13)."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

from committee.public.opendata import COLLECTIONS
from tests.factories import CANARY
from tests.pages import stable

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"#]+)')
LIMIT = 400
NO_MATCH = "qqnomatchqq"


def content(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def crawl(client: Client, language: str, extra: list[str]) -> dict[str, str]:
    """Every page reachable from the home page (and ``extra``), by address."""
    seen: dict[str, str] = {}
    queue = deque([f"/{language}/", *extra])
    while queue and len(seen) < LIMIT:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code in {200, 302, 404}, (url, response.status_code)
        seen[url] = content(response)
        if response.get("Content-Type", "").startswith("text/html"):
            for href in HREF.findall(seen[url]):
                link = urljoin(url, href.replace("&amp;", "&"))
                parts = urlsplit(link)
                if parts.netloc or "/admin/" in parts.path or "/accounts/" in parts.path:
                    continue
                if parts.path.startswith("/static/") or parts.path.startswith("/i18n/"):
                    continue
                if not (
                    parts.path.startswith(f"/{language}/") or "." in parts.path.rsplit("/", 1)[-1]
                ):
                    continue
                queue.append(link)
    return seen


def machine_endpoints(world, canary) -> list[str]:
    return [
        "/calendar.ics",
        f"/bodies/{world['committee'].pk}/calendar.ics",
        f"/bodies/{canary['body'].pk}/calendar.ics",
        "/feed/",
        "/data/committee.json",
        *[f"/data/{name}.csv" for name in COLLECTIONS],
        "/es/recommendations/download.csv",
        "/es/recommendations/download.json",
        f"/es/recommendations/download.json?q={CANARY}",
        f"/es/search/?q={CANARY}",
        "/es/search/?q=Recomendación",
        "/es/search/?q=توصية",
        f"/es/recommendations/?q={CANARY}",
        f"/es/meetings/{canary['meeting'].pk}/",
        f"/es/recommendations/{canary['recommendation'].reference}/",
        f"/es/bodies/{canary['body'].pk}/",
        f"/es/people/{canary['person'].pk}/",
        f"/es/organizations/{canary['organization'].pk}/",
        f"/es/sources/{canary['source'].pk}/",
    ]


@pytest.mark.parametrize("viewer", ["anonymous", "es_member", "es_secretariat"])
def test_the_canary_appears_nowhere_for_those_who_may_not_see_it(
    client, world, canary, viewer, request
):
    if viewer != "anonymous":
        client.force_login(request.getfixturevalue(viewer))
    pages = crawl(client, "es", machine_endpoints(world, canary))
    assert len(pages) > 30
    leaks = [
        url for url, text in pages.items() if CANARY not in url.lower() and CANARY in text.lower()
    ]
    assert leaks == []
    # Where the reader typed the canary (a search, an address), the page must be exactly the
    # page for words that match nothing: the canary is only echoed back, never found.
    for url, text in pages.items():
        if CANARY in url.lower():
            echoed = stable(text.replace(CANARY, NO_MATCH).replace(CANARY.upper(), NO_MATCH))
            baseline = content(
                client.get(url.replace(CANARY, NO_MATCH).replace(CANARY.upper(), NO_MATCH))
            )
            assert echoed == stable(baseline), url


def test_the_moroccan_delegation_does_find_the_canary(client, world, canary, ma_member):
    """The control: the crawl would see the canary if it leaked."""
    client.force_login(ma_member)
    pages = crawl(client, "es", machine_endpoints(world, canary))
    found = [url for url, text in pages.items() if CANARY in text.lower()]
    assert f"/es/search/?q={CANARY}" in found
    assert f"/es/recommendations/{canary['recommendation'].reference}/" in found
    assert "/es/recommendations/download.csv" in found
