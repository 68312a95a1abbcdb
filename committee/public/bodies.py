"""Public pages of the committee's bodies."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from committee.agreements.models import Agreement
from committee.meetings.models import Meeting
from committee.recommendations.models import ActionPlan, Recommendation, Status
from committee.sources.models import Citation
from committee.subcommittees.models import Body, Membership, MembershipRole

#: Meetings and recommendations shown on a body's page; the lists hold the rest.
SHOWN = 100


@login_not_required
@require_safe
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = (
        Body.objects.visible_to(request.user)
        .for_listing()
        .with_progress(request.user)
        .order_by("kind", "name_en", "name_ar", "pk")
    )
    return render(request, "subcommittees/list.html", {"bodies": bodies})


@login_not_required
@require_safe
def body_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = request.user
    related: list[Prefetch[Any]] = [
        Prefetch("created_at_meeting", queryset=Meeting.objects.visible_to(viewer)),
        Prefetch("created_by_recommendation", queryset=Recommendation.objects.visible_to(viewer)),
    ]
    body = get_object_or_404(
        Body.objects.visible_to(viewer).select_related("parent").prefetch_related(*related),
        pk=pk,
    )
    memberships = (
        Membership.objects.visible_to(viewer)
        .current()
        .filter(body=body)
        .select_related("person")
        .order_by("side", "role", "person__name_en", "pk")
    )
    recommendations = Recommendation.objects.visible_to(viewer).filter(body=body)
    by_status = dict(
        recommendations.order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    meetings = Meeting.objects.visible_to(viewer).filter(body=body)
    context = {
        "body": body,
        "children": Body.objects.visible_to(viewer).filter(parent=body),
        "co_chairs": [m for m in memberships if m.role == MembershipRole.CO_CHAIR],
        "members": [m for m in memberships if m.role != MembershipRole.CO_CHAIR],
        "meetings": meetings[:SHOWN],
        "recommendations": recommendations.for_listing().order_by("reference")[:SHOWN],
        "recommendation_count": sum(by_status.values()),
        "progress": [
            {"status": status, "label": status.label, "count": by_status.get(status.value, 0)}
            for status in Status
            if by_status.get(status.value)
        ],
        "agreements": Agreement.objects.visible_to(viewer).filter(bodies=body),
        "plans": ActionPlan.objects.visible_to(viewer).filter(body=body),
        "citations": Citation.objects.visible_to(viewer, of=body).select_related("source"),
    }
    return render(request, "subcommittees/detail.html", context)
