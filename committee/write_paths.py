"""Rule-bearing columns are written by the services only, and the database holds them to it.

A rule-bearing field (a status, a completion, a visibility, the adoption of minutes, a published
progress update, a decision: docs/architecture.md §2.2) changes only through a service, where the
two keys are checked. Each model declares its rule-bearing fields once (``rule_bearing``, a
``RuleBearing``); that one declaration is read

- by the admin (``committee.admin``), which shows them read-only on an existing record to
  everyone below an operator, and
- by PostgreSQL: a trigger per table refuses an ``UPDATE`` that changes one of them unless the
  transaction says it is a service's write (``through_service()``, which sets
  ``committee.write_path`` for as long as its block lasts). Inserts are not guarded: a new
  record chooses its visibility and status when it is created.

The services wrap their writes in ``through_service()`` (it is also a decorator); so does an
operator's correction in the admin (``path="operator"``, kept in the audit trail's user).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pgtrigger
from django.db import connections, models, transaction
from django.db.models.signals import class_prepared

#: The per-transaction setting a service's write carries.
SETTING = "committee.write_path"
TRIGGER = "rule_bearing_by_services"


@dataclass(frozen=True)
class RuleBearing:
    """The fields of a model that only services write.

    ``fields`` are rule-bearing on every existing record. ``when`` names a state
    (``("state", "published")``) in which ``then`` are rule-bearing too: a published progress
    update is never rewritten.
    """

    fields: tuple[str, ...]
    when: tuple[str, str] | None = None
    then: tuple[str, ...] = ()

    def locked(self, record: models.Model) -> frozenset[str]:
        """The fields of ``record``, as loaded, that only a service may change."""
        names = set(self.fields)
        if self.when is not None and getattr(record, self.when[0], None) == self.when[1]:
            names |= set(self.then)
        return frozenset(names)


def rule_bearing(model: Any) -> RuleBearing | None:
    declared = getattr(model, "rule_bearing", None)
    return declared if isinstance(declared, RuleBearing) else None


def locked_fields(record: Any) -> frozenset[str]:
    """What only a service may change on ``record`` (nothing on a record not yet saved)."""
    declared = rule_bearing(type(record))
    if declared is None or record is None or record.pk is None:
        return frozenset()
    return declared.locked(record)


@contextmanager
def through_service(path: str = "service", using: str = "default") -> Iterator[None]:
    """The writes inside are a service's: the guard lets them change rule-bearing columns.

    The setting is local to the transaction and restored when the block ends; a block left by
    an exception rolls back to its savepoint, which restores it too.
    """
    with transaction.atomic(using=using):
        with connections[using].cursor() as cursor:
            cursor.execute(
                "SELECT coalesce(current_setting(%s, true), ''), set_config(%s, %s, true)",
                [SETTING, SETTING, path],
            )
            previous = cursor.fetchone()[0]
        yield
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, true)", [SETTING, previous])


def _changed(model: type[models.Model], names: tuple[str, ...]) -> str:
    columns = [model._meta.get_field(name).column for name in names]  # type: ignore[union-attr]
    return " OR ".join(f'OLD."{column}" IS DISTINCT FROM NEW."{column}"' for column in columns)


def guard(model: type[models.Model], declared: RuleBearing) -> pgtrigger.Trigger:
    """The trigger refusing a change of ``declared`` fields outside ``through_service()``."""
    changed = _changed(model, declared.fields)
    if declared.when is not None and declared.then:
        column = model._meta.get_field(declared.when[0]).column  # type: ignore[union-attr]
        value = declared.when[1].replace("'", "''")
        changed += f" OR (OLD.\"{column}\" = '{value}' AND ({_changed(model, declared.then)}))"
    outside = f"coalesce(current_setting('{SETTING}', true), '') = ''"
    return pgtrigger.Trigger(
        name=TRIGGER,
        operation=pgtrigger.Update,
        when=pgtrigger.Before,
        condition=pgtrigger.Condition(f"(({changed}) AND {outside})"),
        func=pgtrigger.Func(  # type: ignore[no-untyped-call]
            "RAISE EXCEPTION 'committee: a rule-bearing column of % is written only by the "
            "services (two keys)', TG_TABLE_NAME USING ERRCODE = 'P0001';"
        ),
    )


def _guard_prepared(sender: type[models.Model], **kwargs: Any) -> None:
    declared = rule_bearing(sender)
    meta = sender._meta
    if declared is None or meta.abstract or meta.proxy or not meta.managed:
        return
    pgtrigger.register(guard(sender, declared))(sender)


class_prepared.connect(_guard_prepared)
