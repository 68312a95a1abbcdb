"""People, found by the way the press introduces them, never by a list of names.

* An honorific or rank, then the name: «السيد فلان …», «الجنرال …».
* The title of an institution's head, then the name: «وزير الداخلية الإسباني، فلان الفلاني».
* The position stands before the honorific («وزير الداخلية الإسباني السيد …») or after
  the name between commas («السيد …، مدير التعاون الدولي، …»).

A name is the run of words after the introduction that can be part of a name: it stops at
punctuation, particles, verbs, titles, places and at «ال» words (except nisbas such as
«الفلاني» after a first name, and «عبد الـ…»). Spellings that fold alike («أمزيان» / «امزيان»),
and a surname alone after the full name («السيد فلان»), are one person.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from committee.importer.extraction.evidence import ordered_evidence, spans_of
from committee.importer.extraction.institutions import institution
from committee.importer.extraction.mention_index import ByStart
from committee.importer.extraction.model import Evidence, PersonFact, Side
from committee.importer.extraction.organizations import RoleMention, institution_in
from committee.importer.extraction.phrases import PhraseIndex, clitic_readings
from committee.importer.extraction.text import Document, ar, fold, folded_words

HONORIFICS = (
    "السيد",
    "السيدة",
    "الآنسة",
    "الدكتور",
    "الدكتورة",
    "الأستاذ",
    "الأستاذة",
    "الجنرال",
    "الكولونيل",
    "العقيد",
    "اللواء",
    "العميد",
    "الحاج",
)
TITLE_WORDS = folded_words(
    "المدير مدير المديرة مديرة نائب رئيس رئيسة الرئيس وزير وزيرة الوزير كاتب كاتبة الكاتب والي "
    "المفوض مفوض المراقب مراقب المفتش مفتش قائد القائد سفير السفير سفيرة القنصل قنصل ضابط "
    "الضابط المستشار مستشار المسؤول مسؤول ممثل الناطق المنسق منسق الملحق ملحق عميد العميد "
    "المديران المديرين المفوضة مفوضة المراقبة مراقبة المستشارة مستشارة المسؤولة مسؤولة الضابطة "
    "ضابطة المنسقة منسقة الملحقة ملحقة القنصلة نائبة الكاتبة"
)
SPEECH_VERBS = folded_words(
    "قال أكد أوضح أشار اعتبر شدد أبرز نوه أضاف لفت أعرب صرح ذكر سجل دعا أعلن أشاد حذر نبه "
    "قالت أكدت أوضحت أشارت اعتبرت شددت أبرزت نوهت أضافت لفتت أعربت صرحت ذكرت سجلت دعت أعلنت "
    "أشادت حذرت نبهت يقول يؤكد"
)
_STOP = (
    folded_words(
        "في من على علي إلى الى عن مع أن إن ان بأن لأن قد لقد الذي التي الذين خلال بعد قبل حول "
        "ضد عبر لدى لدي عند منذ حتى كما أيضا ثم أو او بين تحت فوق أمام دون نحو ضمن وفق أثناء "
        "إزاء كل هذا هذه ذلك تلك هو هي هم يوم يومي اليوم أمس غدا حيث بينما لكن وذلك نفسه "
        "شخصيا رفقة برفقة بحضور بمناسبة بدوره بدورها جهته جهتها جانبه جانبها ما لا لم لن "
        "له لها لهم به بها إنه انه أنه بأنه الى جانب عقب إثر اثر أجل نظيره نظيرته نظيرهما "
        "نظيراه"
    )
    | SPEECH_VERBS
    | TITLE_WORDS
    | folded_words(" ".join(HONORIFICS))
)
#: Adjectives that follow names without being part of them.
_COMMON_NISBAS = folded_words(
    "الوطني الإسباني الاسباني المغربي الأمني الدولي الثنائي الاستراتيجي العربي الأوروبي الملكي "
    "المدني الجهوي الإقليمي الرسمي الخارجي الداخلي السامي الحالي الماضي الجاري الفرنسي "
    "الإفريقي الافريقي العالمي الأجنبي الإداري المركزي الثاني الأول الثالث التالي المعني "
    "القضائي الجنائي الشرطي الجمركي الإسلامي الأمريكي البرتغالي الحكومي"
)
_NAME_LINKS = folded_words("عبد أبو ابو بن ابن بنت ولد بو")
_TRAILING_PARTICLES = folded_words("دي دل لا بن ابن أبو عبد ولد")
_GLUED = ("بال", "لل", "كال", "فال", "وال", "وبال")

#: An honorific, perhaps with a nationality: «السيد», «العميد الإسباني».
_HONORIFIC = ar(
    rf"(?<![^\W_و])(?P<h>{'|'.join(HONORIFICS)})(?!\w)"
    r"(?:[ \t]+(?P<nationality>المغربي|المغربية|الإسباني|الإسبانية|الاسباني|الاسبانية))?[ \t]+"
)
_TOKEN = re.compile(r"[ \t]*(\w+(?:-\w+)?)")
_APPOSITION = re.compile(r"[ \t]*[،,][ \t]*(\w+)")
#: «والي أمن طنجة», «ولاية أمن الرباط»: prefects of security are officers of the DGSN.
_SECURITY_PREFECT = ar(r"(?<!\w)(?:والي|ولاية)\s+(?:ال)?أمن(?!\w)")
_MA = ar(r"المغربي|المغربية|بالمغرب|المملكة المغربية")
_ES = ar(r"الإسباني|الإسبانية|بإسبانيا|الاسباني|الاسبانية|باسبانيا")


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

    def read(self) -> tuple[list[PersonFact], list[PersonMention]]:
        taken: set[int] = set()
        for match in _HONORIFIC.finditer(self.doc.norm):
            name = self._name_at(match.end(), minimum=1)
            if name:
                taken.add(match.end())
                self._add(
                    match.start(), match.group("h"), name, nationality=match.group("nationality")
                )
        for role in self.roles:
            after = _APPOSITION.match(self.doc.norm, role.end)
            start = after.start(1) if after else role.end
            name = self._name_at(start, minimum=2)
            if name and name[0] not in taken and not _HONORIFIC.match(self.doc.norm, name[0]):
                self._add(role.start, None, name, role=role)
        self.mentions.sort(key=lambda mention: mention.start)
        return [self._fact(person) for person in self.people], self.mentions

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
        while tokens and tokens[-1][0] in _TRAILING_PARTICLES:
            tokens.pop()
        if len(tokens) < max(minimum, 1):
            return None
        return tokens[0][1], tokens[-1][2], tuple(word for word, _, _ in tokens)

    def _name_word(self, match: re.Match[str], previous: list[str]) -> bool:
        """Can the word ``match`` found continue a name after ``previous``?"""
        word = match.group(1)
        if word == "علي" and self.doc.original(match.start(1), match.end(1)).endswith("ي"):
            return True  # «علي» (Ali), not «على» (on), which folds alike
        if any(char.isdigit() for char in word) or len(word) < 2 or word in _STOP:
            return False
        if word.startswith(_GLUED) or (
            word[0] == "و" and (word[1:] in _STOP or word[1:].startswith("ال"))
        ):
            return False
        if word.startswith("ال") and self._has_article(match.start(1)):
            return bool(previous) and (
                previous[-1] in _NAME_LINKS
                or (word.endswith("ي") and len(word) >= 5 and word not in _COMMON_NISBAS)
            )
        return not any(self.known_words.lookup_folded(stem) for stem, _ in clitic_readings(word))

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
    ) -> None:
        name_start, name_end, words = name
        position = self._position(start, name_end, role)
        organization = self._organization(position, role)
        person = self._person_for(words)
        original_name = self.doc.original(name_start, name_end)
        if len(words) > 1 or not person.names:
            person.names.append(original_name)
        if len(words) > len(person.tokens):
            person.tokens = _identity(words)
        if honorific and person.honorific is None:
            person.honorific = self.doc.original(start, start + len(honorific))
        if position and person.position is None:
            person.position = self.doc.original(*position)
            person.organization_key = organization
            person.side = _side(self.doc, position, organization)
        if person.side is None and nationality:
            person.side = "MA" if _MA.search(nationality) else "ES"
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

    def _person_for(self, words: tuple[str, ...]) -> _Person:
        identity = _identity(words)
        candidates = [person for person in self.people if _same_person(identity, person.tokens)]
        if candidates:
            return max(candidates, key=self._last_mentioned)
        person = _Person(key=f"person:{len(self.people) + 1}", tokens=identity)
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
            if any(_breaks_position(later) for _, _, later in words[index + 1 :]):
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


def _identity(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words that identify a name: folded, and without the article after the first word
    («الفلاني» = «فلاني»)."""
    return tuple(
        word if index == 0 else word.removeprefix("ال") for index, word in enumerate(words)
    )


