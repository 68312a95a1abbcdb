"""Meetings: mentions grouped into meetings, then dated, placed and themed.

Grouping («coreference»): the first meeting mentioned is the article's subject; «هذه الندوة»,
«هذا اللقاء» refer to it; a mention with an ordinal is the meeting of that kind and ordinal
(«الندوة … الثالثة» is another seminar than «الدورة الرابعة للندوة»); a definite mention with
no ordinal («الندوة العلمية») is the subject if it is of that kind, or the only meeting of its
kind; otherwise a mention starts a new meeting.

Dating: a range («يومي 12 و13 ماي») gives both ends; a single date is the last day after a
closing word («اختتمت اليوم الأربعاء»), the first after an opening one («افتتحت», «انطلقت»),
else both; a duration («لمدة ثلاثة أيام») fills the missing end. Status: after the publication
date, or said with a future form («ستنعقد», «المقبلة»), it is planned; otherwise held.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from committee.importer.extraction.anchoring import Anchor, Attached
from committee.importer.extraction.circumstances import OrgPhrase, Theme
from committee.importer.extraction.dates import DateMention
from committee.importer.extraction.events import ACCOMPANYING
from committee.importer.extraction.evidence import ordered_evidence, spans_of
from committee.importer.extraction.meetings import BODY_MEETING_KINDS, MeetingMention
from committee.importer.extraction.model import (
    BodyKind,
    Evidence,
    MeetingFact,
    MeetingKind,
    MeetingStatus,
    PartialDate,
)
from committee.importer.extraction.places import PlaceMention
from committee.importer.extraction.text import Document, ar


@dataclass(slots=True)
class MeetingEntity:
    key: str
    kind: MeetingKind
    ordinal: int | None
    body_key: str | None
    upcoming: bool
    mentions: list[MeetingMention] = field(default_factory=list)

    def fits(self, mention: MeetingMention, body_key: str | None) -> bool:
        if mention.generic:
            return True
        if frozenset({mention.kind, self.kind}) in _VISIT_AND_TALKS:
            return True
        return mention.kind == self.kind and (body_key is None or body_key == self.body_key)


#: A delegation received («استقبل … وفدا») or talks held («مباحثات») on a working visit
#: are that visit; a minister's official visit to hold talks with a counterpart is those talks,
#: and «المباحثات» said of them afterwards too: the two words name one event.
_VISIT_AND_TALKS: frozenset[frozenset[MeetingKind]] = frozenset(
    {
        frozenset({"other", "working_visit"}),
        frozenset({"ministerial_meeting", "working_visit"}),
        frozenset({"ministerial_meeting", "other"}),
    }
)


def resolve_meetings(
    mentions: list[MeetingMention], body_of: Callable[[int | None], tuple[str, BodyKind] | None]
) -> tuple[list[MeetingEntity], list[str | None]]:
    """Meetings, and for each mention the key of its meeting (``None``: a bare «اللقاء» in an
    article that reports no meeting).

    ``body_of`` gives the body (key and kind) a body mention stands for: a meeting of «اللجنة»
    is a session of whichever body «اللجنة» refers back to.
    """
    meetings: list[MeetingEntity] = []
    keys: list[str | None] = []
    for found in mentions:
        if found.weak:
            keys.append(meetings[0].key if meetings else None)
            if meetings:
                meetings[0].mentions.append(found)
            continue
        body = body_of(found.body)
        body_key = body[0] if body else None
        mention = replace(found, kind=BODY_MEETING_KINDS[body[1]]) if body else found
        meeting = _existing(meetings, mention, body_key)
        if meeting is None:
            meeting = MeetingEntity(
                key=f"meeting:{len(meetings) + 1}",
                kind=mention.kind,
                ordinal=mention.ordinal,
                body_key=body_key,
                upcoming=mention.upcoming,
            )
            meetings.append(meeting)
        _enrich(meeting, mention, body_key)
        keys.append(meeting.key)
    return _subject_first(meetings, keys)


def _subject_first(
    meetings: list[MeetingEntity], keys: list[str | None]
) -> tuple[list[MeetingEntity], list[str | None]]:
    """A press conference named first is not the article's subject when the event it
    accompanies is named too («خلال ندوة صحفية … في ختام زيارة عمل»): that event goes first,
    and the keys are numbered again in the new order."""
    if not meetings or meetings[0].kind not in ACCOMPANYING:
        return meetings, keys
    main = next((m for m in meetings if m.kind not in ACCOMPANYING), None)
    if main is None:
        return meetings, keys
    ordered = [main, *(m for m in meetings if m is not main)]
    renamed = {meeting.key: f"meeting:{index + 1}" for index, meeting in enumerate(ordered)}
    for meeting in ordered:
        meeting.key = renamed[meeting.key]
    return ordered, [renamed[key] if key else None for key in keys]


def _enrich(meeting: MeetingEntity, mention: MeetingMention, body_key: str | None) -> None:
    if meeting.ordinal is None and mention.ordinal is not None:
        meeting.ordinal = mention.ordinal
    if meeting.kind == "other" and not mention.generic:
        meeting.kind = mention.kind
    if meeting.body_key is None:
        meeting.body_key = body_key
    meeting.mentions.append(mention)


def _existing(
    meetings: list[MeetingEntity], mention: MeetingMention, body_key: str | None
) -> MeetingEntity | None:
    """The meeting a mention refers to among those already named, if any."""
    if not meetings:
        return None
    subject = meetings[0]
    fitting = [meeting for meeting in meetings if meeting.fits(mention, body_key)]
    if mention.ordinal is not None:
        candidates = [meeting for meeting in fitting if meeting.ordinal == mention.ordinal]
        if not candidates and mention.anaphoric and subject in fitting and subject.ordinal is None:
            candidates = [subject]
    elif mention.upcoming:
        candidates = [meeting for meeting in fitting if meeting.upcoming]
    elif subject in fitting and (mention.anaphoric or mention.definite):
        candidates = [subject]
    elif mention.anaphoric:
        candidates = fitting[-1:]
    else:
        candidates = fitting if len(fitting) == 1 else []
    return candidates[0] if candidates else None


def meeting_anchors(meetings: list[MeetingEntity]) -> list[Anchor]:
    return [Anchor(m.start, m.end, meeting.key) for meeting in meetings for m in meeting.mentions]


_CLOSING = ar(r"(?<!\w)[وف]?(?:اختتمت|اختتم|اختتام|ختام|تختتم|ستختتم|أسدل\s+الستار|أسدلت)(?!\w)")
_OPENING = ar(
    r"(?<!\w)[وف]?(?:افتتحت|افتتح|افتتاح|انطلقت|انطلاق|تنطلق|ستنطلق|انطلق|بدأت|تبدأ|ستبدأ)(?!\w)"
)
_FUTURE = ar(
    r"(?<!\w)[وف]?(?:ستنعقد|سينعقد|ستعقد|سيعقد|ستحتضن|سيحتضن|ستنظم|سينظم|ستلتئم|سيلتئم|ستجري|"
    r"ستنطلق|ستشهد|سيتم|تعتزم|يعتزم|من\s+المقرر|من\s+المرتقب|من\s+المنتظر|المرتقب)(?!\w)"
)

#: «تتواصل إلى غاية اليوم الأربعاء»: the date that follows is the last day.
_UNTIL = ar(r"(?<!\w)(?:إلى\s+غاية|الى\s+غاية|لغاية|حتى)\s+(?:يوم\s+)?$")


@dataclass(frozen=True, slots=True)
class EventWords:
    """The words that open, close or announce a meeting, in the article's language."""

    closing: re.Pattern[str]
    opening: re.Pattern[str]
    future: re.Pattern[str]


