"""Filters of the public meeting list."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from committee.meetings.models import Meeting, MeetingKind, MeetingStatus


class MeetingFilter(django_filters.FilterSet):  # type: ignore[misc]
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MeetingKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MeetingStatus.choices)
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="start_date", lookup_expr="year", min_value=1900, max_value=2200
    )

    class Meta:
        model = Meeting
        fields = ["kind", "status", "year"]
