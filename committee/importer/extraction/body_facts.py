"""Bodies: mentions grouped into bodies, then given status, establishment, chairs and mandate.

Grouping: one strategic committee and one follow-up committee per article; subcommittees and
working groups are told apart by their mandates (shared content words) or ordinals; «هذه
اللجنة» is the body last named. A body a recommendation of the article creates is «proposed»;
any other is «active». The strategic committee heads the others (the framework's structure).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from committee.importer.extraction.anchoring import Anchor, Attached
from committee.importer.extraction.bodies import BodyMention
from committee.importer.extraction.circumstances import (
    OrgPhrase,
    establishment_after,
    establishment_before,
    find_chairs,
    find_parties,
)
from committee.importer.extraction.dates import DateMention
from committee.importer.extraction.evidence import ordered_evidence, spans_of
from committee.importer.extraction.institutions import POLICE_BY_SIDE, institution
from committee.importer.extraction.model import (
    BodyFact,
    BodyKind,
    Chair,
    Evidence,
    MeetingFact,
    PartialDate,
    Side,
)
from committee.importer.extraction.organizations import OrgMention, RoleMention
from committee.importer.extraction.people import PersonMention
from committee.importer.extraction.places import PlaceMention
from committee.importer.extraction.text import Document, ar, folded_words

_WORD = re.compile(r"\w+")
_LIGHT = folded_words("في من على إلى الى عن مع هذا هذه بين و ذات")


@dataclass(slots=True)
class BodyEntity:
    key: str
    kind: BodyKind
    ordinal: int | None
    mentions: list[int] = field(default_factory=list)
    mandate: tuple[int, int] | None = None
    mandate_text: str | None = None
    words: frozenset[str] = frozenset()


def resolve_bodies(
    doc: Document, mentions: list[BodyMention]
) -> tuple[list[BodyEntity], list[str | None]]:
    entities: list[BodyEntity] = []
    keys: list[str | None] = []
    last_committee: BodyEntity | None = None  # «اللجنة» refers back to a committee, not a group
    for index, mention in enumerate(mentions):
        if mention.plural:
            keys.append(None)
            continue
        entity = last_committee if mention.anaphoric else _match(doc, entities, mention)
        if entity is None and mention.anaphoric:
            keys.append(None)
            continue
        if entity is None:
            entity = BodyEntity(f"body:{len(entities) + 1}", mention.kind, mention.ordinal)
            entities.append(entity)
        if entity.mandate is None and mention.mandate is not None:
            entity.mandate, entity.mandate_text = mention.mandate, mention.mandate_text
            entity.words = _content_words(doc, mention.mandate)
        entity.ordinal = entity.ordinal or mention.ordinal
        entity.mentions.append(index)
        keys.append(entity.key)
        nested = index > 0 and mention.start < mentions[index - 1].end
        if entity.kind != "working_group" and not nested:
            last_committee = entity
    return entities, keys


def _match(doc: Document, entities: list[BodyEntity], mention: BodyMention) -> BodyEntity | None:
    same_kind = [entity for entity in entities if entity.kind == mention.kind]
    if mention.kind in ("strategic_committee", "follow_up_committee"):
        return same_kind[0] if same_kind else None
    if mention.ordinal is not None:
        by_ordinal = [entity for entity in same_kind if entity.ordinal == mention.ordinal]
        if by_ordinal:
            return by_ordinal[0]
    if mention.mandate is not None:
        words = _content_words(doc, mention.mandate)
        for entity in same_kind:
            if entity.words and len(words & entity.words) * 2 >= min(len(words), len(entity.words)):
                return entity
        return None
    return same_kind[-1] if same_kind and mention.ordinal is None else None


def _content_words(doc: Document, span: tuple[int, int]) -> frozenset[str]:
    words = (_stem(word) for word in _WORD.findall(doc.norm, span[0], span[1]))
    return frozenset(word for word in words if word not in _LIGHT and len(word) > 2)


def _stem(word: str) -> str:
    for prefix in ("وال", "بال", "لل", "ال", "و", "ب", "ل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def establishment_anchors(
    doc: Document, mentions: list[BodyMention], keys: list[str | None]
) -> list[Anchor]:
    """Anchors from a body's name to the words that establish it («… تأسست», «المحدثة …»)."""
    anchors = []
    for index, mention in enumerate(mentions):
        key = keys[index]
        if key is None:
            continue
        sentence_end = doc.sentence_of(mention.start)[1]
        limit = min(sentence_end, mention.end + 200)
        following = [m.start for m in mentions[index + 1 :] if m.start < limit]
        limit = min([limit, *following])
        after = establishment_after(doc, mention.end, limit)
        if after and doc.words(mention.end, after[0][0]).__len__() <= 8:
            anchors.append(Anchor(mention.start, after[-1][1], key))
            continue
        before = establishment_before(doc, mention.start)
        if before:
            anchors.append(Anchor(before[0], mention.end, key))
    return anchors


