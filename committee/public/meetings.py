"""Public pages of meetings: the list, one meeting and its cycle, its minutes, its frozen
follow-up report (page and PDF), and its documents (as attachments)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from committee.languages import active_language
from committee.meetings import services as meeting_services
from committee.meetings.models import (
    AgendaItem,
    Document,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesState,
    Participation,
    Statement,
)
from committee.people.models import Organization, Person, Viewer
from committee.public.listing import filter_errors
from committee.public.meeting_filters import MeetingFilter
from committee.public.pdf import render_pdf
from committee.recommendations import follow_up as follow_up_reads
from committee.recommendations.models import (
    OPEN,
    ActionPlan,
    FollowUpReport,
    PeriodCheck,
    Recommendation,
)
from committee.sources.models import Citation, SourceDocument
from committee.sources.passages import statement_sentence
from committee.subcommittees.models import Body

#: Recommendations shown on a meeting's page; the rest are one click away in the filtered list.
RECOMMENDATIONS_SHOWN = 100
#: The follow-up item on a planned meeting's page lists this many; the rest through the list.
FOLLOW_UP_SHOWN = 200


@login_not_required
@require_safe
def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.visible_to(request.user).for_listing()
    filterset = MeetingFilter(request.GET or None, queryset=meetings)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/list.html",
        {
            "filter": filterset,
            "page": page,
            "errors": filter_errors(filterset),
            "upcoming": list(meetings.upcoming(timezone.localdate())[:5]),
        },
    )


def _visible_meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.visible_to(request.user).select_related("body"), pk=pk)


def _minutes_by_item(meeting: Meeting, viewer: Viewer) -> dict[int | None, list[Minutes]]:
    """The adopted minutes of each agenda item (None: of the whole meeting), the reader's
    language first (1 query)."""
    language = active_language()
    found: dict[int | None, list[Minutes]] = defaultdict(list)
    current = Minutes.objects.visible_to(viewer).filter(meeting=meeting).current()
    for minutes in sorted(current, key=lambda m: (m.language != language, m.language)):
        found[minutes.agenda_item_id].append(minutes)
    return found


def _cycle(meeting: Meeting, viewer: Viewer, decided: Any) -> dict[str, Any]:
    """What the meeting decided, what was reported at it, and what is still open."""
    kinds = Counter(decided.values_list("adoption_kind", flat=True))
    still_open = list(decided.filter(status__in=OPEN)[:RECOMMENDATIONS_SHOWN])
    planned = meeting.status == MeetingStatus.PLANNED
    follow_up = (
        follow_up_reads.follow_up(meeting, viewer, limit=FOLLOW_UP_SHOWN) if planned else None
    )
    open_count = sum(len(group.items) for group in follow_up or [])
    if open_count == FOLLOW_UP_SHOWN:  # the list was cut: count the rest (only then)
        open_count = follow_up_reads.open_on_record(meeting, viewer).count()
    return {
        "decided_count": sum(kinds.values()),
        "adopted_count": kinds.get("adopted", 0),
        "reiterated_count": kinds.get("reiterated", 0),
        "still_open": still_open,
        "period_checks": PeriodCheck.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .select_related("recommendation")
        .order_by("recommendation__reference", "year"),
        "report": FollowUpReport.objects.filter(meeting=meeting).first(),
        "follow_up": follow_up,
        "open_count": open_count,
        "open_shown": FOLLOW_UP_SHOWN,
        "open_list": reverse("recommendation-list")
        + "?"
        + urlencode([("status", status) for status in sorted(OPEN)]),
        "as_of": follow_up_reads.as_of(meeting),
    }


def _statements(meeting: Meeting, viewer: Viewer) -> list[Statement]:
    """The meeting's statements, each shown as the whole sentence(s) its cited words stand in
    when the reader's text is the article's own (2 queries); a translation is shown as it is."""
    statements = Statement.objects.visible_to(viewer).filter(meeting=meeting)
    spans: dict[int, list[Citation]] = defaultdict(list)
    for citation in Citation.objects.visible_to(viewer, of=statements).select_related("source"):
        spans[citation.object_id].append(citation)
    shown = list(statements.select_related("person"))
    sentences: set[str] = set()
    for statement in shown:
        quote = statement.quote
        cited = [c for c in spans.get(statement.pk, []) if c.source.language == quote.language]
        if not cited:
            continue
        source = cited[0].source
        sentence = statement_sentence(
            source.text, [(c.start, c.end) for c in cited if c.source_id == source.pk]
        )
        if sentence and sentence not in sentences:  # two statements of one sentence: as stored
            sentences.add(sentence)
            statement.shown_quote = replace(quote, text=sentence)  # type: ignore[attr-defined]
    return shown


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
    citations = Citation.objects.visible_to(viewer, of=meeting)
    minutes = _minutes_by_item(meeting, viewer)
    agenda = list(
        AgendaItem.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .prefetch_related(Prefetch("presenters", Person.objects.visible_to(viewer)))
    )
    for item in agenda:
        item.adopted_minutes = minutes.get(item.pk, [])  # type: ignore[attr-defined]
    decided = _cycle(meeting, viewer, recommendations)
    context = {
        "meeting": meeting,
        "cycle": decided,
        "agenda": agenda,
        "meeting_minutes": minutes.get(None, []),
        "participations": Participation.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .select_related("person")
        .order_by("side", "role", "person__name_en", "pk"),
        "statements": _statements(meeting, viewer),
        "recommendations": recommendations[:RECOMMENDATIONS_SHOWN],
        "recommendation_count": decided["decided_count"],
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


@login_not_required
@require_safe
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """Every version of the meeting's minutes with its approvals. Drafts and replaced versions
    are shown to the secretariat only; everyone else reads what both delegations adopted."""
    viewer = request.user
    meeting = _visible_meeting(request, pk)
    versions = (
        Minutes.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .select_related("agenda_item")
        .prefetch_related("approvals")
        .order_by("agenda_item__order", "agenda_item_id", "language", "-number")
    )
    if not meeting_services.may_write_minutes(viewer):
        versions = versions.filter(state=MinutesState.ADOPTED)
    current = {m.pk for m in Minutes.objects.visible_to(viewer).filter(meeting=meeting).current()}
    return render(
        request,
        "meetings/minutes.html",
        {"meeting": meeting, "versions": list(versions), "current": current},
    )


def _report_context(request: HttpRequest, pk: int) -> dict[str, Any]:
    meeting = _visible_meeting(request, pk)
    return {"meeting": meeting, "report": follow_up_reads.report(meeting, request.user)}


@login_not_required
@require_safe
def meeting_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The status of the recommendations as of the meeting, as frozen when it was held; a
    meeting without a frozen report says so (and a planned one, when it will have one)."""
    return render(request, "meetings/report.html", _report_context(request, pk))


@login_not_required
@require_safe
def meeting_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The frozen report as a PDF in the reader's language; 404 when none was frozen."""
    context = _report_context(request, pk)
    if context["report"] is None:
        raise Http404
    pdf = render_pdf(request, "meetings/report_pdf.html", context)
    response = HttpResponse(pdf, content_type="application/pdf")
    language = active_language()
    response["Content-Disposition"] = (
        f'inline; filename="follow-up-report-{context["meeting"].pk}-{language}.pdf"'
    )
    return response
