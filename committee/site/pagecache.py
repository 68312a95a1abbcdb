"""Rendered pages and fragments kept, per process, for exactly as long as their data is unchanged.

Every key starts with the data stamp (``committee.site.stamp``), today's date (overdue and
upcoming are relative to it) and the active language. A value is read from the stamp ``S``,
rendered, and kept only if the stamp is still ``S`` afterwards: then no commit landed while it
was rendered, and it shows the data of ``S`` and nothing else. Any committed write changes the
stamp, so every kept copy becomes unreachable at once; nothing is ever invalidated by hand.

Two users:

- ``PublicPageCacheMiddleware`` keeps whole anonymous HTML pages. What differs per request is
  left out or put back: the CSP nonce is kept as a placeholder and a fresh one is written in on
  every hit; a page that set a cookie (a CSRF token), showed a message or said it is private is
  never kept; a request carrying a session or a message cookie is never answered from a copy.
- ``fragment()`` keeps a rendered piece of a member's page (the dashboard), keyed by the user.

The cache is the ``pages`` alias: in-process memory, bounded in entries and entry size, so a
restart (a deploy) starts empty and a flood of distinct URLs only evicts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_max_age
from django.utils.safestring import SafeString, mark_safe

from committee.site import stamp

CACHE = "pages"
#: Bigger pages are rendered every time (a page of 200 rows is about 150 kB).
MAX_ENTRY_BYTES = 256 * 1024
NONCE_PLACEHOLDER = b"\x00csp-nonce\x00"


@dataclass(frozen=True)
class Slot:
    """Where a value for ``parts`` is kept under the stamp read before rendering it."""

    key: str
    stamp: str

    def get(self) -> Any:
        return caches[CACHE].get(self.key)

    def put(self, value: Any) -> bool:
        """Keep ``value`` if no write was committed since the slot was taken; say whether kept."""
        if stamp.current() != self.stamp:
            return False
        caches[CACHE].set(self.key, value)
        return True


def slot(*parts: Hashable) -> Slot | None:
    """The slot for ``parts`` now, or None when nothing may be kept (see ``stamp.current``)."""
    now = stamp.current()
    if now is None:
        return None
    words = [now, timezone.localdate().isoformat(), translation.get_language() or "", *parts]
    digest = hashlib.sha256("\x1f".join(map(str, words)).encode()).hexdigest()
    return Slot(key=f"page:{digest}", stamp=now)


def fragment(parts: tuple[Hashable, ...], render: Callable[[], str]) -> SafeString:
    """``render()`` (HTML), or the copy kept for ``parts`` under today's data and language."""
    here = slot("fragment", *parts)
    if here is None:
        return mark_safe(render())  # noqa: S308 - rendered by a template
    kept = here.get()
    if kept is not None:
        return mark_safe(kept)  # noqa: S308 - rendered by a template
    html = mark_safe(render())  # noqa: S308 - rendered by a template
    if len(html) <= MAX_ENTRY_BYTES:
        here.put(html)
    return html


@dataclass(frozen=True)
class KeptPage:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    nonce: bool  # the body had the nonce, now NONCE_PLACEHOLDER

    def response(self, request: HttpRequest) -> HttpResponse:
        body = self.body
        if self.nonce:
            body = body.replace(NONCE_PLACEHOLDER, str(request._csp_nonce).encode())  # type: ignore[attr-defined]
        response = HttpResponse(body, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        return response


class PublicPageCacheMiddleware:
    """Answers a visitor's GET for a public HTML page from the copy kept for today's data.

    Sits right inside ``ContentSecurityPolicyMiddleware`` (which makes the nonce and the
    header naming it) and after the language is chosen; everything outside it runs on a hit.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._may_answer(request):
            return self.get_response(request)
        here = slot("page", request.scheme, request.get_host(), request.get_full_path())
        if here is None:
            return self.get_response(request)
        kept = here.get()
        if isinstance(kept, KeptPage):
            return kept.response(request)
        response = self.get_response(request)
        page = self._keepable(request, response)
        if page is not None:
            here.put(page)
        return response

    @staticmethod
    def _may_answer(request: HttpRequest) -> bool:
        cookies = request.COOKIES
        return (
            request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in cookies
            and CookieStorage.cookie_name not in cookies
        )

    @staticmethod
    def _keepable(request: HttpRequest, response: HttpResponse) -> KeptPage | None:
        """What of ``response`` may answer the next visitor, or None if it is theirs alone."""
        user = getattr(request, "user", None)
        if (
            response.status_code != 200
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or (user is not None and user.is_authenticated)
            or len(get_messages(request))
            or _private(response)
            or len(response.content) > MAX_ENTRY_BYTES
        ):
            return None
        body = response.content
        nonce = request._csp_nonce  # type: ignore[attr-defined]
        used = bool(nonce)
        if used:
            body = body.replace(str(nonce).encode(), NONCE_PLACEHOLDER)
        headers = tuple((name, value) for name, value in response.items())
        return KeptPage(status=response.status_code, headers=headers, body=body, nonce=used)


def _private(response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    return any(word in control for word in ("private", "no-store", "no-cache")) or (
        get_max_age(response) == 0
    )
