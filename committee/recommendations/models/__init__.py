"""The recommendations app's models, one module per part of the follow-up."""

from committee.bilateral import Decision
from committee.recommendations.models.decisions import StatusChange, StatusChangeQuerySet
from committee.recommendations.models.plans import (
    Action,
    ActionPlan,
    ActionPlanQuerySet,
    ActionQuerySet,
    ActionRecommendation,
    PeriodCheck,
    PlanRecommendation,
)
from committee.recommendations.models.progress import (
    Evidence,
    ProgressUpdate,
    ProgressUpdateQuerySet,
    UpdateState,
    evidence_path,
)
from committee.recommendations.models.publication import PublicationRequest
from committee.recommendations.models.recommendation import (
    CLOSED,
    OPEN,
    Adoption,
    AdoptionKind,
    Completion,
    Priority,
    Recommendation,
    RecommendationKind,
    RecommendationQuerySet,
    RecommendationRelation,
    RelationKind,
    Status,
    Theme,
)
from committee.recommendations.models.reminder_log import ReminderKind, ReminderLog
from committee.recommendations.models.reports import (
    FollowUpReport,
    ReportEntry,
    ReportEntryQuerySet,
)

__all__ = [
    "CLOSED",
    "OPEN",
    "Action",
    "ActionPlan",
    "ActionPlanQuerySet",
    "ActionQuerySet",
    "ActionRecommendation",
    "Adoption",
    "AdoptionKind",
    "Completion",
    "Decision",
    "Evidence",
    "FollowUpReport",
    "PeriodCheck",
    "PlanRecommendation",
    "Priority",
    "ProgressUpdate",
    "ProgressUpdateQuerySet",
    "PublicationRequest",
    "Recommendation",
    "RecommendationKind",
    "RecommendationQuerySet",
    "RecommendationRelation",
    "RelationKind",
    "ReminderKind",
    "ReminderLog",
    "ReportEntry",
    "ReportEntryQuerySet",
    "Status",
    "StatusChange",
    "StatusChangeQuerySet",
    "Theme",
    "UpdateState",
    "evidence_path",
]
