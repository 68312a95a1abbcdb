"""People in French and Spanish prose, found by the way the press introduces them.

* A head's title, a comma, then the name: «le directeur général de la Police espagnole,
  Francisco Pardo», «la directora general de la Guardia Civil, Mercedes González». The
  position runs from the title to that comma («… de la Sûreté nationale et de la
  Surveillance du territoire»).
* An honorific, then the name: «M. …», «Mme …», «el comisario …», «D. …»; the position may
  follow between commas («M. …, directeur de la police judiciaire à la DGSN,»).

A name is a run of capitalised words (with «de», «del», «Ben» … between them); it stops at
punctuation, a lower-case word, a place, an institution or a month. The same surname later
(«M. Hammouchi») is the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from committee.importer.extraction.evidence import ordered_evidence, spans_of
from committee.importer.extraction.institutions import institution
from committee.importer.extraction.latin_lexicon import LatinLexicon, compiled
from committee.importer.extraction.latin_names import is_known_name
from committee.importer.extraction.latin_text import LatinDocument
from committee.importer.extraction.mention_index import ByStart
from committee.importer.extraction.model import Chair, Evidence, PersonFact, Side
from committee.importer.extraction.organizations import OrgMention, RoleMention
from committee.importer.extraction.people import PersonMention

_TOKEN = re.compile(r"[ \t]*([\w'-]+)")
_COMMA_NAME = re.compile(r"[ \t]*,[ \t]*")
_MAX_POSITION = 90
#: A surname alone names someone already named when it is at least this long («Hammouchi»).
_SURNAME_ALONE = 5


@dataclass(slots=True)
class _Person:
    key: str
    surname: str
    names: list[str] = field(default_factory=list)
    honorific: str | None = None
    position: str | None = None
    organization_key: str | None = None
    side: Side | None = None
    evidence: list[Evidence | None] = field(default_factory=list)


class LatinPeopleReader:
    def __init__(
        self,
        doc: LatinDocument,
        lexicon: LatinLexicon,
        roles: list[RoleMention],
        orgs: list[OrgMention],
    ) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.roles = roles
        self.orgs = orgs
        self._roles = ByStart(roles, lambda role: role.start)
        self._orgs = ByStart(orgs, lambda org: org.start)
        self.people: list[_Person] = []
        self.mentions: list[PersonMention] = []
        self._particles = re.compile(rf"(?:{lexicon.particles})")
        self._titles = compiled(lexicon.titles)
        self._honorific = compiled(rf"[ \t]*(?:{lexicon.honorifics})")
        self._stops = compiled(f"{lexicon.titles}|{'|'.join(lexicon.months)}")

    def read(self) -> tuple[list[PersonFact], list[PersonMention]]:
        taken: set[int] = set()
        for role in self.roles:
            found = None if self._follows_name(role.start) else self._after_role(role)
            if found:
                comma, honorific, name = found
                taken.add(name[0])
                pair = self._pair(name)
                if pair is None:
                    owner = self._owner(role, comma)
                    self._add(role.start, honorific, name, (role.start, comma), owner)
                    continue
                # «los directores generales de la Policía española y de la DGSN marroquí,
                # Francisco Pardo y Abdellatif Hammouchi»: each name the office of its rank.
                owners = self._institutions(role.start, comma)
                for index, one in enumerate(pair):
                    taken.add(one[0])
                    one_owner = owners[index] if len(owners) == len(pair) else None
                    self._add(role.start, honorific, one, (role.start, comma), one_owner)
        for title in self._titles.finditer(self.doc.norm):
            found = None
            if not self._follows_name(title.start()):
                found = self._after_title(title.start(), title.end())
            if found and found[2][0] not in taken:
                comma, honorific, name = found
                taken.add(name[0])
                self._add(title.start(), honorific, name, (title.start(), comma), None)
        for match in compiled(self.lexicon.honorifics).finditer(self.doc.norm):
            named = self._name_at(match.end(), minimum=1)
            if named and named[0] not in taken:
                taken.add(named[0])
                position = self._apposition(named[1])
                self._add(match.start(), match, named, position, None)
        self._named_again()
        self.mentions.sort(key=lambda mention: mention.start)
        return [self._fact(person) for person in self.people], self.mentions

    def _named_again(self) -> None:
        """«Pardo Piqueras destacó…», «Hammouchi a souligné…»: a person named once with an
        office is the same person wherever the name, its surnames or a long surname recur."""
        named = [(mention.name_start, mention.name_end) for mention in self.mentions]
        found: list[PersonMention] = []
        for person in self.people:
            forms: set[str] = set()
            for mention in self.mentions:
                if mention.person_key == person.key:
                    words = self.doc.norm[mention.name_start : mention.name_end].split()
                    forms.update({" ".join(words), " ".join(words[1:])})
                    if len(words[-1]) >= _SURNAME_ALONE:
                        forms.add(words[-1])
            for form in sorted(form for form in forms if form):
                pattern = rf"(?<![\w'-]){re.escape(form)}(?![\w'-])"
                for match in re.finditer(pattern, self.doc.norm):
                    start, end = match.span()
                    overlaps = any(a < end and start < b for a, b in named)
                    if overlaps or not self.doc.original(start, end)[:1].isupper():
                        continue
                    named.append((start, end))
                    found.append(
                        PersonMention(
                            start, end, start, end, person.key, None, person.organization_key
                        )
                    )
        self.mentions.extend(found)

    # --- where a name is -----------------------------------------------------------------
    def _after_role(
        self, role: RoleMention
    ) -> tuple[int, re.Match[str] | None, tuple[int, int, list[str]]] | None:
        """The comma that ends the position, an honorific and the name after it («…,
        Francisco Pardo», «…, M. Ahmed Alami»)."""
        return self._after_title(role.start, role.end)

    def _after_title(
        self, start: int, end: int
    ) -> tuple[int, re.Match[str] | None, tuple[int, int, list[str]]] | None:
        """The same for any title, a head's or not («el jefe de la Brigada Central de
        Estupefacientes, …»): an office the gazetteer does not know still introduces a name."""
        sentence_end = self.doc.sentence_of(start)[1]
        limit = min(sentence_end, end + _MAX_POSITION)
        position = end
        while position < limit:
            comma = self.doc.norm.find(",", position, limit)
            if comma == -1:
                return None
            if self._titles.search(self.doc.norm, end, comma):
                return None  # another title first: the name belongs to it
            honorific = self._honorific.match(self.doc.norm, comma + 1)
            name = self._name_at(honorific.end() if honorific else comma + 1, minimum=2)
            if name:
                return comma, honorific, name
            position = comma + 1
        return None

    def _pair(
        self, name: tuple[int, int, list[str]]
    ) -> tuple[tuple[int, int, list[str]], tuple[int, int, list[str]]] | None:
        """«Francisco Pardo Piqueras y Abdellatif Hammouchi»: two names of two words or more
        joined by «y» / «et» (a single-word side is a compound surname: «Ramón y Cajal»)."""
        start, end, words = name
        joined = re.search(r"\s(?:y|et|e)\s", self.doc.norm[start:end])
        if joined is None:
            return None
        cut = len(self.doc.norm[start : start + joined.start()].split())
        first, second = words[:cut], words[cut + 1 :]
        if len(first) < 2 or len(second) < 2:
            return None
        return (
            (start, start + joined.start(), first),
            (start + joined.end(), end, second),
        )

    def _institutions(self, start: int, end: int) -> list[str]:
        """The institutions a title names, in order, each once."""
        found = sorted(
            [(role.start, role.key) for role in self._roles.between(start, end)]
            + [(org.start, org.key) for org in self._orgs.between(start, end)]
        )
        return list(dict.fromkeys(key for _, key in found))

    def _follows_name(self, position: int) -> bool:
        """«M. …, directeur de …, M. …»: a title right after a name and its comma is that
        name's apposition, not the introduction of the next name in a list. A capitalised
        word that is an acronym, a place or an institution's is no name."""
        start = max(0, position - 40)
        found = re.search(r"([\w'-]+)\s*,\s*(?:\w+\s+)?$", self.doc.norm[start:position])
        if found is None:
            return False
        word_start, word_end = start + found.start(1), start + found.end(1)
        word = self.doc.original(word_start, word_end)
        if not word[:1].isupper() or word.isupper() or is_known_name(found.group(1)):
            return False  # «de la DGSN,», «En Rabat,»: no name, the title opens the next
        named = [(o.start, o.end) for o in self.orgs] + [(r.start, r.end) for r in self.roles]
        return not any(first <= word_start < last for first, last in named)

    def _apposition(self, name_end: int) -> tuple[int, int] | None:
        """«…, directeur de la police judiciaire à la DGSN,»: a title after the name."""
        comma = _COMMA_NAME.match(self.doc.norm, name_end)
        if not comma:
            return None
        title = self._titles.match(self.doc.norm, comma.end())
        if not title:
            return None
        return title.start(), self.doc.clause_end(title.start())

    def _name_at(self, position: int, minimum: int) -> tuple[int, int, list[str]] | None:
        """(start, end, folded words) of the capitalised name starting at ``position``."""
        tokens: list[tuple[str, int, int]] = []
        end = position
        while len(tokens) < 6:
            match = _TOKEN.match(self.doc.norm, end)
            if not match:
                break
            word = match.group(1)
            original = self.doc.original(match.start(1), match.end(1))
            capital = original[:1].isupper()
            if not capital and not (tokens and self._particles.fullmatch(word)):
                break
            if capital and (self._stops.fullmatch(word) or is_known_name(word)):
                break
            tokens.append((word, match.start(1), match.end(1)))
            end = match.end(1)
        while tokens and self._particles.fullmatch(tokens[-1][0]):
            tokens.pop()
        if len(tokens) < minimum or not tokens:
            return None
        return tokens[0][1], tokens[-1][2], [word for word, _, _ in tokens]

    # --- one mention ---------------------------------------------------------------------
    def _add(
        self,
        start: int,
        honorific: re.Match[str] | None,
        name: tuple[int, int, list[str]],
        position: tuple[int, int] | None,
        organization: str | None,
    ) -> None:
        name_start, name_end, words = name
        if position is not None:
            position = self.doc.trim(*position)
        if organization is None and position is not None:
            organization = self._institution_in(*position)
        person = self._person_for(words)
        person.names.append(self.doc.original(name_start, name_end))
        if honorific is not None and person.honorific is None:
            person.honorific = self._abbreviation(*honorific.span())
        if position is not None and person.position is None:
            person.position = self.doc.original(*position)
            person.organization_key = organization
            person.side = self._side(organization, position)
        person.evidence.append(self.doc.evidence("name", name_start, name_end))
        if position is not None:
            person.evidence.append(self.doc.evidence("position", *position))
        whole = (
            (min(start, position[0]), max(name_end, position[1])) if position else (start, name_end)
        )
        self.mentions.append(
            PersonMention(
                whole[0], whole[1], name_start, name_end, person.key, position, organization
            )
        )

    def _abbreviation(self, start: int, end: int) -> str:
        """An honorific as written, its full stop kept («M.», «Sr.»)."""
        written = self.doc.original(start, end)
        return written + "." if self.doc.norm[start:end].rstrip().endswith(".") else written

    def _person_for(self, words: list[str]) -> _Person:
        surname = words[-1]
        for person in self.people:
            if person.surname == surname:
                return person
        person = _Person(key=f"person:{len(self.people) + 1}", surname=surname)
        self.people.append(person)
        return person

    def _owner(self, role: RoleMention, comma: int) -> str:
        """«director de la Policía Judicial de la DGSN»: a domain word («Policía») is read as
        one country's by default; an institution of the other country named after it says
        whose office it is. One of the same country («… de l'Information de la Police
        nationale», «… de la Sûreté nationale et de la Surveillance du territoire») is the
        branch's parent or a second hat, and the title's own institution stands."""
        side = institution(role.key).side
        for org in self._orgs.between(role.end, comma):
            other = institution(org.key).side
            if side in ("MA", "ES") and other in ("MA", "ES") and other != side:
                return org.key
        return role.key

    def _institution_in(self, start: int, end: int) -> str | None:
        for role in self._roles.between(start, end):
            return role.key
        for org in self._orgs.between(start, end):
            return org.key
        return None

    def _side(self, organization: str | None, position: tuple[int, int]) -> Side | None:
        if organization is not None:
            side = institution(organization).side
            return side if side in ("MA", "ES") else "third_party"
        text = self.doc.norm[position[0] : position[1]]
        if compiled(self.lexicon.nationality_ma).search(text):
            return "MA"
        if compiled(self.lexicon.nationality_es).search(text):
            return "ES"
        return None

    def _fact(self, person: _Person) -> PersonFact:
        evidence = ordered_evidence(person.evidence)
        variants = tuple(dict.fromkeys(person.names))
        longest = max(len(name.split()) for name in variants)
        full = [name for name in variants if len(name.split()) == longest]
        return PersonFact(
            key=person.key,
            name=full[0],
            variants=tuple(full),
            honorific=person.honorific,
            position=person.position,
            organization_key=f"org:{person.organization_key}" if person.organization_key else None,
            side=person.side,
            spans=spans_of(evidence),
            evidence=evidence,
        )


