"""The public site's pages that belong to no single domain app, and operational endpoints."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from committee.fulltext import MAX_QUERY_LENGTH
from committee.meetings.models import Meeting
from committee.public import calendars, opendata
from committee.public import home as home_page
from committee.public.feeds import requested_language
from committee.public.search import KINDS
from committee.public.search import search as run_search
from committee.subcommittees.models import Body


@login_not_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    viewer = request.user
    today = timezone.localdate()
    context = {
        "charts": home_page.charts(viewer),
        **home_page.glance(viewer, today),
        **home_page.meetings(viewer, today),
        "progress": home_page.latest_progress(viewer),
    }
    return render(request, "site/home.html", context)


@login_not_required
@require_safe
def search(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")
    only = request.GET.get("type") or None
    errors = []
    if "\x00" in text:
        errors.append(
            _("The search contained characters that cannot be searched; they were left out.")
        )
        text = text.replace("\x00", " ")
    if len(text) > MAX_QUERY_LENGTH:
        errors.append(
            _("Only the first %(count)d characters of the search were used.")
            % {"count": MAX_QUERY_LENGTH}
        )
        text = text[:MAX_QUERY_LENGTH]
    if only is not None and only not in KINDS:
        errors.append(_("Unknown kind of record; all kinds were searched."))
        only = None
    results = run_search(text, request.user, only=only, page=request.GET.get("page"))
    context = {
        "q": text.strip(),
        "only": only,
        "kinds": KINDS,
        "results": results,
        "page": results.page,
        "errors": errors,
    }
    return render(request, "site/search.html", context)


@login_not_required
@require_safe
def open_data(request: HttpRequest) -> HttpResponse:
    return render(request, "site/open_data.html", {"collections": opendata.COLLECTIONS})


@login_not_required
@require_safe
def open_data_json(request: HttpRequest) -> StreamingHttpResponse:
    """The whole public document, as ``manage.py export_data --format json`` writes it."""
    response = StreamingHttpResponse(
        (chunk.encode("utf-8") for chunk in opendata.json_document(None, None)),
        content_type="application/json",
    )
    response["Content-Disposition"] = 'inline; filename="committee.json"'
    return response


@login_not_required
@require_safe
def open_data_csv(request: HttpRequest, collection: str) -> StreamingHttpResponse:
    if collection not in opendata.COLLECTIONS:
        raise Http404
    chosen = opendata.COLLECTIONS[collection]
    return opendata.attachment(
        chosen.csv_lines(chosen.queryset(None), None),
        f"{collection}.csv",
        "text/csv; charset=utf-8",
    )


def _calendar(request: HttpRequest, meetings: object, name: str) -> HttpResponse:
    base_url = f"{request.scheme}://{request.get_host()}"
    lines = calendars.calendar_lines(
        meetings,  # type: ignore[arg-type]
        name=name,
        base_url=base_url,
        host=request.get_host().split(":")[0],
        proposed_host=Meeting.objects.public().proposed_host_side(),
    )
    response = HttpResponse("".join(lines), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="committee.ics"'
    return response


@login_not_required
@require_safe
def calendar(request: HttpRequest) -> HttpResponse:
    """Every public meeting (calendars are shared and subscribed to without a login)."""
    with translation.override(requested_language(request)):
        meetings = Meeting.objects.public().order_by("start_date", "pk")
        return _calendar(request, meetings, _("Security cooperation committee: meetings"))


@login_not_required
@require_safe
def body_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    with translation.override(requested_language(request)):
        body = get_object_or_404(Body.objects.public(), pk=pk)
        meetings = Meeting.objects.public().filter(body=body).order_by("start_date", "pk")
        return _calendar(request, meetings, str(body.name))
