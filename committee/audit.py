"""The audit trail: every change to committee data, with who, when and through which path.

PostgreSQL triggers (django-pghistory) write an event row for every insert, update and delete,
so bulk updates and raw SQL are caught as well as ``save()``. The context of the change — the
user, the URL and the path (web, admin, command, shell) — is attached by
``AuditContextMiddleware`` for requests and by ``manage.py`` for commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import pghistory
from django.db import models
from django.http import HttpRequest
from pghistory.middleware import HistoryMiddleware

M = TypeVar("M", bound=type[models.Model])

#: Columns whose changes are not history: derived or bookkeeping.
UNTRACKED = ("updated_at", "search_vector", "names_key")


def audited(*, exclude: tuple[str, ...] = ()) -> Callable[[M], M]:
    """Track inserts, updates (of tracked columns) and deletes of a model."""

    def decorate(model: M) -> M:
        fields = {field.name for field in model._meta.concrete_fields}
        skipped = [name for name in (*UNTRACKED, *exclude) if name in fields]
        tracked: M = pghistory.track(
            pghistory.InsertEvent(),
            pghistory.UpdateEvent(),
            pghistory.DeleteEvent(),
            exclude=skipped or None,
            append_only=True,
        )(model)
        return tracked

    return decorate


def path_of(request: HttpRequest) -> str:
    """``admin`` for the Django admin, ``web`` for everything else served over HTTP."""
    parts = request.path.strip("/").split("/")
    return "admin" if "admin" in parts[:2] else "web"


class AuditContextMiddleware(HistoryMiddleware):
    """Attach user, URL, method and path to every change a request makes."""

    def get_context(self, request: HttpRequest) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request)
        return {**context, "path": path_of(request), "method": request.method}


@contextmanager
def command_context(command: str, **metadata: Any) -> Iterator[None]:
    """Changes made inside are attributed to a management command (``path="command"``)."""
    path = "shell" if command in {"shell", "dbshell"} else "command"
    with pghistory.context(path=path, command=command, **metadata):
        yield