ARABIC_EVENT_WORDS = EventWords(_CLOSING, _OPENING, _FUTURE)


@dataclass(frozen=True, slots=True)
class MeetingCircumstances:
    dates: list[Attached[DateMention]]
    places: list[Attached[PlaceMention]]
    themes: list[Attached[Theme]]
    organizers: list[Attached[OrgPhrase]]
    #: The city of the dispatch's dateline («قرطبة –»), if any.
    dateline: PlaceMention | None = None


def meeting_facts(
    doc: Document,
    meetings: list[MeetingEntity],
    found: MeetingCircumstances,
    published: dt.date | None,
    words: EventWords = ARABIC_EVENT_WORDS,
) -> list[MeetingFact]:
    facts = []
    for index, meeting in enumerate(meetings):
        evidence: list[Evidence | None] = [
            doc.evidence("mention", m.start, m.end) for m in meeting.mentions
        ]
        start, end, date_evidence = _dates(
            doc, [a for a in found.dates if a.target == meeting.key], words
        )
        evidence.extend(date_evidence)
        city, country, place_evidence = _place(
            [a for a in found.places if a.target == meeting.key], doc
        )
        status = _status(doc, meeting, start, end, published, words)
        dateline = found.dateline if index == 0 and city is None else None
        if dateline and _filed_from_venue(dateline, country, status, (start, end), published):
            city, country = dateline.key, dateline.country
            place_evidence = [doc.evidence("city", dateline.start, dateline.end)]
        evidence.extend(place_evidence)
        themes = [a for a in found.themes if a.target == meeting.key]
        theme = themes[0].item.text if themes else None
        evidence.extend(doc.evidence("theme", a.item.start, a.item.end) for a in themes[:1])
        organizers: list[str] = []
        for attached in (a for a in found.organizers if a.target == meeting.key):
            organizers.extend(f"org:{key}" for key in attached.item.keys)
            evidence.append(doc.evidence("organizer", attached.start, attached.end))
        ordered = ordered_evidence(evidence)
        facts.append(
            MeetingFact(
                key=meeting.key,
                kind=meeting.kind,
                name=_name(doc, meeting),
                ordinal=meeting.ordinal,
                theme=theme,
                city=city,
                country=country,
                start=start,
                end=end,
                status=status,
                is_subject=index == 0,
                body_key=meeting.body_key,
                organizer_keys=tuple(dict.fromkeys(organizers)),
                spans=spans_of(ordered),
                evidence=ordered,
            )
        )
    return facts


