"""Our own 400, 403, 404 and 500 pages: in the reader's language, with the request id, and
nothing of the server's inside (no traceback, SQL, setting or path)."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import get_language_bidi
from django.views.decorators.cache import never_cache

from committee.languages import active_language
from committee.web.request_id import request_id_of


def _render(request: HttpRequest, status: int) -> HttpResponse:
    context = {"status": status, "request_id": request_id_of(request)}
    body = loader.render_to_string(f"errors/{status}.html", context, request=request)
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _render(request, 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _render(request, 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _render(request, 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _render(request, 403)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the request's context processors: the database may be what failed."""
    language = active_language()
    context = {
        "status": 500,
        "request_id": request_id_of(request),
        "LANGUAGE_CODE": language,
        "direction": "rtl" if get_language_bidi() else "ltr",
    }
    return HttpResponse(loader.render_to_string("errors/500.html", context), status=500)


#: The header bin/prodcheck sends to ``/prodcheck/error`` with ``COMMITTEE_PRODCHECK_TOKEN``.
PRODCHECK_HEADER = "X-Prodcheck-Token"


class ForcedError(RuntimeError):
    """Raised on purpose by ``forced_error``: its text must never reach the client."""


@login_not_required
@never_cache
def forced_error(request: HttpRequest) -> HttpResponse:
    """Fails on purpose, so that bin/prodcheck can see the 500 page a real server sends.

    Routed only when ``COMMITTEE_PRODCHECK_TOKEN`` is set at start (committee/urls.py), and even
    then it fails only for a request carrying that token in ``X-Prodcheck-Token``; anyone else
    gets the 404 page, as on a server where it is not routed.
    """
    expected = settings.PRODCHECK_TOKEN
    offered = request.headers.get(PRODCHECK_HEADER, "")
    if not expected or not hmac.compare_digest(offered.encode(), expected.encode()):
        raise Http404
    raise ForcedError("prodcheck: forced error; this text must stay in the server's log")
