"""The two delegations and who may see what (docs/design.md §5).

Every content record carries a ``visibility``. ``visible_levels(user)`` says which levels a user
may see and ``VisibleQuerySet.visible_to(user)`` applies it; every page, export, feed, count,
search and admin page loads records through it, so a record a user may not see does not exist
for them (404, never 403).
"""

from __future__ import annotations

from typing import ClassVar, Protocol, Self

from django.db import connection, models
from django.db.models import Q
from django.db.models.expressions import RawSQL
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
    key hides nothing. The rule follows the whole chain: the record a key names must itself be
    visible by the same rule, through its own ``visible_through``, up to the top.
    """

    visible_through: ClassVar[tuple[str, ...]] = ()

    def visible_to(self, user: Reader | None) -> Self:
        levels = visible_levels(user)
        if levels == ALL_LEVELS:
            return self
        return self.filter(visible_condition(self.model, levels))

    def public(self) -> Self:
        return self.visible_to(None)


def _visible_through(model: type[models.Model]) -> tuple[str, ...]:
    queryset = model._default_manager.all()
    return tuple(getattr(queryset, "visible_through", ()))


def _has_visibility(model: type[models.Model]) -> bool:
    return any(field.name == "visibility" for field in model._meta.concrete_fields)


def visible_condition(
    model: type[models.Model],
    levels: frozenset[str],
    _chain: tuple[type[models.Model], ...] = (),
) -> Q:
    """The condition a row of ``model`` meets when its whole chain is visible at ``levels``.

    Its own ``visibility`` is among ``levels`` (if it has one) and, for each key of its
    ``visible_through``, the record named is absent (nullable keys) or visible by this same rule:
    a subquery of the other model's condition. A key to the same model (a body's parent) cannot
    unfold in Python: the rows with a hidden ancestor are excluded by a recursive CTE.
    """
    concrete = model._meta.concrete_model or model
    if concrete in _chain:
        msg = f"visible_through loops back to {concrete.__name__} through {_chain}"
        raise ValueError(msg)
    condition = Q(visibility__in=sorted(levels)) if _has_visibility(model) else Q()
    self_columns: list[str] = []
    for path in _visible_through(model):
        field = model._meta.get_field(path)
        if not isinstance(field, models.ForeignKey):
            msg = f"{model.__name__}.visible_through names {path!r}, not a foreign key"
            raise TypeError(msg)
        related = field.related_model
        assert isinstance(related, type)  # resolved once the apps are ready
        if related._meta.concrete_model is concrete:
            self_columns.append(field.column)
            continue
        inner = visible_condition(related, levels, (*_chain, concrete))
        if not inner:
            continue  # nothing can hide the other record: the key exists or is null
        through = Q(**{f"{path}__in": related._base_manager.filter(inner).values("pk")})
        if field.null:
            through |= Q(**{f"{path}__isnull": True})
        condition &= through
    if self_columns:
        condition &= ~Q(pk__in=_hidden_with_descendants(concrete, condition, self_columns))
    return condition


def _hidden_with_descendants(model: type[models.Model], condition: Q, columns: list[str]) -> RawSQL:
    """The keys of the rows failing ``condition`` that another row hangs from, and of every row
    below them by ``columns``.

    A recursive CTE over the model's own table: ``UNION`` (not ``UNION ALL``) stops on cycles.
    """
    # Only a hidden row that something hangs from can hide another: the seed is those (few).
    parents = Q()
    for column in columns:
        field = next(f for f in model._meta.concrete_fields if f.column == column)
        parents |= Q(
            pk__in=model._base_manager.filter(**{f"{field.attname}__isnull": False}).values(
                field.attname
            )
        )
    seed = (
        model._base_manager.exclude(condition).filter(parents).order_by().values("pk")
        if condition
        else None
    )
    if seed is None:
        seed_sql, params = "SELECT NULL::bigint WHERE false", ()
    else:
        seed_sql, params = seed.query.sql_with_params()
    quote = connection.ops.quote_name
    pk_field = model._meta.pk
    assert pk_field is not None
    assert pk_field.column is not None
    table, pk = quote(model._meta.db_table), quote(pk_field.column)
    joins = " OR ".join(f"t.{quote(column)} = h.id" for column in columns)
    # Names from the model's own meta, quoted; values only as parameters (of the seed).
    sql = (
        f"WITH RECURSIVE hidden(id) AS ({seed_sql} UNION "  # noqa: S608 - names from _meta
        f"SELECT t.{pk} FROM {table} t JOIN hidden h ON {joins}) SELECT id FROM hidden"
    )
    return RawSQL(sql, params, output_field=models.BigIntegerField())  # noqa: S611 - see above


def is_visible(user: Reader | None, record: models.Model) -> bool:
    """Whether ``user`` may see ``record`` — the rule of ``visible_to``, for one loaded record."""
    levels = visible_levels(user)
    if levels == ALL_LEVELS:
        return True
    return _is_visible_at(levels, record, frozenset())


def _is_visible_at(
    levels: frozenset[str], record: models.Model, chain: frozenset[tuple[object, object]]
) -> bool:
    key: tuple[object, object] = (record._meta.concrete_model, record.pk)
    if key in chain:
        return True  # a cycle of keys: each record on it is checked where the walk met it
    if _has_visibility(type(record)) and getattr(record, "visibility", None) not in levels:
        return False
    for path in _visible_through(type(record)):
        parent = getattr(record, path, None)
        if parent is not None and not _is_visible_at(levels, parent, chain | {key}):
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
