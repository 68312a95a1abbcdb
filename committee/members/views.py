"""The members' area (``/me/…``): dashboard, progress updates, two-key decisions, evidence.

Every record is loaded through ``visible_to(request.user)``: what a member may not see answers
404. What they see but may not act on answers 403. Writes go through ``services``.
"""

from __future__ import annotations

from collections.abc import Callable
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
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from committee.bilateral import Decision, Visibility
from committee.members import dashboard
from committee.members.forms import (
    OptionalReasonForm,
    ProgressForm,
    ReasonForm,
    StatusProposalForm,
)
from committee.people.models import User
from committee.recommendations import services
from committee.recommendations.models import (
    Evidence,
    ProgressUpdate,
    PublicationRequest,
    Recommendation,
    StatusChange,
    UpdateState,
)
from committee.recommendations.successors import status_reason_for, successor_for
from committee.two_keys import TwoKeyProposal
from committee.web import pagecache

FORM_OR_POST = require_http_methods(["GET", "HEAD", "POST"])


def _member(request: HttpRequest) -> User:
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


def _conflict(request: HttpRequest, *, title: str, back: str, rows: list[Any]) -> HttpResponse:
    """Someone saved first: show what is saved now beside what this user sent; keep nothing."""
    context = {"title": title, "back": back, "rows": rows}
    return render(request, "members/conflict.html", context, status=409)


#: What a two-key decision page accepts, and how the conflict page names each.
DECISION_ACTIONS = {
    "confirm": gettext_lazy("Confirm"),
    "reject": gettext_lazy("Reject"),
    "withdraw": gettext_lazy("Withdraw the proposal"),
}


def _decide(
    request: HttpRequest,
    *,
    proposal: TwoKeyProposal,
    act: Callable[[str, str], str],
    page: Callable[[ReasonForm, list[str], int], HttpResponse],
    back: str,
    done: str,
) -> HttpResponse:
    """The POST of a two-key decision page, for status changes and publication requests alike.

    ``act(action, reason)`` calls the service and returns the message of success. A proposal
    decided or withdrawn already (twice, or by someone else between the page and the POST)
    answers 409; a POST that is not one of the page's forms answers 400; a refusal by the
    service (a reason missing, a successor one may not see) shows the page again with it.
    """
    if request.method != "POST":
        return page(ReasonForm(), [], 200)
    action = request.POST.get("action", "")
    if action not in DECISION_ACTIONS or (action == "reject" and "reason" not in request.POST):
        return page(ReasonForm(), [_("Choose to confirm or to reject, with a reason.")], 400)
    form = ReasonForm(request.POST if action == "reject" else None)
    if action == "reject" and not form.is_valid():
        return page(form, [], 200)
    try:
        message = act(action, form.cleaned_data["reason"] if action == "reject" else "")
    except (services.AlreadyDecided, services.StaleEdit) as conflict:
        return _decision_conflict(request, proposal, conflict, DECISION_ACTIONS[action], back)
    except ValidationError as error:
        return page(ReasonForm(), list(error.messages), 400)
    messages.success(request, message)
    return redirect(done)


def _decision_conflict(
    request: HttpRequest, proposal: TwoKeyProposal, conflict: Exception, sent: Any, back: str
) -> HttpResponse:
    """409: the proposal was decided or withdrawn first, or its recommendation changed."""
    if isinstance(conflict, services.StaleEdit):
        current: Any = conflict.current
        title = _("The recommendation changed since this proposal was made.")
        rows = [(_("Status"), current.get_status_display(), sent)]
    else:
        proposal.refresh_from_db()
        decided: Any = proposal
        title = _("This proposal was decided before your decision reached us")
        rows = [(_("Decision"), decided.get_decision_display(), sent)]
    return _conflict(request, title=title, back=back, rows=rows)


@require_safe
@transaction.non_atomic_requests  # reads only: no transaction round trips around a kept page
def me(request: HttpRequest) -> HttpResponse:
    user = _member(request)

    def page() -> HttpResponse:
        context = {"dashboard": dashboard.build(user, timezone.localdate())}
        return render(request, "members/dashboard.html", context)

    return pagecache.member_page(request, ("dashboard",), page)


