"""Who is told what, in which language: proposals waiting for a delegation, reminders of
what is due, overdue, stale or still awaiting confirmation (docs/design.md §1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from committee.bilateral import Role, Side, is_visible
from committee.people.models import User
from committee.recommendations.models import (
    PublicationRequest,
    Recommendation,
    ReminderKind,
    StatusChange,
    UpdateState,
)
from committee.subcommittees.models import MembershipRole

DUE_SOON_DAYS = 30
STALE_DAYS = 90
PENDING_REMINDER_DAYS = 7
#: The seats that answer for a body to the other delegation and are told what is due.
ANSWERING_ROLES = (MembershipRole.CO_CHAIR, MembershipRole.FOCAL_POINT)


@dataclass
class Notice:
    """One e-mail to be sent once: ``kind`` and ``key`` name the occasion."""

    kind: str
    key: str
    recommendation: Recommendation
    recipients: list[User]
    context: dict[str, Any] = field(default_factory=dict)


def sees(user: User, recommendation: Recommendation) -> bool:
    return Recommendation.objects.visible_to(user).filter(pk=recommendation.pk).exists()


def answering_for(recommendation: Recommendation, side: str, about: Any = None) -> list[User]:
    """The co-chair and focal points of the responsible body for ``side``; without any (or
    without a body), that delegation's secretariat. Only those who may see the recommendation
    and, when the notice is about another record (a proposal, the record it would publish),
    that record too."""
    users = User.objects.none()
    if recommendation.body_id is not None:
        users = User.objects.filter(
            is_active=True,
            side=side,
            person__memberships__body_id=recommendation.body_id,
            person__memberships__side=side,
            person__memberships__end_date__isnull=True,
            person__memberships__role__in=ANSWERING_ROLES,
        ).distinct()
    found = list(users) or list(
        User.objects.filter(is_active=True, side=side, role=Role.SECRETARIAT)
    )
    return [
        user
        for user in found
        if user.email and sees(user, recommendation) and (about is None or is_visible(user, about))
    ]


def owners(recommendation: Recommendation) -> list[User]:
    """Who answers for a recommendation in both delegations."""
    return [user for side in Side.values for user in answering_for(recommendation, side)]


def proposal_notice(kind: str, pk: int) -> Notice | None:
    """The notice for a proposal waiting for the other delegation, if it still waits."""
    if kind == "status_change":
        change = StatusChange.objects.select_related("recommendation", "proposed_by").get(pk=pk)
        if change.decision != "pending":
            return None
        return Notice(
            ReminderKind.PROPOSAL,
            f"status:{pk}",
            change.recommendation,
            answering_for(change.recommendation, _other(change.proposed_side), change),
            {"change": change},
        )
    request = PublicationRequest.objects.select_related("proposed_by").get(pk=pk)
    recommendation = _recommendation_of(request.record)
    if request.decision != "pending" or recommendation is None:
        return None
    return Notice(
        ReminderKind.PROPOSAL,
        f"publication:{pk}",
        recommendation,
        answering_for(recommendation, _other(request.proposed_side), request.record),
        {"publication": request},
    )


def _other(side: str) -> str:
    return Side.ES if side == Side.MA else Side.MA


def _recommendation_of(record: Any) -> Recommendation | None:
    if isinstance(record, Recommendation):
        return record
    related = getattr(record, "recommendation", None)
    return related if isinstance(related, Recommendation) else None


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def due_reminders(today: dt.date) -> Iterator[Notice]:
    """Every reminder that is due today; ``send_reminders`` sends those not sent before."""
    open_recommendations = Recommendation.objects.open().select_related("body")
    for rec in open_recommendations.overdue(today):
        yield Notice(ReminderKind.OVERDUE, f"{rec.pk}:{rec.due_date}", rec, owners(rec))
    for rec in open_recommendations.due_within(today, DUE_SOON_DAYS):
        yield Notice(ReminderKind.DUE_SOON, f"{rec.pk}:{rec.due_date}", rec, owners(rec))
    stale_before = _start_of(today - dt.timedelta(days=STALE_DAYS))
    stale = (
        open_recommendations.annotate(
            last_published=Max(
                "progress_updates__published_at",
                filter=Q(progress_updates__state=UpdateState.PUBLISHED),
            )
        )
        .filter(created_at__lt=stale_before)
        .filter(Q(last_published__isnull=True) | Q(last_published__lt=stale_before))
    )
    for rec in stale:
        last: dt.datetime | None = getattr(rec, "last_published", None)
        since = last.date() if last else "never"
        yield Notice(ReminderKind.STALE, f"{rec.pk}:{since}", rec, owners(rec))
    waiting_since = _start_of(today - dt.timedelta(days=PENDING_REMINDER_DAYS))
    for change in (
        StatusChange.objects.pending()
        .filter(proposed_at__lt=waiting_since)
        .select_related("recommendation", "proposed_by")
    ):
        yield Notice(
            ReminderKind.PENDING,
            f"status:{change.pk}",
            change.recommendation,
            answering_for(change.recommendation, _other(change.proposed_side), change),
            {"change": change},
        )
    for request in PublicationRequest.objects.pending().filter(proposed_at__lt=waiting_since):
        recommendation = _recommendation_of(request.record)
        if recommendation is not None:
            yield Notice(
                ReminderKind.PENDING,
                f"publication:{request.pk}",
                recommendation,
                answering_for(recommendation, _other(request.proposed_side), request.record),
                {"publication": request},
            )


def render_notice(notice: Notice, recipient: User) -> EmailMessage:
    """The e-mail for one recipient, in their preferred language."""
    with translation.override(recipient.preferred_language):
        context = {
            **notice.context,
            "kind": notice.kind,
            "recipient": recipient,
            "recommendation": notice.recommendation,
            "url": settings.SITE_URL
            + reverse("member-recommendation", args=[notice.recommendation.reference]),
            "dashboard_url": settings.SITE_URL + reverse("me"),
        }
        subject = render_to_string("members/email/subject.txt", context).strip()
        body = render_to_string("members/email/body.txt", context)
    return EmailMessage(" ".join(subject.split()), body, to=[recipient.email])
