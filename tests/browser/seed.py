"""The records of the seed article (``seeded`` in conftest.py) the browser tests visit."""

from __future__ import annotations

from committee.meetings.models import Meeting
from committee.recommendations.models import Recommendation
from committee.sources.models import SourceDocument

#: The recommendation of the seed article the journeys follow.
REFERENCE = "SEM2-2014-R01"


def pages() -> list[tuple[str, str]]:
    """(name, path without the language) of the main public pages."""
    recommendation = Recommendation.objects.get(reference=REFERENCE)
    meeting = Meeting.objects.get(kind="seminar", ordinal=2)
    source = SourceDocument.objects.get()
    return [
        ("home", "/"),
        ("recommendations", "/recommendations/"),
        ("recommendation", f"/recommendations/{REFERENCE}/"),
        ("meeting", f"/meetings/{meeting.pk}/"),
        ("body", f"/bodies/{recommendation.body_id}/"),
        ("search", "/search/?q=الإسبانية"),
        ("source", f"/sources/{source.pk}/"),
        ("login", "/accounts/login/"),
    ]
