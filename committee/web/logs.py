"""Log lines as JSON objects, one per line, for log collectors (``LOG_FORMAT=json``).

Each line has ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message`` and ``request_id``
(``-`` outside a request), and ``exception`` with the traceback when there is one. Gunicorn's
access log (deploy/gunicorn-json-logging.json) goes through the same formatter: its lines also
carry the request's ``method``, ``path``, ``status``, ``bytes``, ``duration_ms``, ``remote``
and ``user_agent``, and the request id from the ``X-Request-ID`` response header.

The query string is left out of the access lines: search words and filters are the readers'.
This module imports nothing of Django's, so gunicorn can load it before the application.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

#: gunicorn's access-log atoms → our field names (docs.gunicorn.org, "access_log_format").
ACCESS_FIELDS = {
    "m": "method",
    "U": "path",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "h": "remote",
    "a": "user_agent",
    "{x-request-id}o": "request_id",
}
NUMERIC = frozenset({"status", "bytes", "duration_ms"})


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.name == "gunicorn.access" and isinstance(record.args, Mapping):
            line["message"] = "request"
            line.update(_access_fields(record.args))
        else:
            line["message"] = record.getMessage()
        status = getattr(record, "status_code", None)  # django.request's errors carry it
        if isinstance(status, int):
            line["status"] = status
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["exception"] = record.exc_text
        return json.dumps(line, ensure_ascii=False, default=str)


def _access_fields(atoms: Mapping[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for atom, name in ACCESS_FIELDS.items():
        value = atoms.get(atom)
        if value in (None, "-", ""):
            continue
        if isinstance(value, str):
            value = value.replace('\\"', '"')  # gunicorn escapes quotes for its text format
        if name in NUMERIC:
            try:
                value = int(value)
            except (TypeError, ValueError):
                continue
        fields[name] = value
    return fields
