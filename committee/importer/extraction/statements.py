"""What people said: direct quotations and reported speech, each given to its speaker.

A statement is a sentence that opens with a speech verb («قال», «أكد», «أوضح», «أشار»,
«نوه» …), possibly after «ومن جهته،» / «بدوره،» / «كما». The speaker is the person (or the
head's title: «المدير العام للأمن الوطني»; or «الوزير الإسباني») right after the verb; with
none, it is the last speaker — press prose strings «وقال إن …», «وأضاف أن …» after a named
opener. A sentence that does not speak ends the run, so a later «وقال» is not given to a stale
speaker. The content follows, after a parenthetical («، في كلمة ألقاها بالمناسبة،»,
«من جهته») and «أن / إن / عن».
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from committee.importer.extraction.mention_index import ByStart
from committee.importer.extraction.organizations import RoleMention
from committee.importer.extraction.people import PersonMention
from committee.importer.extraction.person_words import SPEECH_VERBS
from committee.importer.extraction.text import QUOTE_PAIRS, Document, ar

_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_ASIDE = r"(?:من\s+جهته|من\s+جهتها|من\s+جانبه|من\s+جانبها|بدوره|بدورها|من\s+ناحيته|من\s+ناحيتها)"
_OPENING = ar(rf"(?:و?{_ASIDE}(?!\w)\s*[،,]?\s*)?[وف]?(?:كما\s+)?")
_VERB = re.compile(rf"(?P<verb>{_VERBS})(?!\w)")
_PARENTHETICAL = ar(
    r"[ \t]*[،,]?[ \t]*(?:في|خلال|بهذه|بمناسبة|أمام|لدى|عند|ضمن|عقب|على\s+هامش)(?!\w)"
    r"[^،,.]{0,120}[،,]"
    r"|[ \t]*(?:بهذه\s+المناسبة|في\s+هذا\s+الصدد|في\s+هذا\s+الإطار|من\s+جهة\s+أخرى)[ \t]*[،,]?"
    r"|[ \t]*(?:في|خلال)\s+(?:تصريح|كلمة|تدخل|حديث|ندوة\s+صحفية)[^،,.]{0,60}?"
    r"(?=[ \t]+(?:إن|أن|بأن)[ \t])"
    rf"|[ \t]*{_ASIDE}[ \t]*[،,]?"
    r"|[ \t]*[،,][^،,.\"«“]{1,60}[،,]"
)
#: «…، فيما نوهت السيدة …»: a second statement inside the sentence.
_WHILE = ar(rf"[ \t]*[،,][ \t]*(?:فيما|بينما|في\s+حين)[ \t]+(?=(?:{_VERBS})(?!\w))")
_THAT = ar(
    r"[ \t]*[،,]?[ \t]*(?:إلى\s+أن|الى\s+أن|على\s+أن|بأن|أن|إن|انه|أنه|إنه|عن)?(?=[ \t\"«“]|$)"
)
#: «الوزير الإسباني», «المسؤول المغربي»: a speaker named by title and nationality.
_TITLE_AND_NATIONALITY = ar(
    r"[ \t]*(?P<title>الوزير|المدير\s+العام|المدير|المسؤول|الرئيس)[ \t]+"
    r"(?P<nationality>الإسباني|الاسباني|المغربي|الإسبانية|المغربية)(?!\w)"
)
_NOUN_SUBJECT = ar(
    r"[ \t]*(?:ال\w+ون|ال\w+ين|المشاركون|الخبراء|الطرفان|الجانبان|الوفدان|المتدخلون|بلاغ"
    r"|البلاغ)(?!\w)"
)

Speaker = tuple[str | None, str | None, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class StatementDraft:
    verb: tuple[int, int]
    content: tuple[int, int]
    direct: bool
    person_key: str | None
    organization_key: str | None
    speaker: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Speakers:
    """Who can speak: people's mentions, heads' titles, and how to find the person behind a
    title («المدير العام للأمن الوطني» → his directorate's head; «الوزير الإسباني» → the
    Spanish minister named before)."""

    people: list[PersonMention]
    roles: list[RoleMention]
    person_for_org: Callable[[str], str | None]
    person_for_title: Callable[[str, str], tuple[str, str | None] | None]
    dateline_end: int = 0


class StatementReader:
    def __init__(self, doc: Document, speakers: Speakers) -> None:
        self.doc = doc
        self.speakers = speakers
        self.current: tuple[str | None, str | None] | None = None
        self._people = ByStart(speakers.people, lambda mention: mention.start)
        self._roles = ByStart(speakers.roles, lambda role: role.start)

    def read(self) -> list[StatementDraft]:
        found = []
        for start, end in self._parts():
            statement = self._sentence(max(start, self.speakers.dateline_end), end)
            if statement is None:
                self.current = None
            else:
                found.append(statement)
        return found

    def _parts(self) -> list[tuple[int, int]]:
        """The sentences, each cut where «، فيما نوهت …» opens a second speaker's words."""
        parts = []
        for sentence_start, end in self.doc.sentences:
            start = sentence_start
            for match in _WHILE.finditer(self.doc.norm, sentence_start, end):
                if self.doc.quote_at(match.start()) is None:
                    parts.append((start, match.start()))
                    start = match.end()
            parts.append((start, end))
        return parts

    def _sentence(self, start: int, end: int) -> StatementDraft | None:
        if start >= end:
            return None
        opening = _OPENING.match(self.doc.norm, start, end)
        position = opening.end() if opening else start
        verb = _VERB.match(self.doc.norm, position, end)
        if verb is None:
            return self._bare_quotation(start, end)
        speaker, position = self._speaker(verb.end(), end)
        if speaker is None:
            if self.current is None or _NOUN_SUBJECT.match(self.doc.norm, position, end):
                return None
            person_key, organization_key = self.current
            speaker_span = None
        else:
            person_key, organization_key, speaker_span = speaker
            self.current = (person_key, organization_key)
        position = self._skip_parentheticals(position, end)
        that = _THAT.match(self.doc.norm, position, end)
        position = that.end() if that else position
        direct, content = self._quotation(position, end)
        if content[1] - content[0] < 3:
            return None
        return StatementDraft(
            (verb.start(), verb.end()), content, direct, person_key, organization_key, speaker_span
        )

    def _speaker(self, position: int, end: int) -> tuple[Speaker | None, int]:
        gap_limit = position + 4
        for mention in self._people.between(position, gap_limit):
            if mention.end <= end:
                span = (mention.start, mention.end)
                return (mention.person_key, mention.organization_key, span), mention.end
        for role in self._roles.between(position, gap_limit):
            if role.end <= end:
                person = self.speakers.person_for_org(role.key)
                return (person, role.key, (role.start, role.end)), role.end
        titled = _TITLE_AND_NATIONALITY.match(self.doc.norm, position, end)
        if titled:
            side = "MA" if "مغرب" in titled.group("nationality") else "ES"
            found = self.speakers.person_for_title(titled.group("title"), side)
            if found:
                span = (titled.start("title"), titled.end())
                return (found[0], found[1], span), titled.end()
        return None, position

    def _skip_parentheticals(self, position: int, end: int) -> int:
        for _ in range(3):
            match = _PARENTHETICAL.match(self.doc.norm, position, end)
            if not match or match.end() >= end:
                break
            position = match.end()
        return position

    def _quotation(self, start: int, end: int) -> tuple[bool, tuple[int, int]]:
        """The content from ``start``: direct speech when it is one quotation (marks dropped)."""
        while start < end and self.doc.norm[start] in " \t:":
            start += 1
        quote = self.doc.quote_at(start)
        if quote and quote[0] == start and self.doc.norm[quote[1] : end].strip(" .،,") == "":
            inner = self.doc.trim(quote[0] + 1, quote[1] - 1)
            if inner[1] > inner[0]:
                return True, inner
        return False, self.doc.trim(start, end, keep_quotes=True)

    def _bare_quotation(self, start: int, end: int) -> StatementDraft | None:
        """A sentence that is only a quotation continues the current speaker's words."""
        if self.current is None or self.doc.norm[start] not in QUOTE_PAIRS:
            return None
        direct, content = self._quotation(start, end)
        if not direct:
            return None
        person_key, organization_key = self.current
        return StatementDraft((start, start), content, True, person_key, organization_key, None)


def find_statements(doc: Document, speakers: Speakers) -> list[StatementDraft]:
    return StatementReader(doc, speakers).read()
