"""Errors to Sentry (or a service that speaks its protocol) when ``SENTRY_DSN`` is set.

Called from the settings, before the application loads. What leaves the server is the error,
its stack (without local variables), the view, the request's method, path and harmless
headers, and the request id (a tag, to find the matching log lines). What never leaves: request
bodies (a form may hold a reserved reason or a password), query strings (a reader's search
words), cookies, the user, the client's address, local variables (they may hold records a
reader could not see).
"""

from __future__ import annotations

from typing import Any

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from committee.web.request_id import request_id_of


def start_error_reporting(dsn: str, *, environment: str, traces_sample_rate: float) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=traces_sample_rate,
        before_send=_without_personal_data,
    )


def _without_personal_data(event: Any, hint: dict[str, Any]) -> Any:
    """The event, tagged with the request id, without what the module says never leaves."""
    event.setdefault("tags", {})["request_id"] = request_id_of(None)
    request = event.get("request")
    if isinstance(request, dict):
        for part in ("cookies", "data", "query_string", "env"):
            request.pop(part, None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            for name in list(headers):
                if name.lower() in {"cookie", "authorization", "x-csrftoken", "x-prodcheck-token"}:
                    del headers[name]
    return event
