"""Where an article names a meeting, and what the words themselves say about it.

* «الدورة الرابعة للملتقى الأمني المغربي الإسباني» — a seminar, 4th of its series;
* «الندوة الأمنية الثالثة» — the ordinal may follow the adjectives;
* «الاجتماع الأول للجنة الفرعية …», «عقدت اللجنة … اجتماعها الأول» — a body's meeting;
* «اجتماع وزيري الداخلية», «الاجتماع الوزاري» — ministerial;
* «هذه الندوة», «هذا اللقاء» — anaphora: the meeting the article is about;
* «الدورة المقبلة», «الاجتماع القادم» — a meeting still to come;
* «ندوة صحفية», «زيارة عمل», «حفل التدشين» — events of their own kinds, not seminars (``events``).

A name runs over adjectives joined by a hyphen («الندوة المغربية-الإسبانية الأولى», «المغربية –
الإسبانية») and over a quotation right after them («ندوة "الأمن في المتوسط"»), so the ordinal
after the hyphen is read and the same seminar is recognised when it was recorded before.

Plurals («الندوات», «اجتماعات سنوية») name no meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from committee.importer.extraction.bodies import BodyMention
from committee.importer.extraction.events import find_events
from committee.importer.extraction.mention_index import Intervals
from committee.importer.extraction.model import BodyKind, MeetingKind
from committee.importer.extraction.numerals import read_ordinal
from committee.importer.extraction.text import HYPHEN_JOINED, Document, ar, fold


@dataclass(frozen=True, slots=True)
class MeetingMention:
    start: int
    end: int
    kind: MeetingKind
    ordinal: int | None
    anaphoric: bool
    upcoming: bool
    definite: bool
    #: Index into the body mentions of the body that meets («اجتماع اللجنة الفرعية …»).
    body: int | None = None
    #: The meeting's head is generic («اللقاء», «الاجتماع»): it fits any kind of meeting.
    generic: bool = False
    #: A bare «اللقاء» / «الاجتماع»: the article's meeting if it has one, else nothing.
    weak: bool = False


_SERIES = ar(r"(?<!\w)(?P<det>(?:هذه|هذا)\s+)?[وف]?(?:بال|لل|ال|ل|ب)?(?:دورة|نسخة|طبعة)(?!\w)")
_SEMINAR = ar(
    r"(?<!\w)(?P<det>(?:هذه|هذا|تلك)\s+)?[وف]?(?P<al>بال|لل|ال|ل|ب)?"
    r"(?P<head>ندوة|ملتقى|مؤتمر|منتدى|يوم\s+دراسي|اليوم\s+الدراسي)(?!\w)"
)
_MEETING = ar(
    r"(?<!\w)(?P<det>(?:هذا|هذه|ذلك)\s+)?[وف]?(?P<al>بال|لل|ال|ل|ب)?"
    r"(?P<head>اجتماعا|اجتماع|اجتماعها|اجتماعه|لقاء|دورتها|اجتماعاتها|مباحثات|محادثات)(?!\w)"
)
#: «عقد … اجتماعا», «استقبل … وفدا»: an event the sentence's verb makes a meeting.
_HELD = ar(
    r"(?<![^\W_و])(?:عقد|عقدت|عقدوا|عقدا|يعقد|تعقد|نظم|نظمت|استقبل|استقبلت|يستقبل|أجرى|أجرت)(?!\w)"
)
_WORKING = ar(r"[ \t]+عمل(?!\w)")
_DELEGATION = ar(r"(?<![^\W_و])(?:وفدا|وفد)(?!\w)")
_MINISTERS = ar(r"(?<!\w)[وفل]?(?:ال)?(?:وزير|وزيرا|وزيري|وزيرين|الوزيرين|وزيرة)(?!\w)")
_MINISTERIAL = ar(r"\s+(?:وزيري|وزيرا|الوزاري|الوزارية|وزراء)(?!\w)")
_UPCOMING = frozenset(
    fold(word) for word in ["المقبل", "المقبلة", "القادم", "القادمة", "المرتقب", "المرتقبة"]
)
_ADJECTIVE = re.compile(r"ال\w+(?:يه|ي)$")
_NOT_ADJECTIVE = frozenset(fold(word) for word in ["التي", "الذي", "الحالي", "الماضي"])
_WORD = re.compile(r"[ \t]*(\w+)")
_SERIES_JOIN = ar(r"[ \t]*(?:ل|من\s+)(?:هذه\s+|هذا\s+)?")
#: A body named after a preposition is not the subject that holds «اجتماعها» («المنبثقة عن …»).
_GOVERNED = ar(r"(?<!\w)(?:عن|من|في|مع|بين|إلى|الى|التابعة|لدى)\s+$|(?<!\w)[بل]$")
_JOIN = ar(r"[ \t]*(?:ل|لل|بين|من)?")


def find_meetings(doc: Document, bodies: list[BodyMention]) -> list[MeetingMention]:
    """Meeting mentions in text order; each span starts after clitics and determiners."""
    found = [
        MeetingMention(start, end, kind, None, anaphoric, False, definite)
        for start, end, kind, anaphoric, definite in find_events(doc.norm)
    ]
    events = Intervals([(m.start, m.end) for m in found])
    for match in _SERIES.finditer(doc.norm):
        mention = _series(doc, match, bodies)
        if mention and not events.covers(mention.start, mention.start + 1):
            found.append(mention)
    taken = Intervals([(m.start, m.end) for m in found])
    for match in _SEMINAR.finditer(doc.norm):
        if not taken.covers(match.start("head"), match.start("head") + 1):
            found.append(_seminar(doc, match))
    for match in _DELEGATION.finditer(doc.norm):
        sentence_start = doc.sentence_of(match.start())[0]
        if _HELD.search(doc.norm, max(sentence_start, match.start() - 120), match.start()):
            end = _indefinite_adjectives_end(doc, match.end())
            found.append(MeetingMention(match.start(), end, "other", None, False, False, False))
    taken = Intervals([(m.start, m.end) for m in found])
    for match in _MEETING.finditer(doc.norm):
        if not taken.covers(match.start("head"), match.start("head") + 1):
            mention = _meeting(doc, match, bodies)
            if mention:
                found.append(mention)
    return sorted(found, key=lambda mention: mention.start)


def _series(
    doc: Document, match: re.Match[str], bodies: list[BodyMention]
) -> MeetingMention | None:
    """«الدورة الخامسة للندوة …», «الدورة المقبلة للجنة …», «النسخة الثالثة من الملتقى»."""
    position = match.end()
    ordinal_match = _next_word(doc, position)
    ordinal = upcoming = None
    if ordinal_match:
        read = read_ordinal(doc.norm, ordinal_match.start(1))
        if read:
            ordinal, position = read
        elif ordinal_match.group(1) in _UPCOMING:
            upcoming, position = True, ordinal_match.end(1)
    if ordinal is None and not upcoming:
        return None
    join = _SERIES_JOIN.match(doc.norm, position)
    if not join:
        return None
    seminar = _SEMINAR.match(doc.norm, join.end() - (1 if doc.norm[join.end() - 1] == "ل" else 0))
    start = _own_start(match)
    if seminar:
        end = _adjectives_end(doc, seminar.end())
        kind: MeetingKind = _seminar_kind(seminar.group("head"))
        return MeetingMention(
            start,
            _quoted_name_end(doc, end[0]),
            kind,
            ordinal,
            bool(match.group("det")),
            bool(upcoming),
            True,
        )
    body = _body_at(bodies, join.end() - 1, join.end() + 1)
    if body is None:
        return None
    return MeetingMention(
        start,
        bodies[body].end,
        _body_meeting_kind(bodies[body]),
        ordinal,
        bool(match.group("det")),
        bool(upcoming),
        True,
        body,
    )


def _seminar(doc: Document, match: re.Match[str]) -> MeetingMention:
    end, ordinal, upcoming = _adjectives_end(doc, match.end())
    definite = bool(match.group("al") and match.group("al").endswith(("ال", "لل")))
    definite = definite or match.group("head").startswith("ال")
    # «الندوة "ناجحة"» is someone's word on the seminar; «ندوة "…"», «الندوة الدولية "…"» a title.
    titled = end > match.end() or not definite
    return MeetingMention(
        _own_start(match),
        _quoted_name_end(doc, end) if titled else end,
        _seminar_kind(match.group("head")),
        ordinal,
        bool(match.group("det")),
        upcoming,
        definite,
    )


def _meeting(
    doc: Document, match: re.Match[str], bodies: list[BodyMention]
) -> MeetingMention | None:
    """«الاجتماع الأول للجنة …», «اجتماعها», «الاجتماع الوزاري», «مباحثات», «هذا اللقاء»."""
    head = match.group("head")
    if head == "اجتماعاتها":
        return None
    start = _own_start(match)
    definite = bool(match.group("al") and match.group("al").endswith(("ال", "لل")))
    anaphoric = bool(match.group("det"))
    minister = _MINISTERIAL.match(doc.norm, match.end())
    end, ordinal, upcoming = _adjectives_end(doc, minister.end() if minister else match.end())
    possessive = head in _POSSESSIVE
    body = None if minister else _meeting_body(doc, bodies, start, end, possessive)
    if body is not None and not possessive:
        end = bodies[body].end
    kind = _meeting_kind(doc, head, start, minister is not None, body, bodies)
    working = _WORKING.match(doc.norm, match.end())
    if kind is None and working and not match.group("al") and head in ("اجتماع", "لقاء"):
        kind, end = "other", max(end, working.end())  # «اجتماع عمل»: a working meeting
    if kind is not None:
        return MeetingMention(
            start, end, kind, ordinal, anaphoric, upcoming, definite or possessive, body
        )
    if not (anaphoric or ordinal is not None or upcoming or definite):
        return None
    weak = not (anaphoric or ordinal is not None or upcoming)
    return MeetingMention(
        start, end, "other", ordinal, anaphoric, upcoming, definite, None, generic=True, weak=weak
    )


_POSSESSIVE = frozenset(("اجتماعها", "اجتماعه", "دورتها"))


def _meeting_body(
    doc: Document, bodies: list[BodyMention], start: int, end: int, possessive: bool
) -> int | None:
    """The body that meets: named before «اجتماعها», or right after «اجتماع (ل)…»."""
    if possessive:
        return _body_before(doc, bodies, start)
    join = _JOIN.match(doc.norm, end)
    return _body_at(bodies, end, (join.end() if join else end) + 1)


def _meeting_kind(
    doc: Document,
    head: str,
    start: int,
    ministerial: bool,
    body: int | None,
    bodies: list[BodyMention],
) -> MeetingKind | None:
    """The kind the words say, or ``None`` for a generic «الاجتماع» / «اللقاء»."""
    if ministerial:
        return "ministerial_meeting"
    if body is not None:
        return _body_meeting_kind(bodies[body])
    if head in ("مباحثات", "محادثات"):
        sentence = doc.sentence_of(start)
        ministers = _MINISTERS.search(doc.norm, sentence[0], sentence[1])
        return "ministerial_meeting" if ministers else "other"
    sentence_start = doc.sentence_of(start)[0]
    if head in ("اجتماعا", "لقاء") and _HELD.search(
        doc.norm, max(sentence_start, start - 200), start
    ):
        return "other"
    return None


def _adjectives_end(doc: Document, position: int) -> tuple[int, int | None, bool]:
    """Past the adjectives of a meeting noun («الأمنية الدولية الثالثة»):
    (end, ordinal, upcoming)."""
    end, ordinal, upcoming = position, None, False
    for _ in range(6):
        word = _next_word(doc, end) or _hyphenated(doc, end)
        if not word:
            break
        read = read_ordinal(doc.norm, word.start(1))
        if read and ordinal is None:
            ordinal, end = read
            continue
        text = word.group(1)
        if text in _UPCOMING:
            upcoming, end = True, word.end(1)
            continue
        if text in _NOT_ADJECTIVE or not _ADJECTIVE.match(text):
            break
        end = word.end(1)
    return end, ordinal, upcoming


def _hyphenated(doc: Document, position: int) -> re.Match[str] | None:
    """The adjective (or ordinal) after a hyphen in a name («المغربية-الإسبانية الأولى»)."""
    match = HYPHEN_JOINED.match(doc.norm, position)
    if match and (_ADJECTIVE.match(match.group(1)) or read_ordinal(doc.norm, match.start(1))):
        return match
    return None


def _quoted_name_end(doc: Document, position: int) -> int:
    """Past a quotation that follows the name at once («ندوة "الأمن في المتوسط"»)."""
    start = position
    while start < len(doc.norm) and doc.norm[start] in " \t":
        start += 1
    quote = doc.quote_at(start) if start < len(doc.norm) else None
    if quote is not None and quote[0] == start and quote[1] - quote[0] <= _LONGEST_NAME:
        return quote[1]
    return position


_LONGEST_NAME = 120


def _indefinite_adjectives_end(doc: Document, position: int) -> int:
    """Past indefinite adjectives («وفدا أمنيا إسبانيا رفيع المستوى» → «… إسبانيا»)."""
    end = position
    for _ in range(3):
        word = _next_word(doc, end)
        if not word or doc.norm[end : word.start(1)].strip(" \t") != "":
            break
        if not _INDEFINITE_ADJECTIVE.match(word.group(1)):
            break
        end = word.end(1)
    return end


_INDEFINITE_ADJECTIVE = re.compile(r"\w+(?:يا|يه|ي)$")


def _next_word(doc: Document, position: int) -> re.Match[str] | None:
    return _WORD.match(doc.norm, position)


def _own_start(match: re.Match[str]) -> int:
    """Skip the determiner and «و»/«بـ»; keep «لل» (its «ال» is not in the text)."""
    start = match.end("det") if match.group("det") else match.start()
    head = match.start("head") if "head" in match.groupdict() else None
    al = match.groupdict().get("al")
    if head is not None and al and al.endswith("ال"):
        return head - 2
    if head is not None and al == "لل":
        return head - 2
    if head is not None:
        return head
    # «الدورة»: the series pattern has no named head; skip clitics before «ال».
    text = match.string[start : match.end()]
    offset = text.find("ال")
    return start + offset if offset >= 0 else start


def _seminar_kind(head: str) -> MeetingKind:
    return "other" if head in (fold("مؤتمر"), fold("منتدى")) else "seminar"


BODY_MEETING_KINDS: dict[BodyKind, MeetingKind] = {
    "strategic_committee": "strategic_committee_session",
    "follow_up_committee": "follow_up_meeting",
    "subcommittee": "subcommittee_meeting",
    "working_group": "subcommittee_meeting",
}


def _body_meeting_kind(body: BodyMention) -> MeetingKind:
    return BODY_MEETING_KINDS[body.kind]


def _body_at(bodies: list[BodyMention], start: int, end: int) -> int | None:
    for index, body in enumerate(bodies):
        if start <= body.start <= end and not body.plural:
            return index
    return None


def _body_before(doc: Document, bodies: list[BodyMention], position: int) -> int | None:
    """The body whose meeting «اجتماعها» is: the nearest singular body before, same sentence."""
    sentence_start = doc.sentence_of(position)[0]
    candidates = [
        index
        for index, body in enumerate(bodies)
        if sentence_start <= body.start < position
        and not body.plural
        and not _GOVERNED.search(doc.norm, max(sentence_start, body.start - 12), body.start)
    ]
    return candidates[-1] if candidates else None
