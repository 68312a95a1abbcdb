"""``GET /healthz`` and ``GET /readyz``, for load balancers and container health checks.

``/healthz`` (liveness) asks the database for ``SELECT 1``; ``/readyz`` (readiness) renders the
English home page through the whole middleware stack, in this process, so that whatever breaks
real pages (a missing static-files manifest entry, a template, a query) makes it fail too (it
never answers from a kept copy of the page). Both
are public, so both answer with fixed bodies: the reason of a failure goes to the log (with the
request id), never to the client.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from committee.web.pagecache import BYPASS_PAGE_CACHE

logger = logging.getLogger(__name__)

DATABASE_DOWN = {"status": "error", "database": "unavailable"}
NOT_READY = {"status": "error", "page": "unavailable"}

_handler: BaseHandler | None = None


@login_not_required
@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """``{"status": "ok", "database": "ok"}``, or 503 and a fixed body when the database is down."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("healthz: the database is unavailable: %s", _first_line(error))
        return JsonResponse(DATABASE_DOWN, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


# Not in a transaction: a failing query of the page inside must not break this view's own.
@transaction.non_atomic_requests
@login_not_required
@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """``{"status": "ok", "page": "ok"}`` when the home page renders (200), else 503."""
    with translation.override("en"):
        path = reverse("home")
    try:
        status, body = _render_inside(request, path)
    except Exception:
        logger.exception("readyz: rendering %s raised", path)
        return JsonResponse(NOT_READY, status=503)
    if status != 200 or b"<html" not in body:
        logger.warning("readyz: %s answered %s", path, status)
        return JsonResponse(NOT_READY, status=503)
    return JsonResponse({"status": "ok", "page": "ok"})


def _render_inside(request: HttpRequest, path: str) -> tuple[int, bytes]:
    """GET ``path`` through the middleware and view of this process, as an anonymous visitor
    over HTTPS on the host that asked (already checked against ``ALLOWED_HOSTS``). Without the
    request_started/finished signals of a real request: they would close this request's
    database connection under it."""
    global _handler  # noqa: PLW0603 - built once per process: it loads the middleware
    if _handler is None:
        handler = BaseHandler()
        handler.load_middleware()
        _handler = handler
    host = request.get_host()
    name, _, port = host.partition(":")
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": name,
        "SERVER_PORT": port or "443",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_ACCEPT_LANGUAGE": "en",
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTPS": "on",
        "REMOTE_ADDR": "127.0.0.1",
        BYPASS_PAGE_CACHE: True,  # a kept copy would hide a page that no longer renders
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    response = _handler.get_response(WSGIRequest(environ))
    if not isinstance(response, HttpResponse):  # a streamed answer is not the home page
        return response.status_code, b""
    return response.status_code, response.content


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else type(error).__name__
