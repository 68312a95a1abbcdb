"""``extract``: an article's text in, its committee facts out. Pure: no I/O, no database.

Three phases. *Mentions*: places, institutions and people first (they bound names and
positions), then bodies, plans, recommendations (which decide what bodies are only proposed),
meetings and agreements. *Circumstances*: dates, places, themes and organisers go to the
meeting, body or agreement they stand next to (``anchoring``). *Facts*: each kind of fact is
assembled with its evidence; an article with nothing the committee tracks comes out empty.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from committee.importer.extraction.agreement_facts import agreement_facts, mechanism_facts
from committee.importer.extraction.agreements import (
    AgreementMention,
    find_agreements,
    find_mechanisms,
)
from committee.importer.extraction.anchoring import Anchor, attach, on_the_sidelines
from committee.importer.extraction.bodies import BodyMention, find_bodies
from committee.importer.extraction.body_facts import (
    BodyCircumstances,
    BodyEntity,
    ChairContext,
    ChairsFound,
    body_facts,
    chairs_by_body,
    duty_phrases,
    establishment_anchors,
    parties_by_body,
    resolve_bodies,
)
from committee.importer.extraction.calendar_names import ARABIC_MONTHS, FOLDED_WEEKDAYS
from committee.importer.extraction.circumstances import find_chairs, find_organizers, find_themes
from committee.importer.extraction.confidence import assessed
from committee.importer.extraction.dates import DateMention, find_dates
from committee.importer.extraction.directory import Directory
from committee.importer.extraction.gazetteer import COMMON_WORD_SPELLINGS, PLACES
from committee.importer.extraction.language import detect_language
from committee.importer.extraction.latin_pipeline import LATIN_LANGUAGES, extract_latin
from committee.importer.extraction.meeting_facts import (
    MeetingCircumstances,
    MeetingEntity,
    meeting_anchors,
    meeting_facts,
    resolve_meetings,
)
from committee.importer.extraction.meetings import MeetingMention, find_meetings
from committee.importer.extraction.mention_index import Intervals
from committee.importer.extraction.model import BodyKind, Evidence, Extraction, PersonFact
from committee.importer.extraction.organizations import (
    OrgMention,
    RoleMention,
    find_organizations,
    organization_facts,
)
from committee.importer.extraction.people import PersonMention, find_people
from committee.importer.extraction.phrases import PhraseIndex
from committee.importer.extraction.places import (
    PlaceMention,
    dateline_end,
    dateline_place,
    find_places,
)
from committee.importer.extraction.plans import PlanMention, find_plans
from committee.importer.extraction.presentations import find_presentations
from committee.importer.extraction.recommendation_facts import (
    MeetingIndex,
    plan_facts,
    plan_keys,
    recommendation_facts,
)
from committee.importer.extraction.recommendations import RecommendationDraft, find_recommendations
from committee.importer.extraction.relevance import is_security_text
from committee.importer.extraction.speech_facts import presentation_facts, statement_facts
from committee.importer.extraction.statements import Speakers, find_statements
from committee.importer.extraction.text import Document, fold


def _known_words() -> PhraseIndex[str]:
    """Words that end a name: places, months, weekdays. Not a place's spelling that is also
    an ordinary word or a family name («بركان», «الحاجب», «ليون»)."""
    index: PhraseIndex[str] = PhraseIndex()
    for place in PLACES.values():
        index.add_all((n for n in place.ar if fold(n) not in COMMON_WORD_SPELLINGS), place.key)
    for word in (*ARABIC_MONTHS, *FOLDED_WEEKDAYS):
        index.add(word, "calendar")
    return index


_KNOWN_WORDS = _known_words()
_LANGUAGE_NAMES = {
    "fr": "French",
    "es": "Spanish",
    "en": "English",
    "und": "an undetermined language",
}


def extract(text: str, *, published: dt.date | None) -> Extraction:
    """The committee facts of one article; ``published`` resolves «اليوم», «المنصرم» …"""
    if not text.strip():
        return Extraction("und", False, published, False, warnings=("the text is empty",))
    language = detect_language(text)
    if language in LATIN_LANGUAGES:
        return assessed(extract_latin(text, language, published))
    if language != "ar":
        name = _LANGUAGE_NAMES.get(language, language)
        warning = f"the text is in {name}; only Arabic, French and Spanish articles are extracted"
        return Extraction(language, False, published, False, warnings=(warning,))
    return assessed(_Extractor(Document(text), published).run())


@dataclass(frozen=True, slots=True)
class _Mentions:
    """Phase one: what the article names, where."""

    dates: list[DateMention]
    places: list[PlaceMention]
    orgs: list[OrgMention]
    roles: list[RoleMention]
    people: list[PersonFact]
    person_mentions: list[PersonMention]
    body_mentions: list[BodyMention]
    bodies: list[BodyEntity]
    body_keys: list[str | None]
    plans: list[PlanMention]
    drafts: list[RecommendationDraft]
    meeting_mentions: list[MeetingMention]
    meetings: list[MeetingEntity]
    meeting_keys: list[str | None]
    agreements: list[AgreementMention]


class _Extractor:
    """One article's extraction; ``run`` goes through the three phases."""

    def __init__(self, doc: Document, published: dt.date | None) -> None:
        self.doc = doc
        self.warnings: list[str] = []
        self.published = published or self._dateline_date()

    def run(self) -> Extraction:
        found = self._mentions()
        anchors = [
            *meeting_anchors(found.meetings),
            *establishment_anchors(self.doc, found.body_mentions, found.body_keys),
            *(Anchor(a.start, a.end, f"agreement:{i + 1}") for i, a in enumerate(found.agreements)),
        ]
        extraction = self._facts(found, anchors)
        named_meeting = any(not m.generic for e in found.meetings for m in e.mentions)
        return self._judged(extraction, named_meeting)

    # --- phase one: mentions -------------------------------------------------------------
    def _mentions(self) -> _Mentions:
        doc = self.doc
        dates, warnings = find_dates(doc, self.published)
        self.warnings.extend(warnings)
        orgs, roles = find_organizations(doc)
        people, person_mentions = find_people(doc, roles, _KNOWN_WORDS)
        body_mentions = find_bodies(doc)
        bodies, body_keys = resolve_bodies(doc, body_mentions)
        plans = find_plans(doc)
        speakers = [(m.start, m.end) for m in person_mentions] + [(r.start, r.end) for r in roles]
        meeting_mentions = find_meetings(doc, body_mentions)
        kinds = {body.key: body.kind for body in bodies}

        def body_of(index: int | None) -> tuple[str, BodyKind] | None:
            key = body_keys[index] if index is not None else None
            return (key, kinds[key]) if key else None

        meetings, meeting_keys = resolve_meetings(meeting_mentions, body_of)
        excluded = [(o.start, o.end) for o in orgs] + [(d.start, d.end) for d in dates]
        return _Mentions(
            dates=dates,
            places=find_places(doc),
            orgs=orgs,
            roles=roles,
            people=people,
            person_mentions=person_mentions,
            body_mentions=body_mentions,
            bodies=bodies,
            body_keys=body_keys,
            plans=plans,
            drafts=find_recommendations(doc, body_mentions, plans, speakers),
            meeting_mentions=meeting_mentions,
            meetings=meetings,
            meeting_keys=meeting_keys,
            agreements=find_agreements(doc, excluded),
        )

    # --- phase two: circumstances --------------------------------------------------------
    def _circumstances(self, found: _Mentions, anchors: list[Anchor]) -> MeetingCircumstances:
        """Dates and places (not a dateline's, a communiqué's, a position's, a plan's …) to
        their anchors; an agreement signed «على هامش» a meeting shares them with it; the
        dateline's city as the subject meeting's venue when no other is named."""
        doc = self.doc
        blocked = Intervals(self._not_venues(found))
        in_plans = Intervals([(p.start, p.end) for p in found.plans])
        dateline = dateline_end(doc)
        places = [
            p
            for p in found.places
            if not p.dateline and p.kind != "port" and not blocked.covers(p.start, p.end)
        ]
        dates = [
            d
            for d in found.dates
            if d.start >= dateline and not d.of_publication and not in_plans.covers(d.start, d.end)
        ]
        attached_dates = attach(doc, anchors, [(d.start, d.end, d) for d in dates])
        attached_places = attach(doc, anchors, [(p.start, p.end, p) for p in places])
        sidelines = on_the_sidelines(doc, anchors)
        attached_dates += [
            replace(a, target=sidelines[a.target]) for a in attached_dates if a.target in sidelines
        ]
        attached_places += [
            replace(a, target=sidelines[a.target]) for a in attached_places if a.target in sidelines
        ]
        organizers = find_organizers(doc, found.orgs)
        themes = find_themes(doc)
        return MeetingCircumstances(
            attached_dates,
            attached_places,
            attach(doc, anchors, [(t.start, t.end, t) for t in themes], targets=("meeting:",)),
            attach(
                doc,
                anchors,
                [(o.start, o.end, o) for o in organizers],
                targets=("meeting:", "body:"),
            ),
            dateline_place(doc, found.places),
        )

    def _not_venues(self, found: _Mentions) -> list[tuple[int, int]]:
        """Where a place names no venue: people's names («خوسيه توليدو») and positions,
        institutions, plans, chairs, themes."""
        blocked = [m.position for m in found.person_mentions if m.position is not None]
        blocked += [(m.name_start, m.name_end) for m in found.person_mentions]
        blocked += [(o.start, o.end) for o in found.orgs] + [(r.start, r.end) for r in found.roles]
        blocked += [(p.start, p.end) for p in found.plans]
        blocked += [(start, end) for _, start, end in find_chairs(self.doc)]
        blocked += [(t.start, t.end) for t in find_themes(self.doc)]
        return blocked

    # --- phase three: facts --------------------------------------------------------------
    def _facts(self, found: _Mentions, anchors: list[Anchor]) -> Extraction:
        doc = self.doc
        around = self._circumstances(found, anchors)
        meetings = meeting_facts(doc, found.meetings, around, self.published)
        subject = meetings[0].key if meetings else None
        index = MeetingIndex(found.meeting_mentions, found.meeting_keys, subject)
        keys_of_plans = plan_keys(found.plans)
        recommendations = recommendation_facts(
            doc, found.drafts, found.body_keys, keys_of_plans, index
        )
        directory = Directory(found.people)
        chairs = chairs_by_body(
            doc,
            found.body_mentions,
            found.body_keys,
            ChairContext(found.person_mentions, found.roles, found.places, directory.head_of),
        )
        created_by = {
            key: recommendation.key
            for draft, recommendation in zip(found.drafts, recommendations, strict=True)
            if draft.kind == "establishes_body"
            and draft.body is not None
            and (key := found.body_keys[draft.body])
        }
        bodies = body_facts(
            doc,
            found.bodies,
            found.body_mentions,
            BodyCircumstances(
                dates=around.dates,
                places=around.places,
                initiators=around.organizers,
                parties=parties_by_body(doc, found.body_mentions, found.body_keys, found.orgs),
                chairs=chairs,
                duties=duty_phrases(doc, found.body_mentions, found.body_keys),
                created_by=created_by,
            ),
            meetings,
        )
        speakers = Speakers(
            found.person_mentions,
            found.roles,
            directory.head_of,
            directory.by_title,
            dateline_end(doc),
        )
        heads: list[OrgMention | RoleMention] = sorted(
            [*found.orgs, *found.roles], key=lambda mention: mention.start
        )
        return Extraction(
            language="ar",
            language_supported=True,
            published=self.published,
            is_relevant=False,
            meetings=tuple(meetings),
            bodies=tuple(bodies),
            organizations=tuple(
                organization_facts(
                    doc, found.orgs, found.roles, self._named_elsewhere(found, chairs)
                )
            ),
            people=tuple(found.people),
            recommendations=tuple(recommendations),
            action_plans=tuple(plan_facts(doc, found.plans, keys_of_plans, recommendations)),
            agreements=tuple(
                agreement_facts(doc, found.agreements, heads, around.dates, around.places)
            ),
            mechanisms=tuple(mechanism_facts(doc, find_mechanisms(doc), found.places, found.orgs)),
            statements=tuple(
                statement_facts(doc, find_statements(doc, speakers), subject, found.people)
            ),
            presentations=tuple(presentation_facts(doc, find_presentations(doc), index)),
            warnings=tuple(dict.fromkeys(self.warnings)),
        )

    def _named_elsewhere(self, found: _Mentions, chairs: ChairsFound) -> dict[str, list[Evidence]]:
        """Institutions named only through their people: a chair phrase («المديران العامان
        للشرطة في البلدين»), a position («والي أمن …»)."""
        evidence: dict[str, list[Evidence]] = {}
        for chair_phrases in chairs.values():
            for span, chair_list in chair_phrases:
                cited = self.doc.evidence("chair", *span)
                for chair in chair_list:
                    if chair.organization_key and cited:
                        evidence.setdefault(chair.organization_key.removeprefix("org:"), []).append(
                            cited
                        )
        for mention in found.person_mentions:
            cited = self.doc.evidence("head", *mention.position) if mention.position else None
            if mention.organization_key and cited:
                evidence.setdefault(mention.organization_key, []).append(cited)
        return evidence

    # --- publication date and relevance --------------------------------------------------
    def _dateline_date(self) -> dt.date | None:
        """A dispatch's own date («الرباط 12 ماي 2015 (ومع) -») when none was given."""
        head = self.doc.span(0, min(len(self.doc.norm), 80))
        if head is None:
            return None
        dates, _ = find_dates(Document(self.doc.text[: head.end]), None)
        for mention in dates:
            first = mention.first
            if first is not None and first.precision == "day" and not mention.relative:
                self.warnings.append(
                    f"no publication date given; took {first.value.isoformat()} from the dateline"
                )
                return first.value
        return None

    def _judged(self, extraction: Extraction, named_meeting: bool) -> Extraction:
        """Relevant: something the committee tracks (a meeting named as one, not only «هذا
        اللقاء»; a body, recommendation …) in a text about security. Otherwise no facts."""
        tracked = bool(
            named_meeting
            or extraction.bodies
            or extraction.recommendations
            or extraction.agreements
            or extraction.mechanisms
            or extraction.action_plans
        )
        if tracked and (extraction.organizations or is_security_text(self.doc.norm)):
            return replace(extraction, is_relevant=True)
        reason = (
            "no security-cooperation context (no security institution or vocabulary)"
            if tracked
            else "nothing the committee tracks (no meeting, body, recommendation, agreement "
            "or mechanism)"
        )
        warnings = (*extraction.warnings, reason)
        return Extraction("ar", True, extraction.published, False, warnings=warnings)
