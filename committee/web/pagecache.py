"""Rendered pages kept, per process, for exactly as long as the data they show is unchanged.

Every key starts with the data stamp (``committee.web.stamp``), today's date (overdue and
upcoming are relative to it) and the active language. A page is read under the stamp ``S``,
rendered, and kept only if the stamp is still ``S`` afterwards: then no commit landed while it
was rendered, and it shows the data of ``S`` and nothing else. Any committed write changes the
stamp, so every kept page becomes unreachable at once; nothing is ever invalidated by hand.

What differs per response is put back on every answer from a kept page: the CSP nonce and the
CSRF token are kept as placeholders and this response's are written in. A page that showed a
message, set a cookie or said it is private is not kept.

Two users:

- ``PublicPageCacheMiddleware`` keeps visitors' pages, whole: only for GETs carrying neither a
  session nor a message cookie, so a member is never answered with a visitor's page and a
  visitor never with a member's.
- ``member_page()`` keeps one member's own page (the dashboard), keyed by the user; it runs
  inside the view, after every access check of the middleware and of the view itself.

The cache is the ``pages`` alias: by default in-process memory, bounded in entries and entry
size, so a restart (a deploy) starts empty and a flood of distinct URLs only evicts; with
``CACHE_URL``, Redis shared by every process (bound its memory with ``maxmemory`` and an LRU
policy). The key's stamp comes from the database, so a write through any process makes every
process's kept pages unreachable at once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation
from django.utils.cache import get_max_age
from django.utils.crypto import salted_hmac

from committee.web import stamp

CACHE = "pages"
#: Bigger pages are rendered every time (a page of 200 rows is about 150 kB).
MAX_ENTRY_BYTES = 256 * 1024


def _placeholder(name: str) -> bytes:
    """The same in every process that shares the cache and the secret key (a page kept by one
    is answered by another), and unknown outside: a page that echoes what a visitor typed
    cannot carry a placeholder that a hit would turn into this response's nonce or token."""
    digest = salted_hmac("committee.web.pagecache", name, algorithm="sha256").hexdigest()
    return f"\x00{name}-{digest[:32]}\x00".encode()


NONCE_PLACEHOLDER = _placeholder("nonce")
TOKEN_PLACEHOLDER = _placeholder("token")
CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


@dataclass(frozen=True)
class Slot:
    """Where a page for ``parts`` is kept under the stamp read before rendering it."""

    key: str
    stamp: str

    def get(self) -> Any:
        return caches[CACHE].get(self.key)

    def put(self, value: Any) -> None:
        """Keep ``value`` if no write was committed since the slot was taken."""
        if stamp.current() == self.stamp:
            caches[CACHE].set(self.key, value)


def slot(*parts: Hashable) -> Slot | None:
    """The slot for ``parts`` now, or None when nothing may be kept (see ``stamp.current``).

    None as well when the database does not answer: the view then renders and says so itself
    (``/healthz`` answers 503, not a 500 from here).
    """
    try:
        now = stamp.current()
    except DatabaseError:
        return None
    if now is None:
        return None
    words = [now, timezone.localdate().isoformat(), translation.get_language() or "", *parts]
    digest = hashlib.sha256("\x1f".join(map(str, words)).encode()).hexdigest()
    return Slot(key=f"page:{digest}", stamp=now)


