"""Crawl what a reader can reach and find the canaries of records they may not see.

One random graph (tests/graphs.py) is built; for each reader the public pages, the members'
pages, the downloads (CSV/JSON of the list, /data/*), the feed and the calendars are fetched,
with the page of every record of the graph and every link those pages lead to (tests/crawl.py),
response headers included (a download's file name travels in one). A leak is a canary of a
record outside the reader's effective visibility (the oracle of tests/graphs.py) found in any of
them. Shared by tests/security/test_leaks.py and benchmarks/leaks.py.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.contrib.admin import site
from django.core.signals import request_finished
from django.db import close_old_connections
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from committee.bilateral import visible_levels
from committee.meetings.models import Meeting
from committee.public.opendata import COLLECTIONS
from committee.recommendations.models import Evidence, ProgressUpdate, Recommendation
from committee.subcommittees.models import Body
from tests.crawl import HREF
from tests.graphs import Graph, build

#: Every role: the public, a member and the secretariat of each delegation.
READERS = ("anonymous", "ma_member", "es_member", "ma_secretariat", "es_secretariat")
#: Pages fetched per reader at most (the crawl stops there).
LIMIT = 250


@dataclass
class Leak:
    reader: str
    url: str
    canary: str


def fixed_urls(graph: Graph, levels: frozenset[str]) -> list[str]:
    """Every surface, and every record of the graph by its own address; the list filtered by
    each meeting (and year) the reader may not see, whose title (or adoptions) must not show,
    and by one they may see."""
    urls = [
        "/en/",
        "/en/recommendations/",
        "/en/recommendations/?sort=-due",
        "/en/recommendations/?status=in_progress",
        "/en/recommendations/download.csv",
        "/en/recommendations/download.json",
        "/en/meetings/",
        "/en/bodies/",
        "/en/data/",
        "/data/committee.json",
        *[f"/data/{name}.csv" for name in COLLECTIONS],
        "/feed/",
        "/calendar.ics",
        "/en/me/",
        *[
            f"/en/search/?q={word}{page}"
            for word in ("recommendation", "meeting", "body", "progress")
            for page in ("", "&page=2")  # several graphs side by side fill more than a page
        ],
    ]
    meetings = [node for node in graph.nodes if isinstance(node.record, Meeting)]
    hidden = [node.record for node in meetings if not graph.visible(node, levels)]
    shown = [node.record for node in meetings if graph.visible(node, levels)]
    filtered = hidden + shown[:1]
    urls += [f"/en/recommendations/?meeting={meeting.pk}" for meeting in filtered]
    years = sorted({meeting.start_date.year for meeting in filtered})
    urls += [f"/en/recommendations/?year={year}" for year in years]
    for node in graph.nodes:
        record = node.record
        if isinstance(record, Recommendation):
            urls += [
                record.get_absolute_url(),
                reverse("member-recommendation", args=[record.reference]),
            ]
        elif isinstance(record, Body):
            urls += [record.get_absolute_url(), reverse("body-calendar", args=[record.pk])]
        elif isinstance(record, Meeting):
            urls += [
                record.get_absolute_url(),
                reverse("meeting-minutes", args=[record.pk]),
                reverse("meeting-report", args=[record.pk]),
            ]
        elif isinstance(record, Evidence):
            urls.append(reverse("evidence-download", args=[record.pk]))
        elif isinstance(record, ProgressUpdate):
            urls.append(reverse("progress-edit", args=[record.pk]))
    return urls


def admin_urls(graph: Graph, rng: random.Random) -> list[str]:
    """The secretariat's surface: each registered model's list (also searched for the
    canaries' common stem), and the change and history pages of one record of each model,
    drawn at random (its form's choices and inlines; the lists already name every record;
    over many graphs the draws reach every kind of record at every level)."""
    by_model: dict[type[Model], list[Model]] = {}
    for node in graph.nodes:
        if type(node.record) in site._registry:
            by_model.setdefault(type(node.record), []).append(node.record)
    urls = []
    for model, records in sorted(by_model.items(), key=lambda item: item[0]._meta.label):
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append(reverse(f"{name}_changelist"))
        if site._registry[model].search_fields:
            urls.append(reverse(f"{name}_changelist") + "?q=zqx")
        record = rng.choice(records)
        urls += [reverse(f"{name}_{view}", args=[record.pk]) for view in ("change", "history")]
    return urls


def _fetch(client: Client, url: str) -> tuple[int, str, str]:
    response = client.get(url)
    headers = " ".join(f"{key}: {value}" for key, value in response.items())
    if response.streaming:
        body = b"".join(response.streaming_content).decode("utf-8", "replace")
    else:
        body = response.content.decode("utf-8", "replace")
    # Closing sends ``request_finished``, which would close the test's database connection.
    request_finished.disconnect(close_old_connections)
    try:
        response.close()  # a download's file
    finally:
        request_finished.connect(close_old_connections)
    return response.status_code, response.get("Content-Type", ""), f"{headers}\n{body}"


def crawl(client: Client, start: list[str], limit: int = LIMIT) -> dict[str, tuple[int, str]]:
    """``start`` and the pages their links lead to, in English, up to ``limit`` pages in all
    (``limit`` no more than ``start``: those pages only)."""
    seen: dict[str, tuple[int, str]] = {}
    queue = deque(start)
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        status, kind, text = _fetch(client, url)
        assert status in {200, 302, 403, 404, 405}, (url, status)
        seen[url] = (status, text)
        if kind.startswith("text/html"):
            for href in HREF.findall(text):
                link = urljoin(url, href.replace("&amp;", "&"))
                parts = urlsplit(link)
                if parts.netloc or any(
                    part in parts.path for part in ("/admin/", "/accounts/", "/static/", "/i18n/")
                ):
                    continue
                if not parts.path.startswith("/en/") or "page=" in parts.query:
                    continue
                queue.append(link)
    return seen


def check_graph(
    seed: int | Sequence[int],
    users: dict[str, Any],
    author: Any,
    tag: str = "l",
    *,
    follow: bool = False,
) -> tuple[int, list[Leak], int]:
    """Build graph ``seed`` and crawl it as every reader: (graphs×readers checked, leaks,
    canaries of visible records found — a crawl that finds none proves nothing).

    Several seeds build as many graphs side by side (disjoint: no record of one links to
    another's), so the lists, downloads, feeds and searches are fetched once for all of them,
    each record's own pages once per record, and the admin's pages of one record per model.
    """
    seeds = [seed] if isinstance(seed, int) else list(seed)
    graphs = [build(random.Random(s), f"{tag}{i}", author) for i, s in enumerate(seeds)]
    graph = Graph([node for each in graphs for node in each.nodes])
    canaries = graph.canaries()
    leaks: list[Leak] = []
    found_visible = 0
    for reader in READERS:
        user = users[reader]
        client = Client()
        if user is not None:
            client.force_login(user)
        levels = visible_levels(user)
        start = fixed_urls(graph, levels)
        if user is not None and user.is_staff:
            start += admin_urls(graph, random.Random(f"{seeds}{reader}"))
        pages = crawl(client, start, LIMIT if follow else len(set(start)))
        hidden = {c for c, node in canaries.items() if not graph.visible(node, levels)}
        shown: set[str] = set()
        for url, (status, text) in pages.items():
            lowered, address = text.lower(), url.lower()
            for canary in canaries:
                if canary in address:
                    # The record's own page echoes its address (the alternates, a 404's path):
                    # it must simply not answer when the record is hidden.
                    if canary in hidden and status == 200:
                        leaks.append(Leak(reader, url, canary))
                    continue
                if canary in lowered:
                    if canary in hidden:
                        leaks.append(Leak(reader, url, canary))
                    else:
                        shown.add(canary)
        found_visible += len(shown)
    return len(READERS) * len(seeds), leaks, found_visible
