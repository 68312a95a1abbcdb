"""What French and Spanish articles say was decided, and the standing arrangements they name.

A decision verb («ont convenu», «acordaron», «ont recommandé», «appelé à» …) is followed,
after linking words («de», «également», «además en»), by its object: an infinitive
(«renforcer», «crear») or an action noun («la création», «la puesta en marcha»). The object
runs to the end of the sentence or to the next object of the same verb («…, et de créer …»,
«…, así como crear …»). Each object is a ``RecommendationDraft``, as in Arabic, so the
shared code turns it into a fact: it creates a body when it starts with «créer / crear /
mise en place» and names one; it is standing when it says «chaque année», «anual» ….
"""

from __future__ import annotations

import re

from committee.importer.extraction.agreements import AgreementMention, MechanismMention
from committee.importer.extraction.anchoring import Anchor
from committee.importer.extraction.bodies import BodyMention
from committee.importer.extraction.circumstances import OrgPhrase
from committee.importer.extraction.latin_lexicon import LatinLexicon, compiled
from committee.importer.extraction.latin_text import LatinDocument, latin, latin_fold
from committee.importer.extraction.mention_index import ByStart
from committee.importer.extraction.model import MechanismKind, Theme
from committee.importer.extraction.organizations import OrgMention
from committee.importer.extraction.plans import PlanMention
from committee.importer.extraction.recommendations import RecommendationDraft
from committee.importer.extraction.themes import classify

#: Standing arrangements, in French and Spanish (each is a proper noun phrase of its kind).
_MECHANISMS: tuple[tuple[MechanismKind, str], ...] = (
    (
        "joint_police_station",
        r"commissariats?\s+(?:de\s+police\s+)?(?:conjoints?|mixtes?|communs?)"
        r"|comisar[ií]as?\s+(?:conjuntas?|mixtas?|comunes)",
    ),
    (
        "police_cooperation_centre",
        r"centres?\s+de\s+coopération\s+policière(?:\s+et\s+douanière)?"
        r"|centros?\s+de\s+cooperación\s+policial(?:\s+y\s+aduanera)?",
    ),
    ("liaison_officers", r"officiers\s+de\s+liaison|oficiales\s+de\s+enlace"),
    ("joint_patrols", r"patrouilles\s+(?:mixtes|conjointes)|patrullas\s+(?:conjuntas|mixtas)"),
    (
        "joint_investigation_team",
        r"équipes?\s+communes?\s+d'enquête|equipos?\s+conjuntos?\s+de\s+investigación",
    ),
)
_MECHANISM_PATTERNS = tuple(
    (kind, latin(rf"(?<![\w-])(?:{words})(?![\w-])")) for kind, words in _MECHANISMS
)


def find_latin_mechanisms(doc: LatinDocument) -> list[MechanismMention]:
    found = [
        MechanismMention(match.start(), match.end(), kind, doc.clause_end(match.end()))
        for kind, pattern in _MECHANISM_PATTERNS
        for match in pattern.finditer(doc.norm)
    ]
    return sorted(found, key=lambda mention: mention.start)


