"""What a member's dashboard shows, read in a fixed number of queries whatever the volume."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from committee.bilateral import Decision
from committee.meetings.models import Meeting
from committee.people.models import User
from committee.recommendations.models import (
    ProgressUpdate,
    PublicationRequest,
    Recommendation,
    RecommendationQuerySet,
    Status,
    StatusChange,
    UpdateState,
)
from committee.recommendations.overdue import Overdue, overdue_summary
from committee.subcommittees.models import Membership

DUE_SOON_DAYS = 30
LIST_LIMIT = 200
SHORT_LIMIT = 20
AWAITING_AT_A_GLANCE = 2


@dataclass
class Dashboard:
    memberships: list[Membership]
    by_status: list[tuple[str, int, list[Recommendation]]]
    total: int
    overdue: list[Recommendation]
    due_soon: list[Recommendation]
    awaiting_changes: list[StatusChange]
    awaiting_publications: list[PublicationRequest]
    my_proposals: list[StatusChange]
    drafts: list[ProgressUpdate]
    activity: list[tuple[dt.datetime, str, Any]]
    #: Every overdue recommendation the user may see (the recommendations list's own count).
    overdue_summary: Overdue
    next_meeting: Meeting | None

    @property
    def awaiting_count(self) -> int:
        return len(self.awaiting_changes) + len(self.awaiting_publications)

    @property
    def awaiting_first(self) -> list[tuple[str, StatusChange | PublicationRequest]]:
        """The first proposals waiting for the user's delegation, shown at a glance, each with
        its kind ("change" or "publication")."""
        proposals: list[tuple[str, StatusChange | PublicationRequest]] = [
            ("change", change) for change in self.awaiting_changes
        ]
        proposals += [("publication", request) for request in self.awaiting_publications]
        return proposals[:AWAITING_AT_A_GLANCE]


def mine(user: User) -> RecommendationQuerySet:
    return Recommendation.objects.actionable_by(user)


def awaiting_publications(user: User, recommendations: RecommendationQuerySet) -> Any:
    """Pending publication requests about records of ``recommendations`` for the user's side."""
    updates = ProgressUpdate.objects.visible_to(user).filter(recommendation__in=recommendations)
    return (
        PublicationRequest.objects.awaiting(user.side)
        .filter(
            Q(
                content_type=ContentType.objects.get_for_model(Recommendation),
                object_id__in=recommendations.values("pk"),
            )
            | Q(
                content_type=ContentType.objects.get_for_model(ProgressUpdate),
                object_id__in=updates.values("pk"),
            )
        )
        .select_related("proposed_by__person", "content_type")
        .prefetch_related("record")
    )


def build(user: User, today: dt.date) -> Dashboard:
    recommendations = mine(user)
    memberships = (
        list(
            Membership.objects.current()
            .visible_to(user)
            .filter(person_id=user.person_id, side=user.side)
            .select_related("body")
        )
        if user.person_id
        else []
    )
    counts = dict(
        recommendations.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    order = {status: index for index, status in enumerate(Status.values)}
    listed = sorted(
        recommendations.for_listing().order_by("reference")[:LIST_LIMIT],
        key=lambda r: order[r.status],
    )
    by_status = [
        (status, counts.get(status, 0), list(group))
        for status, group in groupby(listed, key=lambda r: r.status)
    ]
    changes = StatusChange.objects.visible_to(user).filter(recommendation__in=recommendations)
    decided = changes.filter(decision__in=[Decision.CONFIRMED, Decision.EFFECTIVE])
    published = ProgressUpdate.objects.visible_to(user).published()
    activity = [
        (change.decided_at, "status", change)
        for change in decided.select_related(
            "recommendation", "proposed_by__person", "decided_by__person"
        ).order_by("-decided_at")[:10]
        if change.decided_at
    ] + [
        (update.published_at, "progress", update)
        for update in published.filter(recommendation__in=recommendations)
        .select_related("recommendation", "author")
        .order_by("-published_at")[:10]
        if update.published_at
    ]
    activity.sort(key=lambda row: row[0], reverse=True)
    return Dashboard(
        memberships=memberships,
        by_status=by_status,
        total=sum(counts.values()),
        overdue=list(
            recommendations.overdue(today).for_listing().order_by("due_date")[:SHORT_LIMIT]
        ),
        due_soon=list(
            recommendations.due_within(today, DUE_SOON_DAYS)
            .for_listing()
            .order_by("due_date")[:SHORT_LIMIT]
        ),
        awaiting_changes=list(
            changes.awaiting(user.side)
            .select_related("recommendation", "proposed_by__person", "superseded_by")
            .order_by("proposed_at")[:LIST_LIMIT]
        ),
        awaiting_publications=list(awaiting_publications(user, recommendations)[:LIST_LIMIT]),
        my_proposals=list(
            changes.pending()
            .filter(proposed_side=user.side)
            .select_related("recommendation", "proposed_by__person")[:LIST_LIMIT]
        ),
        drafts=list(
            ProgressUpdate.objects.visible_to(user)
            .filter(author=user, state=UpdateState.DRAFT)
            .select_related("recommendation")[:LIST_LIMIT]
        ),
        activity=activity[:15],
        overdue_summary=overdue_summary(Recommendation.objects.visible_to(user), user, today),
        next_meeting=Meeting.objects.visible_to(user).for_listing().upcoming(today).first(),
    )
