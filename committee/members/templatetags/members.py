"""What a logged-in member may do with a recommendation, for the page that shows it."""

from __future__ import annotations

from typing import Any

from django import template

from committee.bilateral import Visibility
from committee.recommendations import services
from committee.recommendations.models import (
    PublicationRequest,
    Recommendation,
    StatusChange,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def member_actions(context: template.Context, recommendation: Recommendation) -> dict[str, Any]:
    """``may_act``, the pending status proposal and publication request, and whether this user
    is the one to decide on them (``services.may_confirm``)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not getattr(user, "side", ""):
        return {"may_act": False}
    may_act = services.may_report_progress(user, recommendation)
    pending = (
        StatusChange.objects.visible_to(user)
        .filter(recommendation=recommendation)
        .pending()
        .select_related("proposed_by")
        .first()
    )
    publication = PublicationRequest.objects.about(recommendation).pending().first()
    return {
        "may_act": may_act,
        "pending": pending,
        "decides_pending": bool(may_act and pending and services.may_confirm(user, pending)),
        "publication": publication,
        "decides_publication": bool(
            may_act and publication and services.may_confirm(user, publication)
        ),
        "may_propose_publication": bool(
            may_act
            and publication is None
            and recommendation.visibility == Visibility.COMMITTEE
            and services.may_propose_publication(user, recommendation)
        ),
    }