def find_latin_people(
    doc: LatinDocument, lexicon: LatinLexicon, roles: list[RoleMention], orgs: list[OrgMention]
) -> tuple[list[PersonFact], list[PersonMention]]:
    return LatinPeopleReader(doc, lexicon, roles, orgs).read()


def latin_chairs(
    doc: LatinDocument,
    span: tuple[int, int],
    roles: ByStart[RoleMention],
    orgs: ByStart[OrgMention],
    people: ByStart[PersonMention],
) -> list[Chair]:
    """The co-chairs a «coprésidé par …» phrase names: one per side, heads before bare names
    of institutions («les directeurs généraux de la Sûreté nationale (DGSN) et de la Police
    espagnole (DGP)» → the DGSN's and the DGP's)."""
    found: dict[str, Chair] = {}
    named = sorted(
        [(r.start, r.end, r.key, True) for r in roles.between(*span)]
        + [(o.start, o.end, o.key, False) for o in orgs.between(*span)]
    )
    heads = {p.position[0]: p.person_key for p in people.between(*span) if p.position}
    for start, end, key, is_role in named:
        side = institution(key).side
        if side not in ("MA", "ES") or side in found:
            continue
        person = heads.get(start) if is_role else None
        found[side] = Chair(side, f"org:{key}", person, doc.original(start, end))
    return list(found.values())
