"""Bodies and meetings named in French and Spanish prose, as the mentions the Arabic path makes.

Bodies: «le Comité stratégique de sécurité», «la Comisión de Seguimiento de las
recomendaciones», «la sous-commission chargée de la lutte contre le terrorisme», «un grupo de
trabajo sobre …»; plurals («trois sous-commissions») are kept apart; «ce comité», «dicho
Comité», a bare «le Comité» refer back.

Meetings: a head noun («séminaire», «reunión», «session» …) with what stands before it (an
ordinal «IIIe», «III», «troisième»; «prochaine»; «ce», «sa») and after it (adjectives, «de la
sous-commission», «ministérielle»); «la deuxième édition du séminaire» is the seminar's.
The resulting ``BodyMention`` and ``MeetingMention`` are grouped and dated by the shared code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from committee.importer.extraction.bodies import BodyMention
from committee.importer.extraction.latin_lexicon import LatinLexicon, compiled, ordinal_value
from committee.importer.extraction.latin_text import LatinDocument
from committee.importer.extraction.meetings import BODY_MEETING_KINDS, MeetingMention
from committee.importer.extraction.mention_index import ByStart, Intervals
from committee.importer.extraction.model import BodyKind, MeetingKind

_WORD = re.compile(r"[ \t]*([\w'-]+)")
_B = r"(?<![\w'-])"
_E = r"(?![\w-])"


def _plural_heads(alternation: str) -> str:
    """«comite» → «comite(?:s|es)?»: the first word of each head may take a plural ending."""
    heads = []
    for head in alternation.split("|"):
        first, _, rest = head.partition(r"\s+")
        heads.append(f"{first}(?:s|es)?" + (rf"\s+{rest}" if rest else ""))
    return "|".join(heads)


@dataclass(slots=True)
class _Head:
    """A meeting noun and what its neighbouring words say."""

    start: int
    end: int
    ordinal: int | None
    upcoming: bool
    determiner: str | None

    @property
    def definite(self) -> bool:
        return self.determiner in ("definite", "anaphoric", "possessive")

    def mention(self, kind: MeetingKind) -> MeetingMention:
        anaphoric = self.determiner == "anaphoric"
        return MeetingMention(
            self.start, self.end, kind, self.ordinal, anaphoric, self.upcoming, self.definite
        )

    def of_body(self, bodies: list[BodyMention], body: int, *, after: bool) -> MeetingMention:
        """A body's meeting; «la session du Comité …» runs to the end of the body's name."""
        end = max(self.end, bodies[body].end) if after else self.end
        kind = BODY_MEETING_KINDS[bodies[body].kind]
        anaphoric = self.determiner == "anaphoric"
        return MeetingMention(
            self.start, end, kind, self.ordinal, anaphoric, self.upcoming, True, body
        )


class LatinEvents:
    """Finds the bodies and meetings of one document."""

    def __init__(self, doc: LatinDocument, lexicon: LatinLexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        heads = "|".join(
            f"(?P<{name}>{_plural_heads(getattr(lexicon, name))})"
            for name in ("sub_heads", "group_heads", "body_heads")
        )
        self._body = re.compile(rf"{_B}(?:{heads}){_E}")
        self._adjectives = compiled(lexicon.adjectives)
        self._strategic = compiled(lexicon.strategic)
        self._follow_up = compiled(lexicon.follow_up)
        self._introducer = re.compile(rf"[ \t]+(?:{lexicon.mandate_introducers})(?:[ \t]+|(?<='))")
        self._stop = re.compile(rf"\s+(?:{lexicon.mandate_stops}){_E}|\s*[()]")
        self._not_a_body = re.compile(rf"[ \t]+(?:{lexicon.not_a_body}){_E}")
        self._anaphoric = compiled(lexicon.anaphoric)
        self._meeting = re.compile(
            rf"{_B}(?:(?P<seminar>{lexicon.seminar_heads})|(?P<event>{lexicon.event_heads})"
            rf"|(?P<series>{lexicon.series_heads})|(?P<generic>{lexicon.generic_heads})){_E}"
        )
        self._of = re.compile(rf"[ \t]+(?:{lexicon.of})(?:[ \t]+|(?<='))")
        self._ministerial = re.compile(rf"[ \t]+(?:{lexicon.ministerial}){_E}")
        self._meets = re.compile(rf"[ \t]+(?:{lexicon.meets}){_E}")
        self._not_a_meeting = re.compile(rf"[ \t]+(?:{lexicon.not_a_meeting}){_E}")
        self._met = re.compile(rf"{_B}(?:(?P<past>{lexicon.met})|{lexicon.met_later}){_E}")
        self._named = [
            (kind, re.compile(rf"{_B}(?:{alternation}){_E}"))
            for kind, alternation in lexicon.named_events
        ]

    # --- bodies --------------------------------------------------------------------------
    def bodies(self) -> list[BodyMention]:
        found = []
        for match in self._body.finditer(self.doc.norm):
            mention = self._read_body(match)
            if mention is not None:
                found.append(mention)
        return found

    def _read_body(self, match: re.Match[str]) -> BodyMention | None:
        plural = self._is_plural(match)
        kind: BodyKind | None = None
        if match.group("sub_heads"):
            kind = "subcommittee"
        elif match.group("group_heads"):
            kind = "working_group"
        ordinal, start = self._ordinal_before(match.start())
        end = self._adjectives_end(match.end())
        if kind is None:
            strategic = self._strategic.match(self.doc.norm, self._skip_space(end))
            follow_up = self._follow_up.match(self.doc.norm, self._skip_space(end))
            if strategic:
                end = self._adjectives_end(strategic.end())
                return BodyMention(start, end, "strategic_committee", plural, None, None, None)
            if follow_up and not plural:
                return self._with_mandate(
                    start, follow_up.end(), "follow_up_committee", plural, None
                )
            if plural or self._not_a_body.match(self.doc.norm, end):
                return None
            if self._refers_back(match, end):
                return BodyMention(start, end, "subcommittee", False, None, None, None, True)
            return None
        return self._with_mandate(start, end, kind, plural, ordinal)

    def _is_plural(self, match: re.Match[str]) -> bool:
        """The head's first word is none of the singular forms («commissions», «grupos»)."""
        first = match.group().split()[0]
        singulars = "|".join(
            head.split(r"\s+")[0]
            for name in ("sub_heads", "group_heads", "body_heads")
            for head in getattr(self.lexicon, name).split("|")
        )
        return not re.fullmatch(singulars, first)

    def _refers_back(self, match: re.Match[str], end: int) -> bool:
        """«ce comité», «dicho Comité», or a bare «le Comité» that nothing qualifies."""
        before = self.doc.norm[max(0, match.start() - 12) : match.start()].split()
        if before and self._anaphoric.fullmatch(before[-1]):
            return True
        if not self.doc.original(match.start(), match.start() + 1).isupper():
            return False
        return not self._of.match(self.doc.norm, end)

    def _with_mandate(
        self, start: int, end: int, kind: BodyKind, plural: bool, ordinal: int | None
    ) -> BodyMention:
        """Add the mandate that follows: «chargée de …», «sobre …», «des recommandations»."""
        introducer = self._introducer.match(self.doc.norm, end)
        if kind == "follow_up_committee" and not introducer:
            introducer = None
        if not introducer:
            return BodyMention(start, end, kind, plural, ordinal, None, None)
        mandate_start = introducer.end()
        mandate_end = self.doc.clause_end(mandate_start)
        stop = self._stop.search(self.doc.norm, mandate_start, mandate_end)
        mandate_end = self.doc.trim(mandate_start, stop.start() if stop else mandate_end)[1]
        if mandate_end <= mandate_start:
            return BodyMention(start, end, kind, plural, ordinal, None, None)
        text = self.doc.original(mandate_start, mandate_end)
        return BodyMention(
            start, mandate_end, kind, plural, ordinal, (mandate_start, mandate_end), text
        )

    # --- meetings ------------------------------------------------------------------------
    def meetings(self, bodies: list[BodyMention]) -> list[MeetingMention]:
        self._bodies = ByStart(list(enumerate(bodies)), lambda item: item[1].start)
        found = []
        for match in self._meeting.finditer(self.doc.norm):
            mention = self._read_meeting(match, bodies)
            if mention is not None:
                found.append(mention)
        found.extend(self._named_events())
        found.extend(self._met_by_verb(bodies, found))
        return sorted([*found, *self._bodies_meeting(bodies, found)], key=lambda m: m.start)

    def _met_by_verb(
        self, bodies: list[BodyMention], found: list[MeetingMention]
    ) -> list[MeetingMention]:
        """«los responsables de ambos cuerpos se reunieron el pasado martes en Almería»: a
        meeting told by its verb alone, of no known kind; a body's own verb («la subcomisión se
        reunirá») and a sentence that already names its meeting are left to those readers."""
        body_verbs = {body.end for body in bodies}
        named = {self.doc.sentence_of(mention.start) for mention in found}
        meetings = []
        for match in self._met.finditer(self.doc.norm):
            before = self.doc.norm[: match.start()].rstrip(" \t")
            if len(before) in body_verbs or self.doc.sentence_of(match.start()) in named:
                continue
            upcoming = match.group("past") is None
            meetings.append(
                MeetingMention(
                    match.start(), match.end(), "other", None, False, upcoming, True, None, True
                )
            )
        return meetings

    def _named_events(self) -> list[MeetingMention]:
        """«une conférence de presse», «una visita de trabajo»: events of their own kind, not
        seminars nor generic meetings, whatever determiner stands before them."""
        found = []
        for kind, pattern in self._named:
            for match in pattern.finditer(self.doc.norm):
                _, upcoming, determiner, start = self._before_head(match.start())
                head = _Head(start, match.end(), None, upcoming, determiner or "definite")
                found.append(head.mention(kind))
        return found

    def _bodies_meeting(
        self, bodies: list[BodyMention], found: list[MeetingMention]
    ) -> list[MeetingMention]:
        """«la subcomisión … se reunirá», «la sous-commission s'est réunie»: the body's verb of
        meeting right after its name (not a habit told between commas: «…, se réunit»)."""
        taken = Intervals([(m.start, m.end) for m in found])
        meetings = []
        for index, body in enumerate(bodies):
            verb = self._meets.match(self.doc.norm, body.end)
            if verb and not body.plural and not taken.covers(verb.start() + 1, verb.end()):
                kind = BODY_MEETING_KINDS[body.kind]
                meetings.append(
                    MeetingMention(body.start, verb.end(), kind, None, False, False, True, index)
                )
        return meetings

    def _read_meeting(
        self, match: re.Match[str], bodies: list[BodyMention]
    ) -> MeetingMention | None:
        if self._not_a_meeting.match(self.doc.norm, match.end()):
            return None
        ordinal, upcoming, determiner, start = self._before_head(match.start())
        head = _Head(start, self._adjectives_end(match.end()), ordinal, upcoming, determiner)
        if match.group("series"):
            return self._series(head, bodies)
        if match.group("seminar") or match.group("event"):
            kind: MeetingKind = "seminar" if match.group("seminar") else "other"
            return head.mention(kind)
        minister = self._ministerial.match(self.doc.norm, head.end)
        if minister:
            head.end = self._adjectives_end(minister.end())
            return head.mention("ministerial_meeting")
        return self._of_a_body(head, bodies)

    def _series(self, head: _Head, bodies: list[BodyMention]) -> MeetingMention | None:
        """«la deuxième édition du séminaire …» is the seminar's; «… du Comité» the body's."""
        joined = self._of.match(self.doc.norm, head.end)
        seminar = self._meeting.match(self.doc.norm, joined.end()) if joined else None
        if seminar is not None and (seminar.group("seminar") or seminar.group("event")):
            head.end = self._adjectives_end(seminar.end())
            head.determiner = head.determiner or "definite"
            return head.mention("seminar" if seminar.group("seminar") else "other")
        body = self._body_after(bodies, head.end)
        return None if body is None else head.of_body(bodies, body, after=True)

    def _of_a_body(self, head: _Head, bodies: list[BodyMention]) -> MeetingMention | None:
        """«la réunion de la sous-commission», «sa quatrième réunion», or a generic one."""
        body = self._body_after(bodies, head.end)
        if body is not None:
            return head.of_body(bodies, body, after=True)
        if head.determiner == "possessive":
            body = self._body_before(bodies, head.start)
            if body is not None:
                return head.of_body(bodies, body, after=False)
        anaphoric = head.determiner == "anaphoric"
        if not (anaphoric or head.ordinal is not None or head.upcoming or head.definite):
            return None
        weak = not (anaphoric or head.ordinal is not None or head.upcoming)
        return MeetingMention(
            head.start,
            head.end,
            "other",
            head.ordinal,
            anaphoric,
            head.upcoming,
            head.definite,
            None,
            True,
            weak,
        )

    def _body_after(self, bodies: list[BodyMention], end: int) -> int | None:
        joined = self._of.match(self.doc.norm, end)
        if not joined:
            return None
        for index, body in self._bodies.between(joined.end() - 1, joined.end() + 2):
            if not body.plural:
                return index
        return None

    def _body_before(self, bodies: list[BodyMention], position: int) -> int | None:
        sentence_start = self.doc.sentence_of(position)[0]
        before = [
            index
            for index, body in self._bodies.between(sentence_start, position)
            if not body.plural
        ]
        return before[-1] if before else None

    # --- words around a head -------------------------------------------------------------
    def _before_head(self, position: int) -> tuple[int | None, bool, str | None, int]:
        """(ordinal, upcoming, determiner kind, where the mention starts) from the words
        before a head: «la troisième», «sa quatrième», «la prochaine», «ce», «el VIII»."""
        words = self.doc.words(max(0, position - 40), position)[-3:]
        ordinal: int | None = None
        upcoming = False
        start = position
        determiner: str | None = None
        for word_start, word_end, word in reversed(words):
            if self.doc.norm[word_end:start].strip(" \t'") != "":
                break
            value = ordinal_value(word, self.lexicon, bare_roman=True)
            if ordinal is None and value is not None and not upcoming:
                ordinal, start = value, word_start
                continue
            if re.fullmatch(self.lexicon.upcoming, word):
                upcoming, start = True, word_start
                continue
            if re.fullmatch(self.lexicon.anaphoric, word):
                determiner = "anaphoric"
            elif re.fullmatch(self.lexicon.possessive, word):
                determiner = "possessive"
            elif re.fullmatch(self.lexicon.articles, word):
                determiner = "definite" if word not in ("un", "une", "una") else "indefinite"
            break
        return ordinal, upcoming, determiner, start

    def _ordinal_before(self, position: int) -> tuple[int | None, int]:
        words = self.doc.words(max(0, position - 20), position)[-1:]
        for word_start, word_end, word in words:
            value = ordinal_value(word, self.lexicon, bare_roman=False)
            if value is not None and self.doc.norm[word_end:position].isspace():
                return value, word_start
        return None, position

    def _adjectives_end(self, position: int) -> int:
        end = position
        for _ in range(6):
            match = self._adjectives.match(self.doc.norm, self._skip_space(end))
            if not match or not self.doc.norm[end : match.start()].isspace():
                break
            end = match.end()
        return end

    def _skip_space(self, position: int) -> int:
        while position < len(self.doc.norm) and self.doc.norm[position] in " \t":
            position += 1
        return position
