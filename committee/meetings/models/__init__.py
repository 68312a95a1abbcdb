"""The meetings app's models, one module per part of a meeting's record."""

from committee.meetings.models.agenda import (
    AgendaItem,
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
    Country,
    Meeting,
    MeetingKind,
    MeetingOrganizer,
    MeetingQuerySet,
    MeetingStatus,
)

__all__ = [
    "AgendaItem",
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
    "Participation",
    "ParticipationQuerySet",
    "ParticipationRole",
    "Presenter",
    "Statement",
    "StatementQuerySet",
    "document_path",
]