@require_safe
def recommendation(request: HttpRequest, reference: str) -> HttpResponse:
    """A recommendation as a member works on it: status history, updates and drafts, actions."""
    user = _member(request)
    rec = _recommendation(request, reference)
    updates = (
        ProgressUpdate.objects.visible_to(user)
        .filter(recommendation=rec)
        .filter(Q(state=UpdateState.PUBLISHED) | Q(author=user))
        .select_related("author", "corrects")
        .prefetch_related("evidence")
    )
    history = list(
        StatusChange.objects.visible_to(user)
        .filter(recommendation=rec)
        .select_related("proposed_by", "decided_by", "superseded_by__body")
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
    user = _member(request)
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
    user = _member(request)
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
            return _conflict(
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
    user = _member(request)
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
    user = _member(request)
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
    user = _member(request)
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
            )
        except services.StaleEdit as stale:
            current: Any = stale.current
            return _conflict(
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


@FORM_OR_POST
def status_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or reject (with a reason) the other delegation's proposal; or withdraw one's own."""
    user = _member(request)
    change = get_object_or_404(
        StatusChange.objects.visible_to(user).select_related(
            "recommendation", "proposed_by", "superseded_by__body"
        ),
        pk=pk,
    )

    def act(action: str, reason: str) -> str:
        if action == "confirm":
            services.confirm_status_change(change=change, by=user)
            return _("Confirmed: the status is changed.")
        if action == "withdraw":
            services.withdraw_status_change(change=change, by=user)
            return _("Your proposal is withdrawn.")
        services.reject_status_change(change=change, by=user, reason=reason)
        return _("The proposal is rejected.")

    def page(form: ReasonForm, errors: list[str], status: int) -> HttpResponse:
        context = {
            "change": change,
            "recommendation": change.recommendation,
            "successor": successor_for(change, user),
            "form": form,
            "errors": errors,
            "may_decide": services.may_confirm(user, change),
            "may_withdraw": services.may_withdraw(user, change),
        }
        return render(request, "members/status_decide.html", context, status=status)

    return _decide(
        request,
        proposal=change,
        act=act,
        page=page,
        back=reverse("status-decide", args=[change.pk]),
        done=reverse("member-recommendation", args=[change.recommendation.reference]),
    )


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
    user = _member(request)
    record, rec = _publishable(request, kind, pk)
    if not services.may_propose_publication(user, record):
        raise PermissionDenied
    form = OptionalReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_publication(record=record, by=user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request, _("Your proposal now waits for the other delegation's confirmation.")
            )
            return redirect("member-recommendation", reference=rec.reference)
    context = {"record": record, "recommendation": rec, "form": form}
    return render(request, "members/publication_form.html", context)


@FORM_OR_POST
def publication_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = _member(request)
    publication = get_object_or_404(
        PublicationRequest.objects.select_related("proposed_by", "decided_by"), pk=pk
    )
    record = publication.record
    manager: Any = type(record)._default_manager if record is not None else None
    if record is None or not manager.visible_to(user).filter(pk=record.pk).exists():
        raise Http404
    rec = services.recommendation_of(record)

    def act(action: str, reason: str) -> str:
        if action == "confirm":
            services.confirm_publication(request=publication, by=user)
            return _("Confirmed: the record is now public.")
        if action == "withdraw":
            services.withdraw_publication(request=publication, by=user)
            return _("Your proposal is withdrawn.")
        services.reject_publication(request=publication, by=user, reason=reason)
        return _("The proposal is rejected.")

    def page(form: ReasonForm, errors: list[str], status: int) -> HttpResponse:
        context = {
            "publication": publication,
            "record": record,
            "recommendation": rec,
            "form": form,
            "errors": errors,
            "may_decide": services.may_confirm(user, publication),
            "may_withdraw": services.may_withdraw(user, publication),
        }
        return render(request, "members/publication_decide.html", context, status=status)

    return _decide(
        request,
        proposal=publication,
        act=act,
        page=page,
        back=reverse("publication-decide", args=[publication.pk]),
        done=reverse("member-recommendation", args=[rec.reference]) if rec else reverse("me"),
    )
