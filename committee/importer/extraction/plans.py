"""Action plans: «خطة عمل مشتركة لسنة 2019 في مجال الأمن السيبراني».

A plan is «مخطط / خطة / برنامج عمل», its adjectives («ثنائي», «مشترك»), its period («برسم سنة
2019», «لسنة 2017», «2015-2016») and its scope («في مجال …», «حول …») up to the clause's end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from committee.importer.extraction.model import PartialDate
from committee.importer.extraction.text import Document, ar


@dataclass(frozen=True, slots=True)
class PlanMention:
    start: int
    end: int
    title_end: int
    bilateral: bool
    period_start: PartialDate | None
    period_end: PartialDate | None
    scope: tuple[int, int] | None


_PLAN = ar(
    r"(?<!\w)[وف]?(?P<al>بال|لل|ال|ل|ب)?(?P<head>مخطط|خطة|برنامج)\s+(?:ال)?عمل(?!\w)"
    r"(?P<adjectives>(?:\s+(?:ال)?(?:ثنائي|مشترك|سنوي|مندمج|مغربي|إسباني|اسباني|مغربي-إسباني|"
    r"مغربي-اسباني|أولي|جديد|شامل|ثان)(?:ة)?(?!\w))*)"
    r"(?:\s+(?:برسم|خلال|ل|لل|في)?\s*(?:سنة|سنتي|عام|الفترة|فترة)?\s*(?P<from>(?:19|20)\d\d)"
    r"(?:\s*(?:-|–|/|و|إلى|الى)\s*(?P<to>(?:19|20)\d\d))?(?!\d))?"
)
_SCOPE = ar(
    r"\s+(?:في\s+مجالي?|في\s+ميدان|حول|يهم|بشأن|يتعلق\s+ب|المتعلق\s+ب|الخاص\s+ب|ل(?=ل?\w{3}))\s*"
)
_BILATERAL = ar(r"ثنائي|مشترك|مغربي-")


def find_plans(doc: Document) -> list[PlanMention]:
    plans = []
    for match in _PLAN.finditer(doc.norm):
        al = match.group("al") or ""
        start = match.start("head") - (2 if al.endswith("ال") or al == "لل" else 0)
        title_end = match.end()
        scope = _scope(doc, title_end)
        plans.append(
            PlanMention(
                start=start,
                end=scope[1] if scope else title_end,
                title_end=title_end,
                bilateral=bool(_BILATERAL.search(match.group("adjectives") or "")),
                period_start=_year(match.group("from")),
                period_end=_year(match.group("to") or match.group("from")),
                scope=scope,
            )
        )
    return plans


def _scope(doc: Document, position: int) -> tuple[int, int] | None:
    match = _SCOPE.match(doc.norm, position)
    if not match:
        return None
    end = doc.clause_end(match.end())
    words = doc.words(match.end(), end)[:15]
    if not words:
        return None
    start = match.end()
    if doc.norm[match.start() : match.end()].strip() == "ل":
        start = match.start() + len(doc.norm[match.start() : match.end()]) - 1
    return start, words[-1][1]


def _year(text: str | None) -> PartialDate | None:
    if not text:
        return None
    return PartialDate(dt.date(int(text), 1, 1), "year")


def scope_text(doc: Document, scope: tuple[int, int]) -> str:
    """The scope as written, a glued «لـ» dropped («للتدريب» → «التدريب»)."""
    original = doc.original(*scope)
    folded = doc.norm[scope[0] : scope[1]]
    if folded.startswith("لل"):
        return "ا" + original[1:]
    if folded.startswith("ل") and not folded.startswith("ال"):
        return original[1:]
    return original
