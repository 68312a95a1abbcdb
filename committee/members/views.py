"""The members' area (``/me/…``): dashboard, progress updates, two-key decisions, evidence.

Every record is loaded through ``visible_to(request.user)``: what a member may not see answers
404. What they see but may not act on answers 403. Writes go through ``services``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from committee.bilateral import Decision, Visibility
from committee.languages import active_language
from committee.members import dashboard
from committee.members.forms import (
    OptionalReasonForm,
    ProgressForm,
    StatusProposalForm,
)
from committee.people.models import User
from committee.recommendations import services
from committee.recommendations.models import (
    Evidence,
    ProgressUpdate,
    Recommendation,
    StatusChange,
    UpdateState,
)
from committee.recommendations.successors import status_reason_for, successor_for
from committee.web import pagecache

FORM_OR_POST = require_http_methods(["GET", "HEAD", "POST"])


def member(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # LoginRequiredMiddleware runs first
    return user


def _recommendation(request: HttpRequest, reference: str) -> Recommendation:
    return get_object_or_404(
        Recommendation.objects.visible_to(request.user).select_related("body"),
        reference=reference,
    )


def _apply_errors(form: Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def conflict_page(request: HttpRequest, *, title: str, back: str, rows: list[Any]) -> HttpResponse:
    """Someone saved first: show what is saved now beside what this user sent; keep nothing."""
    context = {"title": title, "back": back, "rows": rows}
    return render(request, "members/conflict.html", context, status=409)


@require_safe
@transaction.non_atomic_requests  # reads only: no transaction round trips around a kept page
def me(request: HttpRequest) -> HttpResponse:
    user = member(request)

    def page() -> HttpResponse:
        context = {"dashboard": dashboard.build(user, timezone.localdate())}
        return render(request, "members/dashboard.html", context)

    return pagecache.member_page(request, ("dashboard",), page)


@require_safe
def recommendation(request: HttpRequest, reference: str) -> HttpResponse:
    """A recommendation as a member works on it: status history, updates and drafts, actions."""
    user = member(request)
    rec = _recommendation(request, reference)
    updates = (
        ProgressUpdate.objects.visible_to(user)
        .filter(recommendation=rec)
        .filter(Q(state=UpdateState.PUBLISHED) | Q(author=user))
        .select_related("author__person", "corrects")
        .prefetch_related("evidence")
    )
    history = list(
        StatusChange.objects.visible_to(user)
        .filter(recommendation=rec)
        .select_related("proposed_by__person", "decided_by__person", "superseded_by__body")
    )
    for change in history:
        change.shown_successor = successor_for(change, user)  # type: ignore[attr-defined]
    context = {
        "recommendation": rec,
        "status_reason": status_reason_for(rec, user),
        "updates": updates,
        "history": history,
    }
    return render(request, "members/recommendation.html", context)


# --- Progress -----------------------------------------------------------------------------------


def _progress_values(form: ProgressForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "as_of": data["as_of"],
        "narrative": data["narrative"],
        "language": data["language"],
        "proposed_completion": data["proposed_completion"],
        "visibility": data["visibility"],
        "evidence": data["evidence"],
    }


@FORM_OR_POST
def progress_create(request: HttpRequest, reference: str) -> HttpResponse:
    user = member(request)
    rec = _recommendation(request, reference)
    corrects = None
    if "corrects" in request.GET:
        corrects = get_object_or_404(
            ProgressUpdate.objects.visible_to(user).published(),
            pk=request.GET["corrects"] if request.GET["corrects"].isdigit() else 0,
            recommendation=rec,
        )
    if not services.may_report_progress(user, rec):
        raise PermissionDenied
    initial = {}
    if corrects is not None:
        initial = {"narrative": str(corrects.narrative), "language": corrects.original_language}
    form = ProgressForm(request.POST or None, request.FILES or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.record_progress(
                recommendation=rec, author=user, corrects=corrects, **_progress_values(form)
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            if "publish" in request.POST:
                services.publish_progress(update=update, by=user)
                messages.success(request, _("Your progress update is published."))
            else:
                messages.success(request, _("Your draft is saved."))
            return redirect("member-recommendation", reference=rec.reference)
    context = {"recommendation": rec, "form": form, "corrects": corrects}
    return render(request, "members/progress_form.html", context)


def _own_draft(request: HttpRequest, pk: int) -> ProgressUpdate:
    update = get_object_or_404(
        ProgressUpdate.objects.visible_to(request.user).select_related("recommendation"), pk=pk
    )
    if update.author_id != request.user.pk:
        raise Http404  # another member's draft does not exist for this user
    return update


@FORM_OR_POST
def progress_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = member(request)
    update = _own_draft(request, pk)
    rec = update.recommendation
    if update.state != UpdateState.DRAFT:
        messages.info(request, _("A published update cannot be changed; publish a correction."))
        return redirect("member-recommendation", reference=rec.reference)
    initial = {
        "as_of": update.as_of,
        "language": update.original_language,
        "narrative": str(update.narrative),
        "proposed_completion": update.proposed_completion,
        "visibility": update.visibility,
        "seen_version": update.version,
    }
    form = ProgressForm(request.POST or None, request.FILES or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.edit_progress(
                update=update,
                by=user,
                seen_version=form.cleaned_data["seen_version"],
                **_progress_values(form),
            )
            if "publish" in request.POST:
                services.publish_progress(update=update, by=user, seen_version=update.version)
        except services.StaleEdit as stale:
            current: Any = stale.current
            return conflict_page(
                request,
                title=_("This draft was saved elsewhere after you opened it"),
                back=reverse("progress-edit", args=[update.pk]),
                rows=[
                    (_("Situation as of"), current.as_of, form.cleaned_data["as_of"]),
                    (_("What has been done"), current.narrative, form.cleaned_data["narrative"]),
                    (
                        _("Completion you propose"),
                        current.get_proposed_completion_display(),
                        form.cleaned_data["proposed_completion"],
                    ),
                    (
                        _("Who may read it"),
                        current.get_visibility_display(),
                        Visibility(form.cleaned_data["visibility"]).label,
                    ),
                ],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Your draft is saved."))
            return redirect("member-recommendation", reference=rec.reference)
    context = {"recommendation": rec, "form": form, "update": update}
    return render(request, "members/progress_form.html", context)


@require_POST
def progress_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = member(request)
    update = _own_draft(request, pk)
    try:
        services.publish_progress(update=update, by=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your progress update is published."))
    return redirect("member-recommendation", reference=update.recommendation.reference)


@require_safe
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence file, only for those who may see its update, always as a download."""
    user = member(request)
    shown_updates = ProgressUpdate.objects.filter(Q(state=UpdateState.PUBLISHED) | Q(author=user))
    evidence = get_object_or_404(
        Evidence.objects.visible_to(user).filter(progress_update__in=shown_updates), pk=pk
    )
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- Status changes -----------------------------------------------------------------------------


