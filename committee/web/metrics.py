"""``GET /metrics``: request counts and durations for Prometheus, for the operator only.

Off unless ``METRICS_TOKEN`` is set (≥ 32 characters): then the middleware counts every request
(by method, view name and status) and times it, and ``/metrics`` answers a scraper that sends
``Authorization: Bearer <METRICS_TOKEN>``; anyone else gets 404, as when it is off. Labels are
view names, never paths, so a crawler of made-up addresses cannot grow the series.

Gunicorn runs several worker processes: deploy/serve gives them a shared
``PROMETHEUS_MULTIPROC_DIR`` and ``/metrics`` adds up every worker's counts, whichever worker
answers the scrape (prometheus_client's multiprocess mode).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

REQUESTS = Counter(
    "committee_http_requests",
    "Requests answered, by method, view and status code.",
    ["method", "view", "status"],
)
DURATION = Histogram(
    "committee_http_request_duration_seconds",
    "Time from the request entering Django to the response leaving it, by view.",
    ["view"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class MetricsMiddleware:
    """Outermost, so the time includes every other middleware (installed with METRICS_TOKEN)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = self.get_response(request)
        method = request.method if request.method in METHODS else "other"
        view = _view_name(request)
        REQUESTS.labels(method, view, str(response.status_code)).inc()
        DURATION.labels(view).observe(time.perf_counter() - started)
        return response


def _view_name(request: HttpRequest) -> str:
    """The URL pattern's name; a page answered from its kept copy never reached URL resolution,
    so its path is resolved here (in the language of its prefix)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            with translation.override(translation.get_language_from_path(request.path_info)):
                match = resolve(request.path_info)
        except Resolver404:
            return "unresolved"
    return match.view_name or "-"


@login_not_required
@never_cache
@require_safe
def export(request: HttpRequest) -> HttpResponse:
    token = settings.METRICS_TOKEN
    scheme, _, offered = request.headers.get("Authorization", "").partition(" ")
    if not token or scheme.lower() != "bearer" or not constant_time_compare(offered, token):
        raise Http404
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry = REGISTRY
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
