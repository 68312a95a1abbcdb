"""A short id for every request: in the ``X-Request-ID`` header, the logs and the error pages.

Someone who meets an error page can quote the id; the operator finds the matching log lines. A
proxy's ``X-Request-ID`` is kept when it looks like an id (so one id follows the request through
the stack); anything else is replaced, so a forged header cannot inject text into logs or pages.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponseBase

HEADER = "X-Request-ID"
ACCEPTABLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,63}")
_current: ContextVar[str] = ContextVar("request_id", default="-")


def request_id_of(request: HttpRequest | None) -> str:
    """The id of ``request`` (or of the request being served), ``-`` outside a request."""
    if request is not None:
        return str(request.META.get("committee.request_id") or _current.get())
    return _current.get()


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        offered = request.headers.get(HEADER, "")
        request_id = offered if ACCEPTABLE.fullmatch(offered) else uuid.uuid4().hex[:16]
        request.META["committee.request_id"] = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdLogFilter(logging.Filter):
    """Adds ``request_id`` to every log record (``-`` outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get()
        return True
