"""A restricted record holding a unique string is invisible everywhere to those who may not
see it: every page reachable from the home page, search, snippets, counts, charts, the feed,
the calendars and every download (docs/security.md item 13)."""

from __future__ import annotations

import pytest

from committee.public.opendata import COLLECTIONS
from tests.crawl import content, crawl
from tests.factories import CANARY
from tests.pages import stable

pytestmark = pytest.mark.django_db

NO_MATCH = "qqnomatchqq"


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