class LatinDecisionReader:
    def __init__(
        self,
        doc: LatinDocument,
        lexicon: LatinLexicon,
        bodies: list[BodyMention],
        plans: list[PlanMention] | None = None,
    ):
        self.plans = plans or []
        self._plan_action = re.compile(rf"(?:{lexicon.plan_actions})(?![\w-])")
        self.doc = doc
        self.lexicon = lexicon
        self.bodies = bodies
        self._by_start = ByStart(list(enumerate(bodies)), lambda item: item[1].start)
        self._trigger = compiled(lexicon.triggers)
        self._link = re.compile(rf"[ \t]*(?:{lexicon.object_links})(?:[ \t]+|(?<='))")
        self._article = re.compile(rf"(?:{lexicon.articles})(?:[ \t]+|(?<='))")
        self._action_noun = re.compile(rf"(?:{lexicon.action_nouns})(?![\w-])")
        self._infinitive = re.compile(rf"{lexicon.infinitive}(?![\w-])")
        self._continuation = re.compile(rf"[ \t]*(?:{lexicon.continuations})[ \t]+")
        self._establishing = re.compile(rf"(?:{lexicon.articles})?\s*(?:{lexicon.establishing})")
        self._standing = compiled(lexicon.standing)
        self._dangling = re.compile(r"[\s,]+(?:et|y|ou|o)$")
        #: «…, coprésidé par …», «…, que …»: an aside, not part of the object.
        self._aside = re.compile(rf"\s*[,(]\s*(?:{lexicon.mandate_stops})(?![\w-])")
        self._themes = tuple(
            (theme, tuple(" " + latin_fold(word) for word in keywords.split("|")))
            for theme, keywords in lexicon.themes
        )

    def read(self) -> list[RecommendationDraft]:
        drafts = []
        for sentence_start, sentence_end in self.doc.sentences:
            for trigger in self._trigger.finditer(self.doc.norm, sentence_start, sentence_end):
                if self.doc.quote_at(trigger.start()):
                    continue
                drafts.extend(self._objects(trigger, sentence_end))
        for draft in drafts:
            self._classify(draft)
        return sorted(drafts, key=lambda draft: draft.text[0])

    def _objects(self, trigger: re.Match[str], sentence_end: int) -> list[RecommendationDraft]:
        """The objects of one decision verb, each up to the next or to the sentence's end."""
        start = self._object_start(trigger.end())
        if start is None:
            return []
        following = self._trigger.search(self.doc.norm, start, sentence_end)
        end = following.start() if following else sentence_end
        end = min(end, self._semicolon(start, end))
        aside = self._aside.search(self.doc.norm, start, end)
        end = aside.start() if aside else end
        starts = [start]
        stops = []
        for continuation in self._continuation.finditer(self.doc.norm, start, end):
            begin = self._object_start(continuation.end(), allow_link=False)
            if begin is not None and begin > starts[-1]:
                stops.append(continuation.start())
                starts.append(begin)
        stops.append(end)
        span = (trigger.start(), trigger.end())
        drafts = []
        for begin, stop in zip(starts, stops, strict=True):
            text = self.doc.trim(begin, stop)
            tail = self._dangling.search(self.doc.norm, text[0], text[1])
            text = self.doc.trim(text[0], tail.start()) if tail else text
            if text[1] - text[0] > 3:
                drafts.append(RecommendationDraft(trigger=span, text=text))
        return drafts

    def _object_start(self, position: int, *, allow_link: bool = True) -> int | None:
        """Past linking words, where an infinitive or an action noun (with its article) starts."""
        for _ in range(4 if allow_link else 0):
            link = self._link.match(self.doc.norm, position)
            if not link or link.end() == position:
                break
            position = link.end()
        while position < len(self.doc.norm) and self.doc.norm[position] in " \t":
            position += 1
        if self._infinitive.match(self.doc.norm, position):
            # «… et de Tanger Med»: a capitalised word is a name, not a verb
            return position if self.doc.original(position, position + 1).islower() else None
        article = self._article.match(self.doc.norm, position)
        noun_at = article.end() if article else position
        if self._action_noun.match(self.doc.norm, noun_at):
            return position
        return None

    def _semicolon(self, start: int, end: int) -> int:
        found = self.doc.norm.find(";", start, end)
        return found if found != -1 else end

    # --- what it does --------------------------------------------------------------------
    def _classify(self, draft: RecommendationDraft) -> None:
        start, end = draft.text
        body = self._body_in(start, end)
        establishing = self._establishing.match(self.doc.norm, start)
        if body is not None and establishing and self.bodies[body].start - start < 40:
            draft.kind, draft.body = "establishes_body", body
            mandate = self.bodies[body].mandate_text
            draft.theme = self.theme(mandate, institutional=True) if mandate else "institutional"
            return
        plan = self._plan_in(start, end)
        if plan is not None and self._plan_action.match(self.doc.norm, start):
            draft.kind, draft.plan = "adopts_plan", plan
            scope = self.plans[plan].scope
            text = self.doc.norm[scope[0] : scope[1]] if scope else ""
            draft.theme = self.theme(text, institutional=True)
            return
        draft.body = body
        if self._standing.search(self.doc.norm, start, end):
            draft.kind = "standing"
        draft.theme = self.theme(self.doc.norm[start:end])

    def theme(self, text: str, *, institutional: bool = False) -> Theme:
        """Keywords match at the start of a word («formation» is not in «informations»)."""
        spaced = " " + re.sub(r"['’]", "' ", latin_fold(text))
        return classify(spaced, institutional=institutional, keywords=self._themes)

    def _plan_in(self, start: int, end: int) -> int | None:
        for index, plan in enumerate(self.plans):
            if start <= plan.start < min(end, start + 40):
                return index
        return None

    def _body_in(self, start: int, end: int) -> int | None:
        for index, body in self._by_start.between(start, end):
            if not body.anaphoric:
                return index
        return None


