"""What the home page shows: the state of implementation at a glance."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from committee.meetings.models import Meeting, MeetingStatus
from committee.people.models import Viewer
from committee.public.charts import BarChart, Row, bar_chart
from committee.recommendations.models import (
    Adoption,
    AdoptionKind,
    Completion,
    ProgressUpdate,
    Recommendation,
    Status,
)
from committee.recommendations.overdue import overdue_summary
from committee.subcommittees.models import Body

BODIES_CHARTED = 8
#: How many recommendations "due next" lists, at a glance.
DUE_NEXT = 3


def _list_url(**filters: Any) -> str:
    return f"{reverse('recommendation-list')}?{urlencode(filters)}"


def _tallies(recommendations: QuerySet[Recommendation]) -> tuple[dict[Any, int], ...]:
    """Counts by status, by completion and by body, from one pass over the counting index
    (``recommendation_visible_counts``) rather than one per chart."""
    by_status: Counter[Any] = Counter()
    by_completion: Counter[Any] = Counter()
    by_body: Counter[Any] = Counter()
    rows = (
        recommendations.order_by()
        .values("status", "completion", "body")
        .annotate(n=Count("pk"))
        .values_list("status", "completion", "body", "n")
    )
    for status, completion, body, n in rows:
        by_status[status] += n
        by_completion[completion] += n
        by_body[body] += n
    return dict(by_status), dict(by_completion), dict(by_body)


def charts(viewer: Viewer) -> dict[str, BarChart]:
    rtl = get_language_bidi()
    recommendations = Recommendation.objects.visible_to(viewer)
    by_status, by_completion, by_body = _tallies(recommendations)
    total = sum(by_status.values())

    status_rows = [
        Row(
            str(status.label),
            by_status[status.value],
            f"status-{status.value}",
            _list_url(status=status.value),
        )
        for status in Status
        if by_status.get(status.value)
    ]
    completion_rows = [
        Row(
            str(level.label),
            by_completion.get(level.value, 0),
            f"completion-{level.value}",
            _list_url(completion=level.value),
        )
        for level in Completion
    ]

    ranked = sorted(
        ((pk, n) for pk, n in by_body.items() if pk is not None),
        key=lambda item: (-item[1], item[0]),
    )
    shown = ranked[:BODIES_CHARTED]
    names = {
        body.pk: body
        for body in Body.objects.visible_to(viewer).filter(pk__in=[pk for pk, _n in shown])
    }
    body_rows = [
        Row(str(names[pk].name), n, "body", _list_url(body=pk)) for pk, n in shown if pk in names
    ]
    others = sum(n for _pk, n in ranked[BODIES_CHARTED:]) + by_body.get(None, 0)
    if others:
        body_rows.append(Row(_("Other or no body"), others, "body-other"))

    adopted = (
        Adoption.objects.filter(
            kind=AdoptionKind.ADOPTED,
            recommendation__in=recommendations,
            meeting__in=Meeting.objects.visible_to(viewer),
            meeting__start_date__isnull=False,
        )
        .annotate(year=ExtractYear("meeting__start_date"))
        .order_by()
        .values("year")
        # A recommendation is adopted once (the constraint ``recommendations_adopted_once``), so
        # counting rows counts recommendations, without sorting them for a DISTINCT.
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    by_year = dict(adopted)
    year_rows = [
        Row(str(year), by_year[year], "year", _list_url(year=year)) for year in sorted(by_year)
    ]
    undated = total - sum(by_year.values())
    if undated > 0 and year_rows:
        year_rows.append(Row(_("Year not recorded"), undated, "year-unknown"))

    return {
        "status": bar_chart("by-status", _("Recommendations by status"), status_rows, rtl=rtl),
        "completion": bar_chart(
            "by-completion", _("Recommendations by completion level"), completion_rows, rtl=rtl
        )
        if total
        else BarChart("by-completion", ""),
        "body": bar_chart("by-body", _("Recommendations by responsible body"), body_rows, rtl=rtl),
        "year": bar_chart("by-year", _("Recommendations by year of adoption"), year_rows, rtl=rtl),
    }


def glance(viewer: Viewer, today: dt.date) -> dict[str, Any]:
    """What is overdue (by lead side and by body) and what is due next, among what the viewer
    may see."""
    recommendations = Recommendation.objects.visible_to(viewer)
    return {
        "overdue": overdue_summary(recommendations, viewer, today),
        "due_next": list(recommendations.due_from(today)[:DUE_NEXT]),
    }


def meetings(viewer: Viewer, today: dt.date) -> dict[str, list[Meeting]]:
    visible = Meeting.objects.visible_to(viewer).for_listing()
    return {
        "next_meetings": list(visible.upcoming(today)[:3]),
        "last_meetings": list(
            visible.filter(status=MeetingStatus.HELD, start_date__lte=today).order_by(
                "-start_date", "-pk"
            )[:3]
        ),
    }


def latest_progress(viewer: Viewer) -> list[ProgressUpdate]:
    return list(
        ProgressUpdate.objects.visible_to(viewer)
        .published()
        .select_related("recommendation")
        .order_by("-published_at", "-pk")[:5]
    )