def _name(doc: Document, meeting: MeetingEntity) -> str:
    named = [m for m in meeting.mentions if not m.anaphoric and not m.generic] or meeting.mentions
    best = max(
        named, key=lambda m: (m.kind == meeting.kind, m.ordinal is not None, m.end - m.start)
    )
    name = doc.original(best.start, best.end)
    return "ا" + name[1:] if doc.norm.startswith("لل", best.start) else name


def _dates(
    doc: Document, dates: list[Attached[DateMention]], words: EventWords
) -> tuple[PartialDate | None, PartialDate | None, list[Evidence | None]]:
    start: PartialDate | None = None
    end: PartialDate | None = None
    days: int | None = None
    evidence: list[Evidence | None] = []
    for attached in dates:
        mention = attached.item
        if mention.is_duration:
            days = days or mention.days
            evidence.append(doc.evidence("duration", mention.start, mention.end))
            continue
        if mention.first is None:
            evidence.append(doc.evidence("date", mention.start, mention.end))
            continue
        role = _verb_role(doc, mention.start, words)
        if mention.is_range and (start is None or end is None):
            start, end = start or mention.first, end or mention.last
            evidence.append(doc.evidence("date", mention.start, mention.end))
        elif role == "end" and end is None:
            end = mention.first
            evidence.append(doc.evidence("end", mention.start, mention.end))
        elif role == "start" and start is None:
            start = mention.first
            evidence.append(doc.evidence("start", mention.start, mention.end))
        elif start is None and end is None:
            start = end = mention.first
            evidence.append(doc.evidence("date", mention.start, mention.end))
    return (*_with_duration(start, end, days), evidence)


def _with_duration(
    start: PartialDate | None, end: PartialDate | None, days: int | None
) -> tuple[PartialDate | None, PartialDate | None]:
    if days is None:
        return start, end
    span = dt.timedelta(days=days - 1)
    if end is not None and end.precision == "day" and (start is None or start == end):
        return PartialDate(end.value - span, "day"), end
    if start is not None and start.precision == "day" and (end is None or end == start):
        return start, PartialDate(start.value + span, "day")
    return start, end


def _verb_role(doc: Document, position: int, words: EventWords) -> str | None:
    """ "end" after a closing word or «إلى غاية» / «حتى» right before the date, "start" after
    an opening one, in the words before a date."""
    sentence_start = doc.sentence_of(position)[0]
    if _UNTIL.search(doc.norm, max(sentence_start, position - 16), position):
        return "end"
    window = max(sentence_start, position - 80)
    closing = [m.end() for m in words.closing.finditer(doc.norm, window, position)]
    opening = [m.end() for m in words.opening.finditer(doc.norm, window, position)]
    if not closing and not opening:
        return None
    return "end" if max(closing, default=-1) > max(opening, default=-1) else "start"


def _place(
    places: list[Attached[PlaceMention]], doc: Document
) -> tuple[str | None, str | None, list[Evidence | None]]:
    cities = [a for a in places if a.item.kind != "country"]
    countries = [a for a in places if a.item.kind == "country"]
    if cities:
        chosen = cities[0].item
        return chosen.key, chosen.country, [doc.evidence("city", chosen.start, chosen.end)]
    if countries:
        chosen = countries[0].item
        return None, chosen.country, [doc.evidence("country", chosen.start, chosen.end)]
    return None, None, []


def _filed_from_venue(
    dateline: PlaceMention,
    country: str | None,
    status: MeetingStatus,
    dates: tuple[PartialDate | None, PartialDate | None],
    published: dt.date | None,
) -> bool:
    """The dispatch was filed from where the meeting it reports was just held («قرطبة –
    اختتمت أمس …»): held, undated or dated within the days before publication, and in the
    dateline's country if a country is named. An older meeting may have been held elsewhere."""
    if status != "held" or country not in (None, dateline.country):
        return False
    last = dates[1] or dates[0]
    if last is None or published is None:
        return True
    return last.precision == "day" and 0 <= (published - last.value).days <= 3


def _status(
    doc: Document,
    meeting: MeetingEntity,
    start: PartialDate | None,
    end: PartialDate | None,
    published: dt.date | None,
    words: EventWords,
) -> MeetingStatus:
    first = start or end
    if published is not None and first is not None and not _around(first, published):
        return "planned" if _after(first, published) else "held"
    if meeting.upcoming:
        return "planned"
    for mention in meeting.mentions[:1]:
        sentence = doc.sentence_of(mention.start)
        if words.future.search(doc.norm, sentence[0], sentence[1]):
            return "planned"
    return "held"


def _around(value: PartialDate, published: dt.date) -> bool:
    """The publication date falls in the month or year a vague date names («الأسبوع المقبل»
    → this month): only the words can tell whether the meeting is past or to come."""
    if value.precision == "year":
        return value.value.year == published.year
    if value.precision == "month":
        return (value.value.year, value.value.month) == (published.year, published.month)
    return False


def _after(value: PartialDate, published: dt.date) -> bool:
    if value.precision == "year":
        return value.value.year > published.year
    if value.precision == "month":
        return (value.value.year, value.value.month) > (published.year, published.month)
    return value.value > published
