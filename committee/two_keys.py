"""What every two-key write shares (DESIGN.md §5), whatever the record.

A two-key decision needs both delegations. It comes in two shapes that rest on the same rules:

- *propose and confirm* — one delegation proposes, a member of the other confirms or rejects
  (status changes and publication, ``committee.recommendations.services``);
- *both approve* — each delegation approves the same thing once, in either order (minutes,
  ``committee.meetings.services``).

Either way a key belongs to a delegation (a user's ``side``), a delegation turns its key once,
and the other delegation's key is the one that counts. Writes lock the row they decide on and
refuse an edit made on a copy older than the saved one (``StaleEdit``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext as _

from committee.bilateral import Side

BOTH_SIDES = frozenset(Side.values)


class StaleEdit(Exception):
    """Someone saved the record after the editor loaded it (``seen`` < ``current.version``)."""

    def __init__(self, current: models.Model, seen: int | None) -> None:
        super().__init__(f"{current!r} changed since version {seen}")
        self.current = current
        self.seen = seen


def locked[R: models.Model](record: R) -> R:
    """``record`` read again under a row lock, for the rest of the transaction."""
    return type(record)._default_manager.select_for_update().get(pk=record.pk)


def require_version(record: Any, seen: int | None) -> None:
    if seen is not None and record.version != seen:
        raise StaleEdit(record, seen)


def bump(record: Any, *fields: str) -> None:
    """Save ``fields`` with the record's version raised (lost-update guard)."""
    record.version += 1
    record.save(update_fields=[*fields, "version", "updated_at"])


def delegation_of(user: Any) -> Side:
    """The delegation whose key ``user`` holds; an account without one holds no key."""
    side = getattr(user, "side", "")
    if side not in BOTH_SIDES:
        raise PermissionDenied(_("Only a member of a delegation may decide on this."))
    return Side(side)


def require_other_side(user: Any, proposed_side: str) -> None:
    """Propose and confirm: the proposing delegation cannot confirm its own proposal."""
    if getattr(user, "side", "") == proposed_side:
        raise PermissionDenied(_("A member of the other delegation must decide on this proposal."))


def both_keys_turned(sides: Iterable[str]) -> bool:
    """Both approve: true once each delegation has turned its key."""
    return set(sides) >= BOTH_SIDES
