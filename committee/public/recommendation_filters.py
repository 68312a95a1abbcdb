"""Filters of the public recommendation list (and of its CSV and JSON downloads).

Every filter is validated by its form field; a value that makes no sense (an unknown status, a
date that is not one, a query past the length limit, NUL bytes) is reported to the reader and
left out, never a server error.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Case, Exists, F, IntegerField, OuterRef, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext_lazy as _

from committee.bilateral import LeadSide
from committee.fulltext import MAX_QUERY_LENGTH, rank, search_query
from committee.meetings.models import Meeting
from committee.recommendations.models import (
    Adoption,
    AdoptionKind,
    Completion,
    Recommendation,
    Status,
    Theme,
)
from committee.subcommittees.models import Body

SORTS = [
    ("reference", _("Reference")),
    ("-reference", _("Reference, descending")),
    ("due", _("Due date, soonest first")),
    ("-due", _("Due date, latest first")),
    ("status", _("Status")),
    ("completion", _("Completion, least first")),
    ("-completion", _("Completion, most first")),
    ("relevance", _("Relevance to the words")),
]


#: How many of the latest meetings the meeting menu offers.
MEETINGS_OFFERED = 100


def _visible_bodies(request: HttpRequest | None) -> QuerySet[Body]:
    viewer = request.user if request is not None else None
    return Body.objects.visible_to(viewer).order_by("kind", "name_en", "name_ar", "pk")


def _visible_meetings(request: HttpRequest | None) -> QuerySet[Meeting]:
    viewer = request.user if request is not None else None
    return Meeting.objects.visible_to(viewer).order_by("-start_date", "-pk")


def _rank_of(choices: type[Status] | type[Completion], field: str) -> Case:
    return Case(
        *[When(**{field: value}, then=Value(order)) for order, value in enumerate(choices.values)],
        output_field=IntegerField(),
    )


class RecommendationFilter(django_filters.FilterSet):  # type: ignore[misc]
    q = django_filters.CharFilter(
        label=_("Words"),
        method="filter_words",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    # No join, so no DISTINCT (which would sort every matching row, vectors and all).
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=Status.choices,
        widget=forms.SelectMultiple(attrs={"size": 4}),
        distinct=False,
    )
    completion = django_filters.MultipleChoiceFilter(
        label=_("Completion"),
        choices=Completion.choices,
        widget=forms.SelectMultiple(attrs={"size": 4}),
        distinct=False,
    )
    body = django_filters.ModelChoiceFilter(
        label=_("Responsible body"), queryset=_visible_bodies, empty_label=_("Any body")
    )
    meeting = django_filters.ModelChoiceFilter(
        label=_("Meeting"),
        queryset=_visible_meetings,
        method="filter_meeting",
        empty_label=_("Any meeting"),
    )
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), choices=Theme.choices, empty_label=_("Any theme")
    )
    lead_side = django_filters.ChoiceFilter(
        label=_("Lead"), choices=LeadSide.choices, empty_label=_("Any lead")
    )
    year = django_filters.NumberFilter(
        label=_("Adopted in"), method="filter_year", min_value=1900, max_value=2200
    )
    due_after = django_filters.DateFilter(
        label=_("Due from"),
        field_name="due_date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    due_before = django_filters.DateFilter(
        label=_("Due until"),
        field_name="due_date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue only"), method="filter_overdue", widget=forms.CheckboxInput
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORTS, method="filter_sort", empty_label=None
    )

    class Meta:
        model = Recommendation
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._offer_recent_meetings()

    def _offer_recent_meetings(self) -> None:
        """The meeting menu offers the latest meetings (and the chosen one), not every meeting:
        years of history would make it thousands of options long on every page. Any visible
        meeting is still accepted (``?meeting=`` from a meeting's page)."""
        field = self.form.fields["meeting"]  # the form's own copy is what renders

        def choices() -> list[tuple[Any, str]]:  # read when the menu renders, not for exports
            offered = list(field.queryset[:MEETINGS_OFFERED])
            chosen = self.data.get("meeting") if self.data else None
            if chosen and str(chosen).isdigit() and all(str(m.pk) != chosen for m in offered):
                offered += list(field.queryset.filter(pk=int(chosen)))
            return [("", field.empty_label), *[(m.pk, str(m)) for m in offered]]

        field.widget.choices = CallableChoiceIterator(choices)

    def filter_words(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        query = search_query(value)
        if query is None:
            return queryset
        ranked: QuerySet[Any] = queryset.filter(search_vector=query).annotate(rank=rank(query))
        return ranked

    def filter_meeting(self, queryset: QuerySet[Any], name: str, value: Meeting) -> QuerySet[Any]:
        return queryset.filter(
            Exists(Adoption.objects.filter(recommendation=OuterRef("pk"), meeting=value))
        )

    def filter_year(self, queryset: QuerySet[Any], name: str, value: Any) -> QuerySet[Any]:
        adopted = Adoption.objects.filter(
            recommendation=OuterRef("pk"),
            kind=AdoptionKind.ADOPTED,
            meeting__in=_visible_meetings(self.request),
            meeting__start_date__year=int(value),
        )
        return queryset.filter(Exists(adopted))

    def filter_overdue(self, queryset: QuerySet[Any], name: str, value: bool) -> QuerySet[Any]:
        return queryset.overdue(timezone.localdate()) if value else queryset  # type: ignore[attr-defined]

    def filter_sort(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset  # applied last, in ``sorted_qs``

    @property
    def sorted_qs(self) -> QuerySet[Any]:
        """The filtered recommendations in the order the reader asked for."""
        queryset: QuerySet[Any] = self.qs
        data = (
            self.form.cleaned_data if self.is_bound and hasattr(self.form, "cleaned_data") else {}
        )
        sort = data.get("sort") or ("relevance" if data.get("q") else "reference")
        if sort == "relevance" and "rank" in queryset.query.annotations:
            return queryset.order_by("-rank", "reference")
        orderings: dict[str, list[Any]] = {
            "-reference": ["-reference"],
            "due": [F("due_date").asc(nulls_last=True), "reference"],
            "-due": [F("due_date").desc(nulls_last=True), "reference"],
            "status": [_rank_of(Status, "status"), "reference"],
            "completion": [_rank_of(Completion, "completion"), "reference"],
            "-completion": [_rank_of(Completion, "completion").desc(), "reference"],
        }
        return queryset.order_by(*orderings.get(sort, ["reference"]))
