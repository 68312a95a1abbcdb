"""Public pages of recommendations: the filtered list (and its downloads) and one recommendation."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from committee.agreements.models import Agreement
from committee.bilateral import is_visible
from committee.meetings.models import Meeting
from committee.people.models import Organization, Person, User, Viewer
from committee.public import opendata
from committee.public.listing import filter_errors
from committee.public.recommendation_filters import RecommendationFilter
from committee.recommendations.models import (
    Action,
    ActionPlan,
    Adoption,
    Decision,
    PeriodCheck,
    ProgressUpdate,
    Recommendation,
    RecommendationRelation,
    StatusChange,
)
from committee.recommendations.successors import status_reason_for
from committee.sources.models import Citation
from committee.subcommittees.models import Body

PAGE_SIZE = 50


def _filtered(request: HttpRequest) -> RecommendationFilter:
    recommendations = Recommendation.objects.visible_to(request.user).for_listing()
    return RecommendationFilter(request.GET or None, queryset=recommendations, request=request)


@login_not_required
@require_safe
def recommendation_list(request: HttpRequest) -> HttpResponse:
    filterset = _filtered(request)
    page = Paginator(filterset.sorted_qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "recommendations/list.html",
        {
            "filter": filterset,
            "page": page,
            "recommendations": page.object_list,
            "errors": filter_errors(filterset),
        },
    )


@login_not_required
@require_safe
def recommendation_list_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Exactly the recommendations the list shows for the same filters, as CSV."""
    rows = opendata.RECOMMENDATIONS.csv_lines(_filtered(request).sorted_qs, request.user)
    return opendata.attachment(rows, "recommendations.csv", "text/csv; charset=utf-8")


@login_not_required
@require_safe
def recommendation_list_json(request: HttpRequest) -> StreamingHttpResponse:
    """Exactly the recommendations the list shows for the same filters, as JSON."""
    chunks = opendata.json_document({"recommendations": _filtered(request).sorted_qs}, request.user)
    return opendata.attachment(chunks, "recommendations.json", "application/json")


@dataclass(frozen=True)
class Signatory:
    """One step of a status change, said without exposing accounts: a person the reader may
    see, or else the delegation."""

    side: str
    person: Person | None
    at: object


@dataclass(frozen=True)
class HistoryEntry:
    change: StatusChange
    proposed: Signatory
    decided: Signatory | None


def _signatory(user: User | None, side: str, at: object, viewer: Viewer) -> Signatory:
    person = getattr(user, "person", None) if user is not None else None
    if person is not None and not is_visible(viewer, person):
        person = None
    return Signatory(side=side, person=person, at=at)


def _relations(
    recommendation: Recommendation, visible: QuerySet[Recommendation]
) -> list[RecommendationRelation]:
    """The recommendation's relations whose other end the reader may see.

    Its own relations first (from their indexes), then one lookup by key of the other ends
    among the visible ones: never a scan of every visible recommendation.
    """
    relations = list(
        RecommendationRelation.objects.filter(
            Q(source=recommendation) | Q(target=recommendation)
        ).select_related("source", "target")
    )
    ends = {
        relation.target_id if relation.source_id == recommendation.pk else relation.source_id
        for relation in relations
    }
    seen = set(visible.filter(pk__in=ends).values_list("pk", flat=True)) if ends else set()
    return [
        relation
        for relation in relations
        if (relation.target_id if relation.source_id == recommendation.pk else relation.source_id)
        in seen
    ]


@login_not_required
@require_safe
def recommendation_detail(request: HttpRequest, reference: str) -> HttpResponse:
    viewer = request.user
    recommendation = get_object_or_404(
        Recommendation.objects.visible_to(viewer)
        .select_related("body")
        .prefetch_related(Prefetch("parent", Recommendation.objects.visible_to(viewer))),
        reference=reference,
    )
    visible = Recommendation.objects.visible_to(viewer)
    history = [
        HistoryEntry(
            change=change,
            proposed=_signatory(
                change.proposed_by, change.proposed_side, change.proposed_at, viewer
            ),
            decided=_signatory(change.decided_by, change.decided_side, change.decided_at, viewer)
            if change.decided_at
            else None,
        )
        for change in StatusChange.objects.visible_to(viewer)
        .filter(recommendation=recommendation)
        .select_related("proposed_by__person", "decided_by__person")
        .order_by("proposed_at", "pk")
    ]
    context = {
        "recommendation": recommendation,
        "status_reason": status_reason_for(recommendation, viewer),
        "history": history,
        "pending": [entry for entry in history if entry.change.decision == Decision.PENDING],
        "adoptions": Adoption.objects.filter(
            recommendation=recommendation,
            meeting__in=Meeting.objects.visible_to(viewer),
        )
        .select_related("meeting")
        .order_by("meeting__start_date", "pk"),
        "progress": ProgressUpdate.objects.visible_to(viewer)
        .published()
        .filter(recommendation=recommendation)
        .order_by("-as_of", "-pk"),
        "children": visible.filter(parent=recommendation).order_by("reference"),
        "relations": _relations(recommendation, visible),
        "actions": Action.objects.visible_to(viewer)
        .filter(recommendations=recommendation)
        .select_related("plan")
        .prefetch_related(Prefetch("owner", Organization.objects.visible_to(viewer))),
        "plans": ActionPlan.objects.visible_to(viewer).filter(recommendations=recommendation),
        "agreements": Agreement.objects.visible_to(viewer).filter(recommendations=recommendation),
        "bodies_created": Body.objects.visible_to(viewer).filter(
            created_by_recommendation=recommendation
        ),
        "period_checks": PeriodCheck.objects.visible_to(viewer)
        .filter(recommendation=recommendation)
        .select_related("meeting"),
        "citations": Citation.objects.visible_to(viewer, of=recommendation).select_related(
            "source"
        ),
    }
    return render(request, "recommendations/detail.html", context)
