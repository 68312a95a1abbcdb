"""``extract_latin``: a French or Spanish article in, the same ``Extraction`` as for Arabic out.

The language-specific readers (``latin_*``) find the mentions; everything after is the shared
code of the Arabic path: meetings and bodies are grouped (``resolve_meetings``,
``resolve_bodies``), dates and places go to their anchors (``attach``), and facts are
assembled with their evidence (``meeting_facts``, ``body_facts``, ``recommendation_facts``,
``organization_facts``, ``mechanism_facts``). Quotes are exact offsets into the original
text, since ``LatinDocument`` folds accents one letter for one letter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache

from committee.importer.extraction.agreement_facts import agreement_facts, mechanism_facts
from committee.importer.extraction.anchoring import Anchor, attach
from committee.importer.extraction.body_facts import (
    BodyCircumstances,
    ChairsFound,
    body_facts,
    resolve_bodies,
)
from committee.importer.extraction.latin_dates import LatinDates, find_latin_dates
from committee.importer.extraction.latin_decisions import (
    LatinDecisionReader,
    find_latin_agreements,
    find_latin_decisions,
    find_latin_mechanisms,
    latin_chair_phrases,
    latin_establishment_anchors,
    latin_organizers,
)
from committee.importer.extraction.latin_events import LatinEvents
from committee.importer.extraction.latin_languages import LEXICONS
from committee.importer.extraction.latin_lexicon import LatinLexicon, compiled
from committee.importer.extraction.latin_names import (
    as_ports,
    find_latin_organizations,
    find_latin_places,
    latin_dateline_end,
)
from committee.importer.extraction.latin_people import find_latin_people, latin_chairs
from committee.importer.extraction.latin_plans import find_latin_plans
from committee.importer.extraction.latin_statements import find_latin_statements
from committee.importer.extraction.latin_text import LatinDocument
from committee.importer.extraction.meeting_facts import (
    EventWords,
    MeetingCircumstances,
    meeting_anchors,
    meeting_facts,
    resolve_meetings,
)
from committee.importer.extraction.mention_index import ByStart, Intervals
from committee.importer.extraction.model import BodyKind, Extraction
from committee.importer.extraction.organizations import organization_facts
from committee.importer.extraction.recommendation_facts import (
    MeetingIndex,
    plan_facts,
    plan_keys,
    recommendation_facts,
)
from committee.importer.extraction.speech_facts import statement_facts

#: Languages the Latin-script path reads.
LATIN_LANGUAGES = frozenset(LEXICONS)


@cache
def _dates(code: str) -> LatinDates:
    return LatinDates(LEXICONS[code])


@cache
def _event_words(code: str) -> EventWords:
    lexicon = LEXICONS[code]
    return EventWords(
        compiled(lexicon.closing), compiled(lexicon.opening), compiled(lexicon.future)
    )


def extract_latin(text: str, language: str, published: dt.date | None) -> Extraction:
    """The committee facts of a French (``fr``) or Spanish (``es``) article."""
    lexicon = LEXICONS[language]
    doc = LatinDocument(text)
    warnings: list[str] = []
    if published is None:
        published = _dateline_date(doc, language, warnings)
    dates, date_warnings = find_latin_dates(doc, _dates(language), published)
    warnings.extend(date_warnings)
    places = find_latin_places(doc)
    orgs, roles = find_latin_organizations(doc, lexicon)
    people, person_mentions = find_latin_people(doc, lexicon, roles, orgs)
    events = LatinEvents(doc, lexicon)
    body_mentions = events.bodies()
    bodies, body_keys = resolve_bodies(doc, body_mentions)
    kinds = {body.key: body.kind for body in bodies}

    def body_of(index: int | None) -> tuple[str, BodyKind] | None:
        key = body_keys[index] if index is not None else None
        return (key, kinds[key]) if key else None

    meeting_mentions = events.meetings(body_mentions)
    meetings, meeting_keys = resolve_meetings(meeting_mentions, body_of)
    plans = find_latin_plans(doc, lexicon)
    keys_of_plans = plan_keys(plans)
    drafts = find_latin_decisions(doc, lexicon, body_mentions, plans)
    agreements = find_latin_agreements(doc, lexicon)
    anchors = [
        *meeting_anchors(meetings),
        *latin_establishment_anchors(doc, lexicon, body_mentions, body_keys),
        *(Anchor(a.start, a.end, f"agreement:{i + 1}") for i, a in enumerate(agreements)),
    ]
    dateline = latin_dateline_end(doc)
    blocked = Intervals(
        [m.position for m in person_mentions if m.position is not None]
        + [(o.start, o.end) for o in orgs]
        + [(r.start, r.end) for r in roles]
    )
    venues = [
        p
        for p in places
        if not p.dateline and p.kind != "port" and not blocked.covers(p.start, p.end)
    ]
    by_start = ByStart(orgs, lambda o: o.start)
    organizers = latin_organizers(doc, lexicon, by_start)
    around = MeetingCircumstances(
        attach(
            doc,
            anchors,
            [(d.start, d.end, d) for d in dates if d.start >= dateline and not d.of_publication],
        ),
        attach(doc, anchors, [(p.start, p.end, p) for p in venues]),
        [],
        attach(doc, anchors, [(o.start, o.end, o) for o in organizers], ("meeting:", "body:")),
    )
    meeting_list = meeting_facts(doc, meetings, around, published, _event_words(language))
    subject = meeting_list[0].key if meeting_list else None
    index = MeetingIndex(meeting_mentions, meeting_keys, subject)
    recommendations = recommendation_facts(doc, drafts, body_keys, keys_of_plans, index)
    chairs: ChairsFound = {}
    # «… du Comité, coprésidé par …», or «La réunion (du Comité) était coprésidée par …».
    bodies_of_meetings = {entity.key: entity.body_key for entity in meetings}
    keyed = ByStart(
        [(key, m.start) for key, m in zip(body_keys, body_mentions, strict=True) if key]
        + [
            (body, m.start)
            for key, m in zip(meeting_keys, meeting_mentions, strict=True)
            if key and (body := bodies_of_meetings.get(key))
        ],
        lambda item: item[1],
    )
    named = (
        ByStart(roles, lambda r: r.start),
        by_start,
        ByStart(person_mentions, lambda p: p.position[0] if p.position else p.start),
    )
    for start, end in latin_chair_phrases(doc, lexicon):
        last = keyed.last_before(start, doc.sentence_of(start)[0])
        key = last[0] if last else None
        found = latin_chairs(doc, (start, end), *named)
        if key is not None and found:
            chairs.setdefault(key, []).append(((start, end), found))
    created_by = {
        key: recommendation.key
        for draft, recommendation in zip(drafts, recommendations, strict=True)
        if draft.kind == "establishes_body"
        and draft.body is not None
        and (key := body_keys[draft.body])
    }
    body_list = body_facts(
        doc,
        bodies,
        body_mentions,
        BodyCircumstances(around.dates, around.places, [], {}, chairs, {}, created_by),
        meeting_list,
    )
    extraction = Extraction(
        language=language,
        language_supported=True,
        published=published,
        is_relevant=False,
        meetings=tuple(meeting_list),
        bodies=tuple(body_list),
        organizations=tuple(organization_facts(doc, orgs, roles, {})),
        statements=tuple(
            statement_facts(
                doc, find_latin_statements(doc, lexicon, person_mentions), subject, people
            )
        ),
        people=tuple(people),
        recommendations=tuple(recommendations),
        action_plans=tuple(plan_facts(doc, plans, keys_of_plans, recommendations)),
        agreements=tuple(
            agreement_facts(
                doc,
                agreements,
                sorted([*orgs, *roles], key=lambda mention: mention.start),
                around.dates,
                around.places,
                LatinDecisionReader(doc, lexicon, []).theme,
            )
        ),
        mechanisms=tuple(
            mechanism_facts(doc, find_latin_mechanisms(doc), as_ports(doc, places), orgs)
        ),
        warnings=tuple(dict.fromkeys(warnings)),
    )
    named_meeting = any(not m.generic for entity in meetings for m in entity.mentions)
    return _judged(doc, lexicon, extraction, named_meeting)


def _dateline_date(doc: LatinDocument, language: str, warnings: list[str]) -> dt.date | None:
    """A dispatch's own date («Rabat, 12 mars 2026 (MAP) -») when none was given."""
    end = latin_dateline_end(doc) or min(len(doc.norm), 80)
    dates, _ = find_latin_dates(LatinDocument(doc.text[:end]), _dates(language), None)
    for mention in dates:
        first = mention.first
        if first is not None and first.precision == "day" and not mention.relative:
            warnings.append(
                f"no publication date given; took {first.value.isoformat()} from the dateline"
            )
            return first.value
    return None


def _judged(
    doc: LatinDocument, lexicon: LatinLexicon, extraction: Extraction, named_meeting: bool
) -> Extraction:
    """Relevant: something the committee tracks, in a text about security; else no facts."""
    tracked = bool(
        named_meeting
        or extraction.bodies
        or extraction.recommendations
        or extraction.mechanisms
        or extraction.agreements
        or extraction.action_plans
    )
    security = compiled(lexicon.security).search(doc.norm)
    if tracked and (extraction.organizations or security):
        return replace(extraction, is_relevant=True)
    reason = (
        "no security-cooperation context (no security institution or vocabulary)"
        if tracked
        else "nothing the committee tracks (no meeting, body, recommendation, agreement "
        "or mechanism)"
    )
    return Extraction(
        extraction.language,
        True,
        extraction.published,
        False,
        warnings=(*extraction.warnings, reason),
    )