@dataclass(frozen=True)
class KeptPage:
    """A rendered 200 response without what belongs to the request it was rendered for."""

    headers: tuple[tuple[str, str], ...]
    body: bytes
    nonce: bool  # the body had the CSP nonce, now NONCE_PLACEHOLDER
    token: bool  # the body had a CSRF token, now TOKEN_PLACEHOLDER

    @classmethod
    def of(cls, request: HttpRequest, response: HttpResponse) -> KeptPage | None:
        """What of ``response`` may answer another request, or None if it is this one's alone."""
        if (
            response.status_code != 200
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or response.cookies
            or len(get_messages(request))
            or _private(response)
            or len(response.content) > MAX_ENTRY_BYTES
        ):
            return None
        body = response.content
        nonce = request._csp_nonce  # type: ignore[attr-defined]
        if nonce:
            body = body.replace(str(nonce).encode(), NONCE_PLACEHOLDER)
        tokens = set(CSRF_TOKEN.findall(body))
        if len(tokens) > 1:
            return None  # one render has one token; two would be a template this can't follow
        for token in tokens:
            body = body.replace(token, TOKEN_PLACEHOLDER)
        return cls(
            headers=tuple(response.items()),
            body=body,
            nonce=bool(nonce),
            token=bool(tokens),
        )

    def response(self, request: HttpRequest) -> HttpResponse:
        body = self.body
        if self.nonce:
            body = body.replace(NONCE_PLACEHOLDER, str(request._csp_nonce).encode())  # type: ignore[attr-defined]
        if self.token:
            body = body.replace(TOKEN_PLACEHOLDER, get_token(request).encode())
        response = HttpResponse(body)
        for name, value in self.headers:
            response.headers[name] = value
        return response


def _answer(
    here: Slot,
    request: HttpRequest,
    render: Callable[[], HttpResponse],
    *,
    keep: Callable[[HttpRequest], bool] = lambda request: True,
) -> HttpResponse:
    """The page kept in ``here``, or ``render()`` kept there if ``keep`` and ``KeptPage`` agree."""
    kept = here.get()
    if isinstance(kept, KeptPage):
        return kept.response(request)
    response = render()
    page = KeptPage.of(request, response) if keep(request) else None
    if page is not None:
        here.put(page)
    return response


def member_page(
    request: HttpRequest, parts: tuple[Hashable, ...], render: Callable[[], HttpResponse]
) -> HttpResponse:
    """``render()``, or the page kept for this user, address and ``parts``, on today's data.

    For a view's GET once it has checked who may see what: the key holds the user, so a page
    only ever answers the member it was rendered for. A request with messages waiting is
    rendered, so that they show.
    """
    if request.method != "GET" or len(get_messages(request)):
        return render()
    user: Any = request.user
    # The path, not the query: a view kept this way shows the same whatever the query says,
    # and one member must not fill the cache with ?x=1, ?x=2…
    here = slot("member", user.pk, request.path, *parts)
    if here is None:
        return render()
    return _answer(here, request, render, keep=_user_as_loaded)


def _user_as_loaded(request: HttpRequest) -> bool:
    """Whether the user's row, read now, is the one this request's checks and page used.

    The user was loaded before the stamp was read: a change committed in between (a role, a
    side, a deactivation) is in the stamp but not in that object, and the page rendered from it
    must not be kept under the stamp.
    """
    user: Any = request.user
    fields = [field.attname for field in user._meta.concrete_fields]
    now = user._meta.model._default_manager.filter(pk=user.pk).values(*fields).first()
    return bool(now == {name: getattr(user, name) for name in fields})


#: Set in ``request.META`` by /readyz for its inner request: render, never answer from a copy.
BYPASS_PAGE_CACHE = "committee.bypass_page_cache"


class PublicPageCacheMiddleware:
    """Answers a visitor's GET for a public page from the copy kept for today's data.

    Sits right inside ``ContentSecurityPolicyMiddleware`` (which makes the nonce and the
    header naming it) and after the language is chosen; everything outside it runs on a hit.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        cookies = request.COOKIES
        if (
            request.method != "GET"
            or settings.SESSION_COOKIE_NAME in cookies
            or CookieStorage.cookie_name in cookies
            # Pages live under a language prefix; /healthz, exports, feeds and iCal don't.
            or translation.get_language_from_path(request.path_info) is None
            or request.META.get(BYPASS_PAGE_CACHE)
        ):
            return self.get_response(request)
        here = slot("page", request.scheme, request.get_host(), request.get_full_path())
        if here is None:
            return self.get_response(request)
        return _answer(here, request, lambda: self.get_response(request), keep=self._anyones)

    @staticmethod
    def _anyones(request: HttpRequest) -> bool:
        """Whether the page was made for no one in particular: no user, no CSRF token."""
        user = getattr(request, "user", None)
        authenticated = user is not None and user.is_authenticated
        return not authenticated and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")


def _private(response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    return any(word in control for word in ("private", "no-store", "no-cache")) or (
        get_max_age(response) == 0
    )
