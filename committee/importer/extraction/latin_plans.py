"""Action plans in French and Spanish: «un plan d'action bilatéral pour 2014 en matière de
formation», «un plan de acción conjunto para el periodo 2015-2016 sobre …».

A plan is a plan noun, its adjectives («bilatéral», «conjunto»), its period (one year or two)
and its scope up to the clause's end. The mentions are the Arabic path's ``PlanMention``, so
the shared ``plan_facts`` makes the facts and a recommendation that «élabore» or «aprueba»
one adopts it.
"""

from __future__ import annotations

import datetime as dt

from committee.importer.extraction.latin_lexicon import LatinLexicon
from committee.importer.extraction.latin_text import LatinDocument, latin
from committee.importer.extraction.model import PartialDate
from committee.importer.extraction.plans import PlanMention

_YEAR = r"(?:19|20)\d\d"


def find_latin_plans(doc: LatinDocument, lexicon: LatinLexicon) -> list[PlanMention]:
    adjective = rf"(?:{lexicon.plan_adjectives})"
    plan = latin(
        rf"(?<![\w-])(?:{lexicon.plan_heads})(?![\w-])(?P<adjectives>(?:\s+{adjective}(?![\w-]))*)"
        rf"(?:\s+(?:pour|de|en|au\s+titre\s+de|para|del|de\s+la|sur)?\s*"
        rf"(?:l'année|la\s+période|el\s+año|el\s+periodo|el\s+período)?\s*(?P<from>{_YEAR})"
        rf"(?:\s*(?:-|–|/|à|a|al|au)\s*(?P<to>{_YEAR}))?(?!\d))?"
    )
    scope = latin(rf"\s+(?:{lexicon.plan_scope})\s+")
    plans = []
    for match in plan.finditer(doc.norm):
        introduced = scope.match(doc.norm, match.end())
        span = None
        if introduced:
            span = doc.trim(introduced.end(), doc.clause_end(introduced.end()))
            span = span if span[1] > span[0] else None
        plans.append(
            PlanMention(
                start=match.start(),
                end=span[1] if span else match.end(),
                title_end=match.end(),
                bilateral=bool(match.group("adjectives").strip()),
                period_start=_year(match.group("from")),
                period_end=_year(match.group("to") or match.group("from")),
                scope=span,
            )
        )
    return plans


def _year(text: str | None) -> PartialDate | None:
    return PartialDate(dt.date(int(text), 1, 1), "year") if text else None
