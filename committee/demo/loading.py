"""``load(plan)``: a demo plan written with one ``COPY`` per table, in one transaction."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone

from committee.demo.tables import REFERENCE_PREFIX, Plan, Ref, Table
from committee.recommendations.models import (
    Recommendation,
)


def _columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """The columns a row is written with: every concrete, non-generated one."""
    return [
        column
        for column in model._meta.concrete_fields
        if not isinstance(column, models.GeneratedField)
    ]


def _reserve(model: type[models.Model], count: int) -> list[int]:
    """``count`` primary keys from the table's own sequence (so later inserts never collide)."""
    if not count:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _audit_insert_triggers(model: type[models.Model]) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal"
            " AND tgname LIKE 'pgtrigger_insert_insert_%%'",
            [model._meta.db_table],
        )
        return [row[0] for row in cursor.fetchall()]


def _set_triggers(model: type[models.Model], names: Iterable[str], *, enabled: bool) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    verb = "ENABLE" if enabled else "DISABLE"
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f"ALTER TABLE {table} {verb} TRIGGER {connection.ops.quote_name(name)}")


def _value(
    column: models.Field[Any, Any], row: dict[str, Any], resolve: Callable[[Any], Any]
) -> Any:
    name = column.name
    if name in row:
        value = row[name]
    elif column.attname in row:
        value = row[column.attname]
    elif column.db_default is not models.NOT_PROVIDED:
        return timezone.now()  # the only database defaults here are timestamps (Now())
    else:
        value = column.get_default()
    return resolve(value)


def load(data: Plan, *, audited: bool = False, report: Callable[[str], None] = print) -> None:
    """Write ``data`` to the database in one transaction (see the module docstring)."""
    if Recommendation.objects.filter(
        reference__startswith=f"{REFERENCE_PREFIX}{data.seed}-"
    ).exists():
        raise ValueError(
            f"demo data of seed {data.seed} is already in this database; "
            "use another --seed or an empty database"
        )
    content_types: dict[tuple[str, str], int] = {}
    with transaction.atomic():
        keys: dict[str, list[int]] = {
            name: _reserve(table.model, len(table.rows)) for name, table in data.tables.items()
        }

        for table in data.tables.values():  # no query may run while a COPY is in progress
            for row in table.rows:
                for value in row.values():
                    if isinstance(value, tuple) and value not in content_types:
                        content_types[value] = ContentType.objects.get_by_natural_key(*value).pk

        def resolve(value: Any) -> Any:
            if isinstance(value, enum.Enum):  # psycopg would write an enum's name
                return value.value
            if isinstance(value, Ref):
                return keys[value.table][value.position]
            if isinstance(value, tuple):  # a content type, by natural key
                return content_types[value]
            return value

        # PostgreSQL alters no table with deferred checks pending: run the caller's checks
        # now, then ours before enabling the triggers again; deferred again at the end.
        _check_constraints_now()
        triggers = {
            name: [] if audited else _audit_insert_triggers(table.model)
            for name, table in data.tables.items()
        }
        for name, table in data.tables.items():
            _set_triggers(table.model, triggers[name], enabled=False)
        for name, table in data.tables.items():
            started = time.perf_counter()
            _copy(table, keys[name], resolve)
            elapsed = time.perf_counter() - started
            report(f"{name}: {len(table.rows):,} rows in {elapsed:.1f} s")
        _check_constraints_now()
        for name, table in data.tables.items():
            _set_triggers(table.model, triggers[name], enabled=True)
        with connection.cursor() as cursor:  # the planner's statistics, for the new sizes
            for table in data.tables.values():
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.model._meta.db_table)}")


def _check_constraints_now() -> None:
    """Run the pending foreign-key checks (all of them are deferrable, initially deferred)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _copy(table: Table, keys: list[int], resolve: Callable[[Any], Any]) -> None:
    model = table.model
    columns = _columns(model)
    names = ", ".join(connection.ops.quote_name(str(column.column)) for column in columns)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}) FROM STDIN"
    pk = model._meta.pk
    connection.ensure_connection()
    with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
        for key, row in zip(keys, table.rows, strict=True):
            copy.write_row(
                [key if column is pk else _value(column, row, resolve) for column in columns]
            )
