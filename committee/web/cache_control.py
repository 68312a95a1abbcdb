"""Responses for a logged-in user are never stored by browsers or proxies.

See docs/security.md item 2."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers


class PrivateResponsesMiddleware:
    """``Cache-Control: no-store, private`` whenever the response was made for a logged-in user.

    Anonymous pages keep their own caching; every response says it varies with the cookie, so
    a shared cache never serves a member's page to a visitor.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True, max_age=0)
        patch_vary_headers(response, ["Cookie"])
        return response