def find_latin_agreements(doc: LatinDocument, lexicon: LatinLexicon) -> list[AgreementMention]:
    """A singular «accord / acuerdo / memorando …» in a sentence that signs it («signé»,
    «firmaron»); its subject follows «sur», «en materia de» … to the end of its clause."""
    head = compiled(lexicon.agreement_heads)
    signing = compiled(lexicon.signing)
    subject = re.compile(rf"[^,;.]{{0,60}}?[ \t](?:{lexicon.agreement_subject})[ \t]+")
    found = []
    for match in head.finditer(doc.norm):
        sentence = doc.sentence_of(match.start())
        if not signing.search(doc.norm, *sentence):
            continue
        clause_end = doc.clause_end(match.end())
        introduced = subject.match(doc.norm, match.end(), clause_end)
        span = doc.trim(introduced.end(), clause_end) if introduced else None
        text = doc.original(*span) if span and span[1] > span[0] else None
        found.append(
            AgreementMention(match.start(), match.end(), sentence, span if text else None, text)
        )
    return found


def find_latin_decisions(
    doc: LatinDocument,
    lexicon: LatinLexicon,
    bodies: list[BodyMention],
    plans: list[PlanMention],
) -> list[RecommendationDraft]:
    return LatinDecisionReader(doc, lexicon, bodies, plans).read()


def latin_establishment_anchors(
    doc: LatinDocument,
    lexicon: LatinLexicon,
    bodies: list[BodyMention],
    keys: list[str | None],
) -> list[Anchor]:
    """«Le Comité, créé en novembre 2013 à Cordoue»: from the body's name to the word that
    establishes it, so that the date and the place that follow go to the body."""
    pattern = compiled(lexicon.established)
    anchors = []
    for index, body in enumerate(bodies):
        key = keys[index]
        if key is None:
            continue
        sentence_end = doc.sentence_of(body.start)[1]
        found = pattern.search(doc.norm, body.end, min(sentence_end, body.end + 40))
        if found and len(doc.words(body.end, found.start())) <= 3:
            anchors.append(Anchor(body.start, found.end(), key))
    return anchors


def latin_organizers(
    doc: LatinDocument, lexicon: LatinLexicon, orgs: ByStart[OrgMention]
) -> list[OrgPhrase]:
    """«organisé par la DGSN et la DGP», «organizado por …»: the institutions that organise,
    named in the rest of the clause."""
    phrases = []
    for match in compiled(lexicon.organizers).finditer(doc.norm):
        end = doc.clause_end(match.end())
        named = orgs.between(match.end(), end)
        if named:
            keys = tuple(dict.fromkeys(org.key for org in named))
            phrases.append(OrgPhrase(match.start(), named[-1].end, keys))
    return phrases


def latin_chair_phrases(doc: LatinDocument, lexicon: LatinLexicon) -> list[tuple[int, int]]:
    """«coprésidé par …», «bajo la copresidencia de …»: from the marker to the sentence's end."""
    return [
        (match.start(), doc.sentence_of(match.start())[1])
        for match in compiled(lexicon.chairs).finditer(doc.norm)
    ]