_DUTY = ar(
    r"(?<!\w)(?:و?(?:التي|الذي)\s+)?(?:من\s+(?:بين\s+)?مهامها|من\s+مهامه|تتولى|يتولى|تضطلع\s+ب|"
    r"مهمتها|تتمثل\s+مهمتها\s+في|تعنى\s+ب|تهدف\s+إلى)(?!\w)[ \t]*"
)


def duty_phrases(
    doc: Document, mentions: list[BodyMention], keys: list[str | None]
) -> dict[str, tuple[int, int]]:
    """«والتي من مهامها …»: the mandate of the body named before it in the sentence."""
    duties: dict[str, tuple[int, int]] = {}
    for match in _DUTY.finditer(doc.norm):
        sentence = doc.sentence_of(match.start())
        before = [
            (mention, keys[index])
            for index, mention in enumerate(mentions)
            if sentence[0] <= mention.start < match.start() and keys[index]
        ]
        if before and before[-1][1] is not None:
            span = doc.trim(match.end(), sentence[1])
            if span[1] > span[0]:
                duties.setdefault(before[-1][1], span)
    return duties


_DUAL_HEADS = ar(r"المديران\s+العامان|المديرين\s+العامين|مديرا|مديري|المسؤولان|رئيسا|قائدا")
_SECURITY = ar(r"أمن|الأمن|للأمن|شرطة|الشرطة|للشرطة")
_BOTH = ar(r"البلدين|للبلدين|الجانبين|الطرفين")


@dataclass(frozen=True, slots=True)
class ChairContext:
    people: list[PersonMention]
    roles: list[RoleMention]
    places: list[PlaceMention]
    person_for_org: Callable[[str], str | None]


def chairs_in(doc: Document, span: tuple[int, int], context: ChairContext) -> list[Chair]:
    """The chairs a phrase names: people, heads' titles, or «the two directors general»."""
    start, end = span
    text = doc.original(start, end)
    chairs = [
        Chair(
            _side(mention.organization_key),
            _org(mention.organization_key),
            mention.person_key,
            text,
        )
        for mention in context.people
        if start <= mention.name_start < end
    ]
    if chairs:
        return chairs
    chairs = [
        Chair(_side(role.key), f"org:{role.key}", context.person_for_org(role.key), text)
        for role in context.roles
        if start <= role.start < end
    ]
    if (
        chairs
        or not _DUAL_HEADS.search(doc.norm, start, end)
        or not _SECURITY.search(doc.norm, start, end)
    ):
        return chairs
    sides: list[Side] = []
    for place in context.places:
        if (
            start <= place.start < end
            and place.country in ("MA", "ES")
            and place.country not in sides
        ):
            sides.append("MA" if place.country == "MA" else "ES")
    if not sides and _BOTH.search(doc.norm, start, end):
        sides = ["MA", "ES"]
    return [
        Chair(
            side, f"org:{POLICE_BY_SIDE[side]}", context.person_for_org(POLICE_BY_SIDE[side]), text
        )
        for side in sides
    ]


def _side(org_key: str | None) -> Side | None:
    if org_key is None:
        return None
    return institution(org_key).side


def _org(org_key: str | None) -> str | None:
    return f"org:{org_key}" if org_key else None


@dataclass(frozen=True, slots=True)
class BodyCircumstances:
    dates: list[Attached[DateMention]]
    places: list[Attached[PlaceMention]]
    initiators: list[Attached[OrgPhrase]]
    parties: dict[str, list[OrgPhrase]]
    chairs: dict[str, list[tuple[tuple[int, int], list[Chair]]]]
    duties: dict[str, tuple[int, int]]
    created_by: dict[str, str]


