"""What the admin's changelists share, so that a page of them costs the same few queries at
100,000 rows as at 100, for an operator and for the secretariat of either delegation.

- Counting: exact up to ``EXACT_COUNT_LIMIT`` rows, PostgreSQL's estimate above it. An exact
  ``COUNT(*)`` of 100,000 rows, through a secretariat's visibility subqueries, costs more than the
  page itself; nobody needs to know there are 95,428 rather than about 95,000.
- Columns naming a related record say whether the reader may see it from the page's own query
  (an annotation), not by loading each related record's chain of parents row by row.
- The filters offered by every ``RecordAdmin``: missing translations, related records limited to
  what the reader may see.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connection, models
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet, Value
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from committee.bilateral import ALL_LEVELS, is_visible, visible_levels
from committee.languages import CODES, Language, translated_attributes

#: Up to this many rows a changelist counts exactly; beyond, it shows the planner's estimate.
EXACT_COUNT_LIMIT = 1000


def visible_records(queryset: QuerySet[Any], user: Any) -> QuerySet[Any]:
    """``queryset`` restricted to what ``user`` may see, when its model has a visibility rule."""
    if hasattr(queryset, "visible_to"):
        return queryset.visible_to(user)  # type: ignore[no-any-return]
    return queryset


def without_jit() -> None:
    """No JIT compilation for the rest of this request's transaction (``ATOMIC_REQUESTS``).

    A secretariat's visibility rule makes queries the planner costs high (a subquery per model
    a citation may name, each with its chain), high enough for PostgreSQL to compile them:
    130 s of compiling for the citations' list at 100,000 recommendations, 3 s without it.
    """
    if connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")


def planned_rows(*querysets: QuerySet[Any]) -> list[float]:
    """How many rows PostgreSQL's planner expects each of ``querysets`` to return: one
    ``EXPLAIN`` (nothing run) of their ``UNION ALL``, whose parts the plan lists in order."""
    first, *rest = (queryset.order_by().values("pk") for queryset in querysets)
    combined = first.union(*rest, all=True).order_by() if rest else first
    plan = json.loads(combined.explain(format="json"))
    top = plan[0]["Plan"]
    parts = top.get("Plans", []) if rest else [top]
    if len(parts) != len(querysets):  # a plan shaped otherwise: ask for each one
        return [planned_rows(queryset)[0] for queryset in querysets]
    return [float(part["Plan Rows"]) for part in parts]


class EstimatedCountPaginator(Paginator):
    """Counts up to ``EXACT_COUNT_LIMIT`` rows; beyond, estimates, and lets any page be asked for.

    The exact count stops at the limit (``COUNT(*)`` over ``LIMIT 1001``: a thousand rows at
    most, whatever the table). Past it, the count is the planner's estimate of the filtered
    query. The planner cannot see through the visibility subqueries of a secretariat's query
    (it takes each to keep half the rows: 25,000 estimated for 95,000 visible), so the estimate
    is rescaled: the share of the reader's records the filters keep, as the planner sees both,
    times the planner's estimate of the records of the reader's levels (``rescale``: the
    unfiltered queryset of the page and the records of those levels, without subqueries).

    An estimate may be short of the truth: pages past the estimated last one are still served
    (an empty page at worst), never refused.
    """

    def __init__(
        self,
        object_list: Any,
        per_page: int,
        orphans: int = 0,
        allow_empty_first_page: bool = True,
        *,
        rescale: tuple[QuerySet[Any], QuerySet[Any]] | None = None,
    ) -> None:
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.queryset: QuerySet[Any] = object_list
        self.rescale = rescale

    @cached_property
    def count(self) -> int:
        bounded = int(self.queryset.order_by()[: EXACT_COUNT_LIMIT + 1].count())
        if bounded <= EXACT_COUNT_LIMIT:
            return bounded
        return max(bounded, round(self.estimate()))

    @property
    def estimated(self) -> bool:
        """Whether ``count`` is an estimate (templates say "about")."""
        return bool(self.count > EXACT_COUNT_LIMIT)

    def estimate(self) -> float:
        if self.rescale is None:
            return planned_rows(self.queryset)[0]
        rows, unfiltered, of_levels = planned_rows(self.queryset, *self.rescale)
        return rows * of_levels / max(unfiltered, 1.0)

    def validate_number(self, number: Any) -> int:
        if not self.estimated:
            return super().validate_number(number)
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError(number)
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from error
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return int(number)

    def page(self, number: Any) -> Page:
        if not self.estimated:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return Page(self.queryset[bottom : bottom + self.per_page], number, self)


def seen_attribute(field: models.Field[Any, Any]) -> str:
    """The annotation saying whether the reader may see the record ``field`` names."""
    return f"_sees_{field.name}"


def masked_relation(field: Any, user: Any) -> Any:
    """A changelist column showing a related record only to those who may see it.

    In a changelist the answer comes with the row (``VisibleColumnsChangeList``); elsewhere
    (an inline's few rows) it is asked of the record itself.
    """

    def display(obj: Any) -> str:
        related = getattr(obj, field.name)
        if related is None:
            return "-"
        seen = getattr(obj, seen_attribute(field), None)
        visible = is_visible(user, related) if seen is None else seen
        return str(related) if visible else str(_("(not shared with you)"))

    display.short_description = field.verbose_name  # type: ignore[attr-defined]
    display.admin_order_field = field.name  # type: ignore[attr-defined]
    display.masked_field = field  # type: ignore[attr-defined]
    return display


def with_seen_relations(
    queryset: QuerySet[Any], columns: Sequence[Any], user: Any
) -> QuerySet[Any]:
    """``queryset`` annotated, for each masked column, with whether ``user`` may see the record
    it names: a subquery of that model's ``visible_to``, in the page's own query.

    A key the rows' own rule goes through (``visible_through``) names a visible record whenever
    the row is visible, as every row of an admin page is: nothing to ask. An operator sees all.
    """
    if visible_levels(user) == ALL_LEVELS:
        return queryset
    implied = (
        set(getattr(queryset, "visible_through", ())) if hasattr(queryset, "visible_to") else set()
    )
    annotations: dict[str, Any] = {}
    for column in columns:
        field = getattr(column, "masked_field", None)
        if field is None:
            continue
        related = field.related_model._default_manager.all()
        if field.name in implied:
            annotations[seen_attribute(field)] = Value(True)
        elif hasattr(related, "visible_to"):
            visible = related.visible_to(user).values("pk")
            annotations[seen_attribute(field)] = ExpressionWrapper(
                Q(**{f"{field.name}__in": visible}), output_field=BooleanField()
            )
    return queryset.annotate(**annotations) if annotations else queryset


class VisibleColumnsChangeList(ChangeList):
    """The changelist whose page query says which related records the reader may see."""

    def get_results(self, request: HttpRequest) -> None:
        self.queryset = with_seen_relations(self.queryset, self.list_display, request.user)
        super().get_results(request)


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing_translation"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]
    ) -> list[tuple[str, str]]:
        return [(code, str(Language(code).label)) for code in CODES]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        code = self.value()
        if code not in CODES:
            return queryset
        missing = Q()
        for attribute in translated_attributes(queryset.model):
            missing |= attribute.missing(code)
        return queryset.filter(missing) if missing else queryset


class VisibleRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """A related-record filter listing only what the user may see (and counting nothing else)."""

    def field_choices(
        self, field: Any, request: HttpRequest, model_admin: Any
    ) -> list[tuple[Any, str]]:
        ordering = self.field_admin_ordering(field, request, model_admin)
        related = visible_records(field.related_model._default_manager.all(), request.user)
        if ordering:
            related = related.order_by(*ordering)
        return [(record.pk, str(record)) for record in related]
