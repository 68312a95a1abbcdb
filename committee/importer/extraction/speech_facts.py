"""Statement and presentation facts."""

from __future__ import annotations

from committee.importer.extraction.evidence import ordered_evidence, spans_of
from committee.importer.extraction.model import PersonFact, PresentationFact, StatementFact
from committee.importer.extraction.presentations import Topic
from committee.importer.extraction.recommendation_facts import MeetingIndex
from committee.importer.extraction.statements import StatementDraft
from committee.importer.extraction.text import Document


def statement_facts(
    doc: Document, drafts: list[StatementDraft], meeting_key: str | None, people: list[PersonFact]
) -> list[StatementFact]:
    """Statements at the article's meeting; a named speaker's institution is his or hers."""
    organization_of = {person.key: person.organization_key for person in people}
    facts: list[StatementFact] = []
    for draft in drafts:
        organization = f"org:{draft.organization_key}" if draft.organization_key else None
        if draft.person_key is not None:
            organization = organization_of.get(draft.person_key) or organization
        text = doc.evidence("text", *draft.content)
        if text is None:
            continue
        verb = doc.evidence("verb", *draft.verb)
        speaker = doc.evidence("speaker", *draft.speaker) if draft.speaker else None
        evidence = ordered_evidence([verb, speaker, text])
        facts.append(
            StatementFact(
                key=f"statement:{len(facts) + 1}",
                kind="direct" if draft.direct else "reported",
                text=text.span.quote,
                verb=verb.span.quote if verb else "",
                meeting_key=meeting_key,
                person_key=draft.person_key,
                organization_key=organization,
                spans=spans_of(evidence),
                evidence=evidence,
            )
        )
    return facts


def presentation_facts(
    doc: Document, topics: list[Topic], meetings: MeetingIndex
) -> list[PresentationFact]:
    facts: list[PresentationFact] = []
    for topic in topics:
        found = doc.evidence("topic", topic.start, topic.end)
        if found is None:
            continue
        facts.append(
            PresentationFact(
                key=f"presentation:{len(facts) + 1}",
                order=len(facts) + 1,
                topic=found.span.quote,
                meeting_key=meetings.meeting_for(doc, topic.start),
                spans=(found.span,),
                evidence=(found,),
            )
        )
    return facts