def body_facts(
    doc: Document,
    entities: list[BodyEntity],
    mentions: list[BodyMention],
    found: BodyCircumstances,
    meetings: list[MeetingFact],
) -> list[BodyFact]:
    strategic = next(
        (entity.key for entity in entities if entity.kind == "strategic_committee"), None
    )
    facts = []
    for entity in entities:
        evidence: list[Evidence | None] = [
            doc.evidence("name", mentions[i].start, mentions[i].end) for i in entity.mentions
        ]
        mandate, mandate_text = entity.mandate, entity.mandate_text
        if mandate is None and entity.key in found.duties:
            mandate = found.duties[entity.key]
            mandate_text = doc.original(*mandate)
        if mandate:
            evidence.append(doc.evidence("mandate", *mandate))
        created_by = found.created_by.get(entity.key)
        # A body still to be created has no founding date or place: a date near it is another's
        # («إحداث فريق عمل … وعقد الدورة المقبلة خلال شهر أكتوبر المقبل»).
        established, city = (
            _established(doc, entity.key, found, evidence) if created_by is None else (None, None)
        )
        chairs: list[Chair] = []
        for span, found_chairs in found.chairs.get(entity.key, []):
            evidence.append(doc.evidence("chairs", *span))
            chairs.extend(chair for chair in found_chairs if chair not in chairs)
        initiators = _keys(found.initiators, entity.key, "initiated_by", doc, evidence)
        parties: list[str] = []
        for phrase in found.parties.get(entity.key, []):
            evidence.append(doc.evidence("parties", phrase.start, phrase.end))
            parties.extend(f"org:{key}" for key in phrase.keys)
        ordered = ordered_evidence(evidence)
        facts.append(
            BodyFact(
                key=entity.key,
                kind=entity.kind,
                name=_name(doc, entity, mentions),
                mandate=mandate_text,
                parent_key=strategic if entity.kind != "strategic_committee" else None,
                status="proposed" if created_by else "active",
                established=established,
                established_city=city,
                established_at_meeting_key=_meeting_at(established, city, meetings)
                if not created_by
                else None,
                created_by_recommendation_key=created_by,
                initiated_by_keys=tuple(dict.fromkeys(initiators)),
                party_keys=tuple(dict.fromkeys(parties)),
                chairs=tuple(chairs),
                spans=spans_of(ordered),
                evidence=ordered,
            )
        )
    return facts


def _established(
    doc: Document, key: str, found: BodyCircumstances, evidence: list[Evidence | None]
) -> tuple[PartialDate | None, str | None]:
    established: PartialDate | None = None
    city: str | None = None
    for attached in found.dates:
        if attached.target == key and attached.item.first is not None:
            established = established or attached.item.first
            evidence.append(doc.evidence("established", attached.start, attached.end))
    for at_place in found.places:
        if at_place.target == key and at_place.item.kind == "city" and city is None:
            city = at_place.item.key
            evidence.append(doc.evidence("established_city", at_place.start, at_place.end))
    return established, city


def _keys(
    phrases: list[Attached[OrgPhrase]],
    key: str,
    name: str,
    doc: Document,
    evidence: list[Evidence | None],
) -> list[str]:
    keys: list[str] = []
    for attached in phrases:
        if attached.target == key:
            keys.extend(f"org:{org}" for org in attached.item.keys)
            evidence.append(doc.evidence(name, attached.start, attached.end))
    return keys


def _name(doc: Document, entity: BodyEntity, mentions: list[BodyMention]) -> str:
    candidates = [mentions[i] for i in entity.mentions if not mentions[i].anaphoric]
    best = max(candidates, key=lambda m: (doc.norm.startswith("ال", m.start), m.end - m.start))
    name = doc.original(best.start, best.end)
    if doc.norm.startswith("للجن", best.start):
        return "ال" + name[1:]
    return name


def _meeting_at(
    established: PartialDate | None, city: str | None, meetings: list[MeetingFact]
) -> str | None:
    """The meeting held where and when the body was established (same city, same month)."""
    if established is None or city is None or established.precision == "year":
        return None
    month = (established.value.year, established.value.month)
    for meeting in meetings:
        when = meeting.start or meeting.end
        if meeting.city != city or when is None or when.precision == "year":
            continue
        if (when.value.year, when.value.month) == month:
            return meeting.key
    return None


ChairsFound = dict[str, list[tuple[tuple[int, int], list[Chair]]]]


def chairs_by_body(
    doc: Document, mentions: list[BodyMention], keys: list[str | None], context: ChairContext
) -> ChairsFound:
    """Each «يترأسها …» goes to the body named last before it in its sentence."""
    found: ChairsFound = {}
    for marker, start, end in find_chairs(doc):
        sentence_start = doc.sentence_of(marker)[0]
        before = [keys[i] for i, m in enumerate(mentions) if sentence_start <= m.start < marker]
        key = next((key for key in reversed(before) if key), None)
        if key is not None:
            chairs = chairs_in(doc, (start, end), context)
            if chairs:
                found.setdefault(key, []).append(((marker, end), chairs))
    return found


_ESTABLISHED_BETWEEN = folded_words("المحدثة المنشأة المشكلة المحدث")


def parties_by_body(
    doc: Document, mentions: list[BodyMention], keys: list[str | None], orgs: list[OrgMention]
) -> dict[str, list[OrgPhrase]]:
    """«اللجنة … المشكلة بين الوزارة … والوزارة …»: the parties of a body."""
    parties: dict[str, list[OrgPhrase]] = {}
    for index, mention in enumerate(mentions):
        key = keys[index]
        if key is None:
            continue
        words = doc.words(mention.end, doc.clause_end(mention.end))[:1]
        position = words[0][1] if words and words[0][2] in _ESTABLISHED_BETWEEN else mention.end
        phrase = find_parties(doc, orgs, position)
        if phrase:
            parties.setdefault(key, []).append(phrase)
    return parties
