"""The two-key decision pages (``/me/status-changes/<pk>/``, ``/me/publication-requests/<pk>/``):
confirm or reject the other delegation's proposal, or withdraw one's own.

The deciding member finds on the page what they decide on: the proposal and its reason, the
recommendation's latest progress report with its evidence files, and the sources it cites,
each text in its own language. Everything is read through ``visible_to(user)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from committee.languages import active_language
from committee.members.forms import ReasonForm
from committee.members.views import FORM_OR_POST, conflict_page, member
from committee.people.models import User
from committee.recommendations import services
from committee.recommendations.models import (
    ProgressUpdate,
    PublicationRequest,
    Recommendation,
    StatusChange,
)
from committee.recommendations.successors import successor_for
from committee.sources.models import Citation
from committee.two_keys import TwoKeyProposal


def grounds(
    user: User, recommendation: Recommendation | None, record: Any = None
) -> dict[str, Any]:
    """What a decision rests on: the progress report proposed for publication (``record``)
    or else the latest published one on ``recommendation`` that ``user`` may see, with its
    evidence files, and the sources that cite the recommendation."""
    if recommendation is None:
        return {"latest_update": None, "citations": []}
    updates = (
        ProgressUpdate.objects.visible_to(user)
        .published()
        .filter(recommendation=recommendation)
        .select_related("author__person")
        .prefetch_related("evidence")
    )
    is_record = isinstance(record, ProgressUpdate)
    latest = updates.filter(pk=record.pk).first() if is_record else updates.first()
    citations = Citation.objects.visible_to(user, of=recommendation).select_related("source")
    return {"latest_update": latest, "update_is_record": is_record, "citations": citations}


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
    return conflict_page(request, title=title, back=back, rows=rows)


@FORM_OR_POST
def status_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or reject (with a reason) the other delegation's proposal; or withdraw one's own."""
    user = member(request)
    change = get_object_or_404(
        StatusChange.objects.visible_to(user).select_related(
            "recommendation", "proposed_by__person", "decided_by__person", "superseded_by__body"
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
        services.reject_status_change(
            change=change, by=user, reason=reason, language=active_language()
        )
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
            **grounds(user, change.recommendation),
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


@FORM_OR_POST
def publication_decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = member(request)
    publication = get_object_or_404(
        PublicationRequest.objects.select_related("proposed_by__person", "decided_by__person"),
        pk=pk,
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
        services.reject_publication(
            request=publication, by=user, reason=reason, language=active_language()
        )
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
            **grounds(user, rec, record),
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
