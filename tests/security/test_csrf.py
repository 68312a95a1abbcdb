"""Every POST needs a CSRF token (SECURITY.md 15): the middleware is on and no view opts out."""

from __future__ import annotations

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

#: Views reviewed and allowed to take a POST without a token: none.
REVIEWED_EXEMPT: set[str] = set()


def every_view():
    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), pattern.callback

    return list(walk(get_resolver().url_patterns, ""))


def test_the_csrf_middleware_is_on():
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE


def test_no_view_is_exempt_from_the_csrf_check():
    views = every_view()
    assert len(views) > 100
    exempt = {route for route, view in views if getattr(view, "csrf_exempt", False)}
    assert exempt == REVIEWED_EXEMPT
