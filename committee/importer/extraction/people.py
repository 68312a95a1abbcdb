"""People, found by the way the press introduces them, never by a list of names.

* An honorific or rank, then the name: «السيد فلان …», «الجنرال …».
* The title of an institution's head, then the name: «وزير الداخلية الإسباني، فلان الفلاني».
* The position stands before the honorific («وزير الداخلية الإسباني السيد …») or after
  the name between commas («السيد …، مدير التعاون الدولي، …»).
* Any office, then the name, with no honorific («والي أمن الرباط فلان الفلاني،»,
  «سفير إسبانيا بالرباط …»): the office is read by ``offices``; the name must end where
  nothing can continue it (punctuation, a particle, a date or place).
* A list, each name followed by its own office («كلا من فلان، رئيس …، وفلان، مدير …»).
* «وزير الداخلية … مع نظيره الإسباني»: the counterpart's nationality gives both sides.

A name is the run of words after the introduction that can be part of a name: it stops at
punctuation, particles, verbs, titles, places and at «ال» words (except nisbas such as
«الفلاني» after a first name, and «عبد الـ…», and a family name that ends the name before
punctuation). Spellings that fold alike («أمزيان» / «امزيان»), a surname alone after the full
name («السيد فلان», «وأكد فلان،»), a given name alone that only one person bears, and a
one-letter slip of a long name on the same side are one person (``name_likeness``); a name
alone is never one of the person's spellings. A person with no institution takes the side the
passage speaks for («عن الجانب المغربي», «الوفد الإسباني»).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from committee.importer.extraction.directory import Directory
from committee.importer.extraction.evidence import ordered_evidence, spans_of
from committee.importer.extraction.institutions import institution
from committee.importer.extraction.mention_index import ByStart, Intervals
from committee.importer.extraction.model import Evidence, PersonFact, Side
from committee.importer.extraction.name_likeness import (
    identity,
    is_lone_name,
    is_typo_of,
    refers_to,
    same_person,
)
from committee.importer.extraction.offices import SideCues, may_be_name, office_end
from committee.importer.extraction.organizations import RoleMention, institution_in
from committee.importer.extraction.person_words import (
    COMMON_NISBAS,
    GLUED,
    HONORIFICS,
    NAME_LINKS,
    SPEECH_VERBS,
    STOP,
    TITLE_WORDS,
    TRAILING_PARTICLES,
    breaks_position,
)
from committee.importer.extraction.phrases import PhraseIndex, clitic_readings
from committee.importer.extraction.text import Document, ar, fold, folded_words
from committee.importer.extraction.verbal_nouns import is_action_noun

#: What other modules import from here (the lexicons and ``Directory`` moved out).
__all__ = ["HONORIFICS", "SPEECH_VERBS", "TITLE_WORDS", "Directory", "PersonMention", "find_people"]

#: An honorific, perhaps with a nationality: «السيد», «العميد الإسباني».
_HONORIFIC = ar(
    rf"(?<![^\W_و])(?P<h>{'|'.join(HONORIFICS)})(?!\w)"
    r"(?:[ \t]+(?P<nationality>المغربي|المغربية|الإسباني|الإسبانية|الاسباني|الاسبانية))?[ \t]+"
)
_GAP = re.compile(r"[ \t]*([،,])?[ \t]*")
_SIDE_NOUNS = folded_words("الجانب الوفد")
_TOKEN = re.compile(r"[ \t]*(\w+(?:-\w+)?)")
_APPOSITION = re.compile(r"[ \t]*[،,][ \t]*(\w+)")
#: «والي أمن طنجة», «ولاية أمن الرباط»: prefects of security are officers of the DGSN.
_SECURITY_PREFECT = ar(r"(?<![^\W_و])(?:والي|ولاية)\s+(?:ال)?أمن(?!\w)")
_MA = ar(r"المغربي|المغربية|بالمغرب|المملكة المغربية|(?<!\w)المغرب(?!\w)")
_ES = ar(r"الإسباني|الإسبانية|بإسبانيا|الاسباني|الاسبانية|باسبانيا|(?<!\w)[إا]سبانيا(?!\w)")
#: What may close a name that no honorific introduced: punctuation or the end of the text.
_CLOSED = re.compile(r"[ \t]*(?:[،,.؛;:()\n]|$)")
#: «، رئيس …»: an office in apposition after a name.
_OFFICE_AFTER = re.compile(r"[،,][ \t]*(\w+)")
#: What introduces the names of a list of people («كلا من», «يقوده», «عن الجانب المغربي»).
_LIST_OPENERS = folded_words(
    "من يقوده يقودها يترأسه يترأسها ترأسه برئاسة بحضور بمشاركة يضم تضم ضم المغربي المغربية "
    "الإسباني الإسبانية الاسباني الاسبانية"
)


@dataclass(slots=True)
class PersonMention:
    """One place a person is named; ``start``/``end`` cover position, honorific and name."""

    start: int
    end: int
    name_start: int
    name_end: int
    person_key: str
    position: tuple[int, int] | None
    organization_key: str | None


@dataclass(slots=True)
class _Person:
    key: str
    tokens: tuple[str, ...]
    names: list[str] = field(default_factory=list)
    honorific: str | None = None
    position: str | None = None
    organization_key: str | None = None
    side: Side | None = None
    evidence: list[Evidence | None] = field(default_factory=list)


class PeopleReader:
    """Finds the people of one document and merges their mentions."""

    def __init__(
        self, doc: Document, roles: list[RoleMention], known_words: PhraseIndex[str]
    ) -> None:
        self.doc = doc
        self.roles = roles
        self.known_words = known_words
        self.people: list[_Person] = []
        self.mentions: list[PersonMention] = []
        self._roles_by_start = ByStart(roles, lambda role: role.start)
        self._roles_by_end = ByStart(roles, lambda role: role.end)
        self._last_seen: dict[str, int] = {}
        self._mention_ends: list[int] = []
        self._side_cues = SideCues(doc)

    def read(self) -> tuple[list[PersonFact], list[PersonMention]]:
        taken: set[int] = set()
        for match in _HONORIFIC.finditer(self.doc.norm):
            name = self._name_at(match.end(), minimum=1)
            if name:
                taken.add(name[0])
                self._add(
                    match.start(), match.group("h"), name, nationality=match.group("nationality")
                )
        for role in self.roles:
            after = _APPOSITION.match(self.doc.norm, role.end)
            start = after.start(1) if after else role.end
            name = self._name_at(start, minimum=2)
            if (
                name
                and name[0] not in taken
                and may_be_name(name[2])
                and not _HONORIFIC.match(self.doc.norm, name[0])
            ):
                taken.add(name[0])
                self._add(role.start, None, name, role=role)
        self._after_offices(taken)
        self._before_offices(taken)
        self._lone_names()
        self.mentions.sort(key=lambda mention: mention.start)
        return [self._fact(person) for person in self.people], self.mentions

    def _after_offices(self, taken: set[int]) -> None:
        """«والي أمن الرباط محمد الطويل.», «وزير الداخلية، فلان الفلاني،»: a name after any
        office, closed by punctuation (no honorific vouches for it)."""
        norm = self.doc.norm
        covered = Intervals([(mention.start, mention.end) for mention in self.mentions])
        end = 0
        for start, _, word in self.doc.words(0, len(norm)):
            base = word[1:] if word[0] == "و" and word[1:] in TITLE_WORDS else word
            title_start = start + len(word) - len(base)
            if base not in TITLE_WORDS or title_start < end or covered.covers(start, start + 1):
                continue
            end = office_end(self.doc, title_start, self.known_words, TITLE_WORDS, STOP)
            gap = _GAP.match(norm, end)
            name = self._name_at(gap.end() if gap else end, minimum=2)
            if not name or name[0] in taken or not self._closed(name[1]):
                continue
            first = name[2][0]
            if not may_be_name(name[2]):
                continue
            if gap and gap.group(1) and first[0] == "و" and len(first) > 3:
                continue  # «…، وفلان»: the next item of a list, not this office's holder
            taken.add(name[0])
            position = (title_start, end)
            after = self._title_after(name[1])
            if after and self._organization(position, None) is None:
                position = after  # «المراقب العام فلان، مدير …»: a rank, then the office
            self._add(title_start, None, name, position=position)

    def _before_offices(self, taken: set[int]) -> None:
        """«كلا من فلان، رئيس قسم …، وفلان، مدير …», «عن الجانب المغربي فلان، رئيس …»:
        each name of a list followed by its own office."""
        norm = self.doc.norm
        for match in _OFFICE_AFTER.finditer(norm):
            if match.group(1) not in TITLE_WORDS:
                continue
            comma = match.start()
            sentence_start = self.doc.sentence_of(comma)[0]
            words = self.doc.words(max(sentence_start, comma - 100), comma)
            for size in (4, 3, 2):
                if len(words) < size or not words or words[-1][1] != comma:
                    continue
                first_start, _, first = words[-size]
                start = first_start + 1 if first[0] == "و" and len(first) > 3 else first_start
                name = self._name_at(start, minimum=2)
                if not name or name[1] != comma or len(name[2]) != size or name[0] in taken:
                    continue
                if not may_be_name(name[2]):
                    continue
                if self._opens_list(words[: len(words) - size], first_start, sentence_start):
                    taken.add(name[0])
                    self._add(start, None, name, position=self._title_after(comma))
                    break

    def _opens_list(
        self, before: list[tuple[int, int, str]], start: int, sentence_start: int
    ) -> bool:
        """Does what stands before ``start`` open a list item: a comma, «كلا من», «يقوده»,
        «عن الجانب المغربي», or the start of the sentence?"""
        if not before:
            return start - sentence_start < 3
        previous_end = before[-1][1]
        if any(mark in self.doc.norm[previous_end:start] for mark in "،,"):
            return True
        word = before[-1][2]
        if word not in _LIST_OPENERS:
            return False
        if word.startswith("ال"):  # a nationality: only after «الجانب», «الوفد»
            return len(before) > 1 and before[-2][2].lstrip("و") in _SIDE_NOUNS
        return True

    def _lone_names(self) -> None:
        """«وأكد الوزاني، …»: a surname alone, without honorific, that only one person of the
        article bears, after that person was named in full."""
        owners: dict[str, set[str]] = {}
        for person in self.people:
            if len(person.tokens) > 1:
                for name in person.names:
                    last = fold(name).split()[-1]
                    if len(last) >= 4 and last not in STOP and last not in COMMON_NISBAS:
                        owners.setdefault(last, set()).add(person.key)
        unique = {word: keys.pop() for word, keys in owners.items() if len(keys) == 1}
        if not unique:
            return
        people = {person.key: person for person in self.people}
        first_seen: dict[str, int] = {}
        for mention in self.mentions:
            first_seen[mention.person_key] = min(
                first_seen.get(mention.person_key, mention.start), mention.start
            )
        covered = Intervals([(mention.start, mention.end) for mention in self.mentions])
        pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, unique))})(?!\w)")
        for match in pattern.finditer(self.doc.norm):
            person = people[unique[match.group()]]
            start, end = match.span()
            if covered.covers(start, end) or start < first_seen[person.key]:
                continue
            if not (self._after_a_verb(start) and _CLOSED.match(self.doc.norm, end)):
                continue
            person.evidence.append(self.doc.evidence("name", start, end))
            self.mentions.append(PersonMention(start, end, start, end, person.key, None, None))
            self._last_seen[person.key] = max(self._last_seen.get(person.key, -1), start)
            bisect.insort(self._mention_ends, end)

    def _after_a_verb(self, start: int) -> bool:
        """A speech verb or a particle stands just before ``start`` («وأكد الوزاني»)."""
        words = self.doc.words(max(0, start - 30), start)
        if not words or self.doc.norm[words[-1][1] : start].strip():
            return False
        word = words[-1][2]
        return word in SPEECH_VERBS or word[1:] in SPEECH_VERBS or word in STOP

    # --- names ---------------------------------------------------------------------------
    def _name_at(self, position: int, minimum: int) -> tuple[int, int, tuple[str, ...]] | None:
        """(start, end, folded words) of the name that starts at ``position``."""
        tokens: list[tuple[str, int, int]] = []
        end = position
        while len(tokens) < 5:
            match = _TOKEN.match(self.doc.norm, end)
            if not match or not self._name_word(match, [word for word, _, _ in tokens]):
                break
            tokens.append((match.group(1), match.start(1), match.end(1)))
            end = match.end(1)
        while tokens and tokens[-1][0] in TRAILING_PARTICLES:
            tokens.pop()
        if len(tokens) < max(minimum, 1):
            return None
        return tokens[0][1], tokens[-1][2], tuple(word for word, _, _ in tokens)

    def _name_word(self, match: re.Match[str], previous: list[str]) -> bool:
        """Can the word ``match`` found continue a name after ``previous``?"""
        word = match.group(1)
        if word == "علي" and self.doc.original(match.start(1), match.end(1)).endswith("ي"):
            return True  # «علي» (Ali), not «على» (on), which folds alike
        if any(char.isdigit() for char in word) or len(word) < 2 or word in STOP:
            return False
        if word.startswith(GLUED) or (
            word[0] == "و" and (word[1:] in STOP or word[1:].startswith("ال"))
        ):
            return False
        if word.startswith("ال") and self._has_article(match.start(1)):
            if not previous:  # «السيد الورياغلي»: a family name alone
                return word.endswith("ي") and len(word) >= 6 and word not in COMMON_NISBAS
            return (
                previous[-1] in NAME_LINKS
                or (word.endswith("ي") and len(word) >= 5 and word not in COMMON_NISBAS)
                or (len(previous) == 1 and self._family_name(word, match.end(1)))
            )
        return not any(self.known_words.lookup_folded(stem) for stem, _ in clitic_readings(word))

    def _closed(self, end: int) -> bool:
        """Does the name end at ``end`` for sure: punctuation, a particle, a date or place, or a
        word glued to a preposition («بالتعاون»), none of which continues a name?"""
        if _CLOSED.match(self.doc.norm, end):
            return True
        following = _TOKEN.match(self.doc.norm, end)
        if following is None:
            return True
        word = following.group(1)
        return (
            word in STOP
            or (word[0] == "و" and word[1:] in STOP)
            or word.startswith(GLUED)
            or any(self.known_words.lookup_folded(stem) for stem, _ in clitic_readings(word))
        )

    def _family_name(self, word: str, end: int) -> bool:
        """«لطيفة المرابط.», «محمد الطويل،»: an «ال» word that ends a two-word name, as
        no noun phrase of the genre does («الجلسة», «الاجتماعات», «التنسيق»)."""
        return (
            not word.endswith(("ه", "ات", "ين", "ون"))
            and word not in COMMON_NISBAS
            and not is_action_noun(word)
            and not self.known_words.lookup_folded(word)
            and bool(_CLOSED.match(self.doc.norm, end))
        )

    def _has_article(self, position: int) -> bool:
        """«ال» with a bare alef is the article; «ألونسو», «إلياس» start with a hamza."""
        return self.doc.original(position, position + 1) in ("ا", "")

    # --- one mention ---------------------------------------------------------------------
    def _add(
        self,
        start: int,
        honorific: str | None,
        name: tuple[int, int, tuple[str, ...]],
        role: RoleMention | None = None,
        nationality: str | None = None,
        position: tuple[int, int] | None = None,
    ) -> None:
        name_start, name_end, words = name
        if position is None:
            position = self._position(start, name_end, role)
        organization = self._organization(position, role)
        side = _side(self.doc, position, organization) if position else None
        if side is None and nationality:
            side = "MA" if _MA.search(nationality) else "ES"
        if side is None:
            side = self._side_cues.at(name_start)
        person = self._person_for(words, side)
        original_name = self.doc.original(name_start, name_end)
        if len(words) > 1 or not person.names:
            person.names.append(original_name)
        if len(words) > len(person.tokens):
            person.tokens = identity(words)
        if honorific and person.honorific is None:
            person.honorific = self.doc.original(start, start + len(honorific))
        if position and person.position is None:
            person.position = self.doc.original(*position)
            person.organization_key = organization
        if person.side is None:
            person.side = side
        person.evidence.append(self.doc.evidence("name", name_start, name_end))
        if position:
            person.evidence.append(self.doc.evidence("position", *position))
        whole_start = min(start, position[0]) if position else start
        whole_end = max(name_end, position[1]) if position else name_end
        self.mentions.append(
            PersonMention(
                whole_start, whole_end, name_start, name_end, person.key, position, organization
            )
        )
        self._last_seen[person.key] = max(self._last_seen.get(person.key, -1), whole_start)
        bisect.insort(self._mention_ends, whole_end)

    def _person_for(self, words: tuple[str, ...], side: Side | None) -> _Person:
        """The person these words name: the same name, a part of it, a lone given name that
        only one person bears, or a one-letter slip of a name on the same side."""
        name = identity(words)
        candidates = [person for person in self.people if same_person(name, person.tokens)]
        if not candidates and is_lone_name(name):
            given = [person for person in self.people if refers_to(name[0], person.tokens)]
            candidates = given if len(given) == 1 else []
        if not candidates and side is not None:
            candidates = [
                person
                for person in self.people
                if person.side == side and is_typo_of(name, person.tokens)
            ]
        if candidates:
            return max(candidates, key=self._last_mentioned)
        person = _Person(key=f"person:{len(self.people) + 1}", tokens=name)
        self.people.append(person)
        return person

    def _last_mentioned(self, person: _Person) -> int:
        return self._last_seen.get(person.key, -1)

    def _position(
        self, start: int, name_end: int, role: RoleMention | None
    ) -> tuple[int, int] | None:
        """The position's words: the role itself, a title just before, or an apposition after."""
        if role is not None:
            return role.start, role.end
        for candidate in self._roles_by_end.between(start - 4, start + 1):
            if self.doc.norm[candidate.end : start].strip(" \t،,") == "":
                if candidate.counterpart:  # «ونظيره الإسباني السيد …، المدير العام …» says more
                    return self._title_after(name_end) or (candidate.start, candidate.end)
                return candidate.start, candidate.end
        return self._title_before(start) or self._title_after(name_end)

    def _title_before(self, start: int) -> tuple[int, int] | None:
        """A title in the words before ``start`` («… المدير العام للشرطة السيد»), or just
        before a comma («وأكد والي أمن طنجة، السيد …»)."""
        return self._title_in_clause(start) or self._title_in_clause(self._comma_before(start))

    def _comma_before(self, start: int) -> int:
        """Where the title ends when only «، » separates it from the honorific at ``start``."""
        before = self.doc.norm[max(0, start - 3) : start].rstrip(" \t")
        return start - 3 + len(before) - 1 if before.endswith(("،", ",")) else -1

    def _title_in_clause(self, start: int) -> tuple[int, int] | None:
        if start < 0:
            return None
        clause_start = self.doc.clause_start(start)
        index = bisect.bisect_right(self._mention_ends, start)
        previous = self._mention_ends[index - 1] if index else 0
        words = self.doc.words(max(clause_start, start - 160, previous), start)
        for index, (word_start, _, word) in enumerate(words):
            base = word[1:] if word[0] == "و" and word[1:] in TITLE_WORDS else word
            if base not in TITLE_WORDS:
                continue
            if any(breaks_position(later) for _, _, later in words[index + 1 :]):
                continue
            return word_start + len(word) - len(base), words[-1][1]
        return None

    def _title_after(self, name_end: int) -> tuple[int, int] | None:
        match = _APPOSITION.match(self.doc.norm, name_end)
        if not match or match.group(1) not in TITLE_WORDS:
            return None
        end = self.doc.clause_end(match.start(1))
        words = self.doc.words(match.start(1), end)[:12]
        return match.start(1), words[-1][1]

    def _organization(
        self, position: tuple[int, int] | None, role: RoleMention | None
    ) -> str | None:
        if role is not None:
            return role.key
        if position is None:
            return None
        for candidate in self._roles_by_start.between(*position):
            return candidate.key
        if _SECURITY_PREFECT.search(self.doc.norm, *position):
            return "dgsn"
        return institution_in(self.doc, *position)

    def _fact(self, person: _Person) -> PersonFact:
        evidence = ordered_evidence(person.evidence)
        variants = tuple(dict.fromkeys(person.names))
        longest = max(len(name.split()) for name in variants)
        full = [name for name in variants if len(name.split()) == longest > 1]
        return PersonFact(
            key=person.key,
            name=(full or list(variants))[0],
            variants=tuple(full) or variants,
            honorific=person.honorific,
            position=person.position,
            organization_key=f"org:{person.organization_key}" if person.organization_key else None,
            side=person.side,
            spans=spans_of(evidence),
            evidence=evidence,
        )


def _side(doc: Document, position: tuple[int, int], organization: str | None) -> Side | None:
    if organization is not None:
        side = institution(organization).side
        return side if side in ("MA", "ES") else "third_party"
    text = doc.norm[position[0] : position[1]]
    if _MA.search(text):
        return "MA"
    if _ES.search(text):
        return "ES"
    return None


def find_people(
    doc: Document, roles: list[RoleMention], known_words: PhraseIndex[str]
) -> tuple[list[PersonFact], list[PersonMention]]:
    """People and their mentions; ``known_words`` (places, months) end a name."""
    return PeopleReader(doc, roles, known_words).read()
