"""The two delegations and who may see what (docs/design.md §5).

Every content record carries a ``visibility``. ``visible_levels(user)`` says which levels a user
may see and ``VisibleQuerySet.visible_to(user)`` applies it; every page, export, feed, count,
search and admin page loads records through it, so a record a user may not see does not exist
for them (404, never 403).
"""

from __future__ import annotations

from typing import ClassVar, Protocol, Self

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Reader(Protocol):
    """Whoever asks to see records: a logged-in user (``people.User``) or an anonymous visitor.

    The rule needs only these; ``side`` and ``role`` are read when present.
    """

    @property
    def is_authenticated(self) -> bool: ...

    @property
    def is_active(self) -> bool: ...

    @property
    def is_superuser(self) -> bool: ...


class Side(models.TextChoices):
    """A delegation. Every member, membership, owner, update and decision carries one."""

    MA = "MA", _("Morocco")
    ES = "ES", _("Spain")


class LeadSide(models.TextChoices):
    MA = "MA", _("Morocco")
    ES = "ES", _("Spain")
    JOINT = "joint", _("Joint")


class PartySide(models.TextChoices):
    MA = "MA", _("Morocco")
    ES = "ES", _("Spain")
    JOINT = "joint", _("Joint")
    THIRD_PARTY = "third_party", _("Third party")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    COMMITTEE = "committee", _("Committee (both delegations)")
    MA = "ma", _("Moroccan delegation only")
    ES = "es", _("Spanish delegation only")
    SECRETARIAT = "secretariat", _("Joint secretariat")


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")


class Decision(models.TextChoices):
    """Where a two-key proposal stands (docs/design.md §5): one side proposes, the other decides."""

    PENDING = "pending", _("Awaiting the other delegation")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EFFECTIVE = "effective", _("In effect (one delegation suffices)")


#: The visibility level private to each delegation.
SIDE_VISIBILITY = {Side.MA: Visibility.MA, Side.ES: Visibility.ES}
ALL_LEVELS = frozenset(Visibility.values)
PUBLIC_ONLY = frozenset({Visibility.PUBLIC.value})


def visible_levels(user: Reader | None) -> frozenset[str]:
    """The visibility levels ``user`` may see.

    Anonymous and inactive users see public records. Observers add committee records; members
    add their own delegation's; the secretariat adds the secretariat's. Superusers (operators)
    see everything. Nobody but a superuser ever sees the other delegation's private records.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return PUBLIC_ONLY
    if user.is_superuser:
        return ALL_LEVELS
    side = getattr(user, "side", "")
    role = getattr(user, "role", "")
    if side not in SIDE_VISIBILITY or role not in Role.values:
        return PUBLIC_ONLY
    levels = {Visibility.PUBLIC.value, Visibility.COMMITTEE.value}
    if role in {Role.MEMBER, Role.SECRETARIAT}:
        levels.add(SIDE_VISIBILITY[Side(side)].value)
    if role == Role.SECRETARIAT:
        levels.add(Visibility.SECRETARIAT.value)
    return frozenset(levels)


def can_see(user: Reader | None, visibility: str) -> bool:
    return visibility in visible_levels(user)


class VisibleQuerySet[M: models.Model](models.QuerySet[M]):
    """A QuerySet of records that carry ``visibility``.

    ``visible_through`` names the foreign keys whose records must be visible too: a statement is
    visible only if its meeting is. Subclasses list them (``("meeting",)``); an empty nullable
    key hides nothing.
    """

    visible_through: ClassVar[tuple[str, ...]] = ()

    def visible_to(self, user: Reader | None) -> Self:
        levels = visible_levels(user)
        if levels == ALL_LEVELS:
            return self
        condition = Q(visibility__in=sorted(levels))
        for path in self.visible_through:
            through = Q(**{f"{path}__visibility__in": sorted(levels)})
            if self.model._meta.get_field(path).null:
                through |= Q(**{f"{path}__isnull": True})
            condition &= through
        return self.filter(condition)

    def public(self) -> Self:
        return self.visible_to(None)


def is_visible(user: Reader | None, record: models.Model) -> bool:
    """Whether ``user`` may see ``record`` — the rule of ``visible_to``, for one loaded record."""
    levels = visible_levels(user)
    if levels == ALL_LEVELS:
        return True
    if hasattr(record, "visibility") and record.visibility not in levels:
        return False
    manager = type(record)._default_manager
    for path in getattr(manager.all(), "visible_through", ()):
        parent = getattr(record, path, None)
        if parent is not None and not is_visible(user, parent):
            return False
    return True


#: The levels at least as wide as each level: every reader of the one may read the other.
AS_WIDE_AS = {
    Visibility.PUBLIC.value: frozenset({Visibility.PUBLIC.value}),
    Visibility.COMMITTEE.value: frozenset({Visibility.PUBLIC.value, Visibility.COMMITTEE.value}),
    **{
        level.value: frozenset({Visibility.PUBLIC.value, Visibility.COMMITTEE.value, level.value})
        for level in (Visibility.MA, Visibility.ES, Visibility.SECRETARIAT)
    },
}


def visible_at_least_as(record: models.Model, level: str) -> bool:
    """Whether everyone who may see records of ``level`` may see ``record``: its own level and
    those of the records it depends on (``visible_through``, all the way up) are as wide."""
    wide = AS_WIDE_AS.get(level, frozenset())
    if hasattr(record, "visibility") and record.visibility not in wide:
        return False
    manager = type(record)._default_manager
    for path in getattr(manager.all(), "visible_through", ()):
        parent = getattr(record, path, None)
        if parent is not None and not visible_at_least_as(parent, level):
            return False
    return True