def _same_person(mention: tuple[str, ...], known: tuple[str, ...]) -> bool:
    if mention == known:
        return True
    if len(mention) == 1 or len(known) == 1:
        return mention[-1] == known[-1]
    shorter, longer = sorted((mention, known), key=len)
    return longer[: len(shorter)] == shorter or longer[-len(shorter) :] == shorter


_BREAKS = folded_words("أن إن ان بأن الذي التي قال أكد أوضح أشار وقال وأكد وأوضح وأشار ضمن لدى")


def _breaks_position(word: str) -> bool:
    return word in _BREAKS or word in SPEECH_VERBS


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


class Directory:
    """The people of an article, looked up by what stands for them in prose."""

    def __init__(self, people: list[PersonFact]) -> None:
        self.people = people

    def head_of(self, organization: str) -> str | None:
        """The one person of ``organization`` («وزير الداخلية المغربي» → the minister)."""
        matching = {p.key for p in self.people if p.organization_key == f"org:{organization}"}
        return matching.pop() if len(matching) == 1 else None

    def by_title(self, title: str, side: str) -> tuple[str, str | None] | None:
        """(person, organisation) of the one person of ``side`` whose position has ``title``
        («الوزير» + «الإسباني» → the Spanish minister)."""
        stem = fold(title).removeprefix("ال").split()[0]
        matching = [
            p for p in self.people if p.side == side and p.position and stem in fold(p.position)
        ]
        if len(matching) != 1:
            return None
        return matching[0].key, (matching[0].organization_key or "").removeprefix("org:") or None


def find_people(
    doc: Document, roles: list[RoleMention], known_words: PhraseIndex[str]
) -> tuple[list[PersonFact], list[PersonMention]]:
    """People and their mentions; ``known_words`` (places, months) end a name."""
    return PeopleReader(doc, roles, known_words).read()
