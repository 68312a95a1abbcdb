"""Which fact a date, a place, a theme or an organiser in a sentence belongs to.

Press prose puts a meeting's circumstances next to it: «انطلقت أمس بفاس أشغال الدورة
الرابعة …» (before), «الاجتماع الأول، الذي احتضنته مدينة بلنسية مطلع شهر يونيو» (after, in
a relative clause). The rule: within one sentence, a circumstance belongs to the nearest
*anchor* before it (the noun a relative clause or an adverbial follows); failing that, to the
nearest anchor after it. Anchors are meeting mentions, bodies at the words that establish them
(«اللجنة … تأسست في …») and agreements at the words that sign them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from committee.importer.extraction.text import Document, ar


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    #: The key of the fact this anchor stands for ("meeting:1", "body:2", "agreement:1").
    target: str


@dataclass(frozen=True, slots=True)
class Attached[T]:
    target: str
    item: T
    start: int
    end: int


def attach[T](
    doc: Document,
    anchors: Sequence[Anchor],
    items: Sequence[tuple[int, int, T]],
    targets: tuple[str, ...] = ("meeting:", "body:", "agreement:"),
) -> list[Attached[T]]:
    """Give each item to its anchor (same sentence; nearest before, else nearest after).

    ``targets`` limits the anchors considered by key prefix (a theme only fits a meeting).
    """
    by_sentence: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        if anchor.target.startswith(targets):
            by_sentence.setdefault(doc.sentence_index(anchor.start), []).append(anchor)
    result: list[Attached[T]] = []
    for start, end, item in items:
        candidates = by_sentence.get(doc.sentence_index(start), [])
        chosen = _nearest(candidates, start, end)
        if chosen is not None:
            result.append(Attached(chosen.target, item, start, end))
    return result


def _nearest(candidates: list[Anchor], start: int, end: int) -> Anchor | None:
    containing = [anchor for anchor in candidates if anchor.start <= start and end <= anchor.end]
    if containing:
        return min(containing, key=lambda anchor: anchor.end - anchor.start)
    before = [anchor for anchor in candidates if anchor.end <= start]
    if before:
        return max(before, key=lambda anchor: anchor.end)
    after = [anchor for anchor in candidates if anchor.start >= end]
    if after:
        return min(after, key=lambda anchor: anchor.start)
    return None


_SIDELINES = ar(
    r"(?<!\w)(?:على\s+هامش|خلال|بمناسبة|في\s+ختام|في\s+اختتام|عند\s+اختتام|في\s+افتتاح|عقب)"
    r"\s+(?:أشغال\s+)?$"
)


def on_the_sidelines(doc: Document, anchors: Sequence[Anchor]) -> dict[str, str]:
    """Agreements signed «على هامش الاجتماع …», «في ختام الدورة …»: agreement key → the
    meeting it was signed at, which then shares its date and place."""
    found: dict[str, str] = {}
    meetings = [anchor for anchor in anchors if anchor.target.startswith("meeting:")]
    for anchor in anchors:
        if not anchor.target.startswith("agreement:"):
            continue
        sentence = doc.sentence_of(anchor.start)
        for meeting in meetings:
            if sentence[0] <= meeting.start < sentence[1] and _SIDELINES.search(
                doc.norm, max(sentence[0], meeting.start - 30), meeting.start
            ):
                found[anchor.target] = meeting.target
                break
    return found
