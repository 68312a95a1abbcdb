"""Writes to bodies that carry a rule: a body's status changes only here."""

from __future__ import annotations

from committee.subcommittees.models import Body, BodyStatus


def activate(body: Body) -> bool:
    """A proposed body reported as established becomes active; no other status changes.

    Sets the field on ``body`` and says whether it changed: the caller saves it with the rest of
    what it records (the importer, inside its transaction).
    """
    if body.status != BodyStatus.PROPOSED:
        return False
    body.status = BodyStatus.ACTIVE
    return True
