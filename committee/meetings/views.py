"""Public pages of meetings: the list, one meeting, and its documents (as attachments)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from committee.meetings.filters import MeetingFilter
from committee.meetings.models import (
    AgendaItem,
    Document,
    Meeting,
    Participation,
    Statement,
)
from committee.people.models import Organization, Person
from committee.recommendations.models import ActionPlan, Recommendation
from committee.site.listing import filter_errors
from committee.sources.models import Citation, SourceDocument
from committee.subcommittees.models import Body

#: Recommendations shown on a meeting's page; the rest are one click away in the filtered list.
RECOMMENDATIONS_SHOWN = 100


@login_not_required
@require_safe
def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.visible_to(request.user).for_listing()
    filterset = MeetingFilter(request.GET or None, queryset=meetings)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/list.html",
        {"filter": filterset, "page": page, "errors": filter_errors(filterset)},
    )


@login_not_required
@require_safe
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = request.user
    meeting = get_object_or_404(
        Meeting.objects.visible_to(viewer)
        .select_related("body")
        .prefetch_related(Prefetch("organizers", Organization.objects.visible_to(viewer))),
        pk=pk,
    )
    recommendations = (
        Recommendation.objects.visible_to(viewer)
        .filter(adoptions__meeting=meeting)
        .annotate(adoption_kind=F("adoptions__kind"))
        .for_listing()
        .order_by("reference")
    )
    citations = Citation.objects.visible_to(viewer).of(meeting)
    context = {
        "meeting": meeting,
        "agenda": AgendaItem.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .prefetch_related(Prefetch("presenters", Person.objects.visible_to(viewer))),
        "participations": Participation.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .select_related("person")
        .order_by("side", "role", "person__name_en", "pk"),
        "statements": Statement.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .select_related("person"),
        "recommendations": recommendations[:RECOMMENDATIONS_SHOWN],
        "recommendation_count": recommendations.count(),
        "documents": Document.objects.visible_to(viewer).filter(meeting=meeting),
        "bodies_created": Body.objects.visible_to(viewer).filter(created_at_meeting=meeting),
        "plans": ActionPlan.objects.visible_to(viewer).filter(adopted_at=meeting),
        "sources": SourceDocument.objects.visible_to(viewer).filter(
            pk__in=citations.values("source")
        ),
        "citations": citations.select_related("source"),
    }
    return render(request, "meetings/detail.html", context)


@login_not_required
@require_safe
def document_download(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    """A meeting's document, always as an attachment with the type checked at upload."""
    document = get_object_or_404(
        Document.objects.visible_to(request.user), pk=document_pk, meeting_id=pk
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name or (document.file.name or "document").rsplit("/", 1)[-1],
        content_type=document.content_type or "application/octet-stream",
    )