@FORM_OR_POST
def status_propose(request: HttpRequest, reference: str) -> HttpResponse:
    user = member(request)
    rec = _recommendation(request, reference)
    if not services.may_propose_status_change(user, rec):
        raise PermissionDenied
    form = StatusProposalForm(request.POST or None, recommendation=rec, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = services.propose_status_change(
                recommendation=rec,
                by=user,
                to_status=data["to_status"],
                reason=data["reason"],
                completion=data["completion"],
                superseded_by=data["superseded_by"],
                seen_version=data["seen_version"],
                language=active_language(),
            )
        except services.StaleEdit as stale:
            current: Any = stale.current
            return conflict_page(
                request,
                title=_("This recommendation changed after you opened it"),
                back=reverse("status-propose", args=[rec.reference]),
                rows=[
                    (_("Status"), current.get_status_display(), rec.get_status_display()),
                    (_("Completion"), current.get_completion_display(), data["completion"]),
                ],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            if change.decision == Decision.EFFECTIVE:
                messages.success(request, _("The status is changed."))
            else:
                messages.success(
                    request, _("Your proposal now waits for the other delegation's confirmation.")
                )
            return redirect("member-recommendation", reference=rec.reference)
    context = {"recommendation": rec, "form": form}
    return render(request, "members/status_form.html", context)


# --- Publication --------------------------------------------------------------------------------


def _publishable(request: HttpRequest, kind: str, pk: int) -> tuple[Any, Recommendation]:
    if kind == "recommendation":
        rec = get_object_or_404(Recommendation.objects.visible_to(request.user), pk=pk)
        return rec, rec
    if kind == "progress":
        update = get_object_or_404(
            ProgressUpdate.objects.visible_to(request.user)
            .published()
            .select_related("recommendation"),
            pk=pk,
        )
        return update, update.recommendation
    raise Http404


@FORM_OR_POST
def publication_propose(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    user = member(request)
    record, rec = _publishable(request, kind, pk)
    if not services.may_propose_publication(user, record):
        raise PermissionDenied
    form = OptionalReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_publication(
                record=record,
                by=user,
                reason=form.cleaned_data["reason"],
                language=active_language(),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request, _("Your proposal now waits for the other delegation's confirmation.")
            )
            return redirect("member-recommendation", reference=rec.reference)
    context = {"record": record, "recommendation": rec, "form": form}
    return render(request, "members/publication_form.html", context)
