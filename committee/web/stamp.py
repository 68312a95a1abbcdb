"""The data stamp: a value that changes with every committed write to what the site shows.

A page rendered between two reads of the same stamp shows exactly the data of that stamp: a
commit changes the stamp atomically with its rows, so a commit that landed while the page was
being read would show as a different stamp on the second read. ``committee.web.pagecache``
keeps pages under their stamp; a write makes every kept page unreachable at once.

The database keeps the stamp, not Python, so writes from anywhere count: the site, the admin,
the importer, management commands, migrations, psql. Every table of the schema, except the few
in ``UNWATCHED``, has

- a deferred row trigger on INSERT, UPDATE and DELETE, and
- a statement trigger on TRUNCATE,

both calling ``committee_new_data_stamp()`` (migration ``site.0001``), which gives the one row
of ``site_datastamp`` a new random UUID once per transaction. Deferred, the stamp row is
locked only while the writing transaction commits, so writers don't queue behind each other's
open transactions (a TRUNCATE, or ``SET CONSTRAINTS ALL IMMEDIATE``, takes it earlier). Like
Django's own deferred foreign keys, pending events keep a migration from altering a table it
wrote rows to in the same transaction: such migrations come in two steps. Random rather than a
counter, so two histories of the database never share a stamp; a restored backup brings back
its stamp together with exactly the data it stood for.

After every ``migrate`` and ``flush`` the triggers are (re)installed, so a new table is watched
from then on, and the stamp is renewed, since a schema change (a column added with a default, a
column rewritten) changes what pages show without a row trigger firing.
``tests/site/test_stamp.py`` fails if a table is neither watched nor listed as unwatched.
"""

from __future__ import annotations

from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "site_datastamp"
FUNCTION = "committee_new_data_stamp"
ROW_TRIGGER = "committee_data_stamp"
TRUNCATE_TRIGGER = "committee_data_stamp_truncate"

#: Tables whose writes change nothing a kept page shows. Logged-in requests write sessions,
#: logins write lockout records and second-factor use; none of them may empty the cache.
#: ``tests/site/test_pagecache.py`` proves that no kept page reads them.
UNWATCHED = frozenset(
    {
        TABLE,
        "django_session",
        "axes_accessattempt",
        "axes_accessattemptexpiration",
        "axes_accessfailurelog",
        "axes_accesslog",
        "mfa_authenticator",
        "usersessions_usersession",
        "django_tasks_db_dbtaskresult",  # queued e-mails: nothing a page shows
    }
)


def current(using: str = "default") -> str | None:
    """The stamp now, or None when nothing may be kept or served from a kept copy.

    None when this connection's transaction has written (it sees rows nobody else sees yet,
    as in a test wrapped in a transaction) or when the stamp row is missing (a flushed
    database before ``post_migrate`` has run).
    """
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT stamp::text FROM {TABLE} WHERE id = 1 AND txid_current_if_assigned() IS NULL"  # noqa: S608 - a constant
        )
        row = cursor.fetchone()
    return row[0] if row else None


def watched_tables(connection: BaseDatabaseWrapper) -> set[str]:
    """Every table of the current schema, Django's or not, but ``UNWATCHED``."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_class "
            "WHERE relkind IN ('r', 'p') AND relnamespace = current_schema()::regnamespace"
        )
        tables = {name for (name,) in cursor.fetchall()}
    return tables - UNWATCHED


def triggered_tables(connection: BaseDatabaseWrapper) -> dict[str, set[str]]:
    """For each table of the current schema, which of the two stamp triggers it has."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname IN (%s, %s) AND c.relnamespace = current_schema()::regnamespace",
            [ROW_TRIGGER, TRUNCATE_TRIGGER],
        )
        found: dict[str, set[str]] = {}
        for table, trigger in cursor.fetchall():
            found.setdefault(table, set()).add(trigger)
    return found


def install(using: str = "default", **kwargs: Any) -> None:
    """Give every watched table its two triggers and the stamp row a new stamp.

    Connected to ``post_migrate``: idempotent, cheap when everything is in place.
    """
    connection = connections[using]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regproc(%s) IS NOT NULL", [FUNCTION])
        if not cursor.fetchone()[0]:
            return  # site.0001 is not applied (or was unapplied): nothing to call
        cursor.execute(
            f"INSERT INTO {TABLE} (id, stamp, changed_at) "  # noqa: S608 - constants
            "VALUES (1, gen_random_uuid(), now()) "
            "ON CONFLICT (id) DO UPDATE SET stamp = gen_random_uuid(), changed_at = now()"
        )
        present = triggered_tables(connection)
        for table in sorted(watched_tables(connection)):
            has = present.get(table, set())
            if ROW_TRIGGER not in has:
                cursor.execute(
                    f"CREATE CONSTRAINT TRIGGER {ROW_TRIGGER} "
                    f"AFTER INSERT OR UPDATE OR DELETE ON {quote(table)} "
                    f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
                )
            if TRUNCATE_TRIGGER not in has:
                cursor.execute(
                    f"CREATE TRIGGER {TRUNCATE_TRIGGER} AFTER TRUNCATE ON {quote(table)} "
                    f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
                )
