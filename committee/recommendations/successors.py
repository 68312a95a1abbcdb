"""What superseded a recommendation, as a reader may see it (security review, issue 14 item 3).

A successor is named in three places: the status change that proposed it (``superseded_by``),
the "supersedes" relation, and the reason for the status, which holds its reference when no
other reason was given. Successors are checked to be as widely shared as what they supersede
(``services.status``), but a record written before that rule, or narrowed since, must still not
be named to a reader who may not see it: these helpers leave it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, QuerySet

from committee.bilateral import Reader, is_visible
from committee.recommendations.models import (
    Recommendation,
    RecommendationRelation,
    RelationKind,
    StatusChange,
)

#: The attribute ``hidden_successors_prefetch`` fills.
HIDDEN = "hidden_successors"


def hidden_successors(viewer: Reader | None) -> QuerySet[RecommendationRelation]:
    """The "supersedes" relations whose successor ``viewer`` may not see."""
    return (
        RecommendationRelation.objects.filter(kind=RelationKind.SUPERSEDES)
        .exclude(source__in=Recommendation.objects.visible_to(viewer))
        .select_related("source")
        .only("target_id", "source__reference")
    )


def hidden_successors_prefetch(viewer: Reader | None) -> Prefetch[Any]:
    """For a list of recommendations: their hidden successors, for ``shown_status_reason``."""
    return Prefetch("related_from", hidden_successors(viewer), to_attr=HIDDEN)


def without(reason: str, references: Iterable[str]) -> str:
    """``reason``, or nothing when it names one of ``references``."""
    return "" if any(reference in reason for reference in references) else reason


def shown_status_reason(recommendation: Recommendation) -> str:
    """The reason for the status, or nothing when it names a hidden successor; the
    recommendation was loaded with ``hidden_successors_prefetch``."""
    relations: list[RecommendationRelation] = getattr(recommendation, HIDDEN)
    return without(recommendation.status_reason, (r.source.reference for r in relations))


def status_reason_for(recommendation: Recommendation, viewer: Reader | None) -> str:
    """The reason for the status of one recommendation, as ``viewer`` may read it."""
    reason = recommendation.status_reason
    if not reason:
        return ""
    hidden = hidden_successors(viewer).filter(target=recommendation)
    return without(reason, (relation.source.reference for relation in hidden))


def hidden_references(viewer: Reader | None, targets: Iterable[int]) -> dict[int, list[str]]:
    """For the recommendations ``targets`` (by key): the references of their successors that
    ``viewer`` may not see (one query), for ``without``."""
    hidden: dict[int, list[str]] = {}
    for relation in hidden_successors(viewer).filter(target__in=list(targets)):
        hidden.setdefault(relation.target_id, []).append(relation.source.reference)
    return hidden


def successor_for(change: StatusChange, viewer: Reader | None) -> Recommendation | None:
    """The successor a status change names, if ``viewer`` may see it."""
    successor = change.superseded_by
    return successor if successor is not None and is_visible(viewer, successor) else None
