"""Every page a visitor reaches by following links from the home page, by address."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

from django.test import Client

HREF = re.compile(r'href="([^"#]+)')
LIMIT = 400


def content(response) -> str:
    """The body of ``response`` as text, streamed or not."""
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
