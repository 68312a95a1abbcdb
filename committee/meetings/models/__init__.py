"""The meetings app's models, one module per part of a meeting's record."""

from committee.meetings.models.agenda import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemQuerySet,
    Participation,
    ParticipationQuerySet,
    ParticipationRole,
    Presenter,
    Statement,
    StatementQuerySet,
)
from committee.meetings.models.documents import (
    Document,
    DocumentKind,
    DocumentQuerySet,
    document_path,
)
from committee.meetings.models.meeting import (
    ROTATING_KINDS,
    Country,
    Meeting,
    MeetingKind,
    MeetingOrganizer,
    MeetingQuerySet,
    MeetingStatus,
)
from committee.meetings.models.minutes import (
    Minutes,
    MinutesApproval,
    MinutesQuerySet,
    MinutesState,
)

__all__ = [
    "ROTATING_KINDS",
    "AgendaItem",
    "AgendaItemKind",
    "AgendaItemQuerySet",
    "Country",
    "Document",
    "DocumentKind",
    "DocumentQuerySet",
    "Meeting",
    "MeetingKind",
    "MeetingOrganizer",
    "MeetingQuerySet",
    "MeetingStatus",
    "Minutes",
    "MinutesApproval",
    "MinutesQuerySet",
    "MinutesState",
    "Participation",
    "ParticipationQuerySet",
    "ParticipationRole",
    "Presenter",
    "Statement",
    "StatementQuerySet",
    "document_path",
]
