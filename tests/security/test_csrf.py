"""Every POST needs a CSRF token (docs/security.md item 15): the middleware is on and no view opts out."""

from __future__ import annotations

from django.conf import settings

from tests.security.addresses import every_pattern

#: Views reviewed and allowed to take a POST without a token: none.
REVIEWED_EXEMPT: set[str] = set()


def test_the_csrf_middleware_is_on():
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE


def test_no_view_is_exempt_from_the_csrf_check():
    patterns = every_pattern()
    assert len(patterns) > 100
    exempt = {
        route
        for _name, route, pattern in patterns
        if getattr(pattern.callback, "csrf_exempt", False)
    }
    assert exempt == REVIEWED_EXEMPT
