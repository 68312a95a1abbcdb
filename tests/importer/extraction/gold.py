"""Test articles and their gold annotations, and how an extraction is scored against them.

Each ``tests/importer/articles/NNN_slug.txt`` has a sibling ``NNN_slug.expected.json`` listing
what a human reads in it. ``000_seed.expected.json`` annotates the seed article, whose text is
read from ``seeds/`` (or ``../shared/seeds/``). Used by the tests and by
``benchmarks/extraction.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from committee.arabic import normalize
from committee.importer.extraction import Extraction

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = ROOT / "tests" / "importer" / "articles"
SEED_NAME = "000_c01d876123dccd78.txt"


def seed_path() -> Path:
    """The seed article: ``seeds/`` of the project, else the shared copy beside it."""
    for folder in (ROOT / "seeds", ROOT.parent / "shared" / "seeds"):
        if (folder / SEED_NAME).is_file():
            return folder / SEED_NAME
    raise FileNotFoundError(SEED_NAME)


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    published: dt.date | None
    gold: dict[str, Any]


def load_articles() -> list[GoldArticle]:
    articles = []
    for expected in sorted(ARTICLES.glob("*.expected.json")):
        gold = json.loads(expected.read_text(encoding="utf-8"))
        name = expected.name.removesuffix(".expected.json")
        source = seed_path() if gold.get("source") else expected.with_name(f"{name}.txt")
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        articles.append(GoldArticle(name, source.read_text(encoding="utf-8"), published, gold))
    if not articles:  # a moved folder must not turn every scored test into a vacuous one
        raise FileNotFoundError(f"no gold articles in {ARTICLES}")
    return articles


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    #: What went wrong, for ``benchmarks/extraction.py --misses``.
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.misses.extend(other.misses)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Scores:
    by_category: dict[str, Score] = field(default_factory=dict)
    #: The keys of the extracted facts paired with a gold fact (the others are not in it).
    matched: set[str] = field(default_factory=set)

    def __getitem__(self, category: str) -> Score:
        return self.by_category.setdefault(category, Score())

    def add(self, other: Scores) -> None:
        for category, score in other.by_category.items():
            self[category].add(score)
        self.matched |= other.matched


def folded(text: str | None) -> str:
    return " ".join(normalize(text or "").split())


def words_overlap(a: str, b: str) -> float:
    left, right = set(folded(a).split()), set(folded(b).split())
    return len(left & right) / len(left | right) if left | right else 1.0


def _pair(
    gold: list[dict[str, Any]], predicted: list[Any], same: Callable[[dict[str, Any], Any], bool]
) -> tuple[list[tuple[dict[str, Any], Any]], int, int]:
    """Greedy one-to-one pairing: (pairs, unmatched gold, unmatched predicted)."""
    left = list(predicted)
    pairs = []
    for item in gold:
        match = next((candidate for candidate in left if same(item, candidate)), None)
        if match is not None:
            pairs.append((item, match))
            left.remove(match)
    return pairs, len(gold) - len(pairs), len(left)


def _count(scores: Scores, category: str, pairs: list[Any], missed: int, extra: int) -> None:
    notes = [f"{missed} missed"] * bool(missed) + [f"{extra} not in the gold"] * bool(extra)
    scores[category].add(Score(len(pairs), extra, missed, notes))
    scores.matched |= {getattr(fact, "key", "") for _, fact in pairs}


def _field(scores: Scores, category: str, expected: object, actual: object) -> None:
    """One gold field: right (tp), or missing (fn) and, when something else was said, wrong (fp)."""
    if expected == actual:
        scores[category].tp += 1
    else:
        scores[category].misses.append(f"expected {expected!r}, found {actual!r}")
        scores[category].fn += 1
        if actual not in (None, [], ""):
            scores[category].fp += 1


def _date(value: Any) -> str | None:
    return str(value) if value is not None else None


def _org(key: str | None) -> str | None:
    return key.removeprefix("org:") if key else None


def score(extraction: Extraction, gold: dict[str, Any]) -> Scores:
    scores = Scores()
    _field(scores, "relevance", gold.get("relevant", True), extraction.is_relevant)
    _meetings(scores, extraction, gold.get("meetings", []))
    _bodies(scores, extraction, gold.get("bodies", []))
    orgs = {fact.gazetteer_key for fact in extraction.organizations}
    expected = set(gold.get("organizations", []))
    scores["organizations"].add(
        Score(len(orgs & expected), len(orgs - expected), len(expected - orgs))
    )
    _people(scores, extraction, gold.get("people", []))
    _recommendations(scores, extraction, gold.get("recommendations", []))
    _others(scores, extraction, gold)
    return scores


def _meetings(scores: Scores, extraction: Extraction, gold: list[dict[str, Any]]) -> None:
    pairs, missed, extra = _pair(
        gold,
        list(extraction.meetings),
        lambda g, p: g["kind"] == p.kind and g.get("ordinal") == p.ordinal,
    )
    _count(scores, "meetings", pairs, missed, extra)
    for item, fact in pairs:
        actual = {
            "city": fact.city,
            "country": fact.country,
            "start": _date(fact.start),
            "end": _date(fact.end),
            "status": fact.status,
            "is_subject": fact.is_subject,
            "theme": fact.theme,
            "organizers": sorted(key.removeprefix("org:") for key in fact.organizer_keys),
        }
        for name, value in item.items():
            if name in actual:
                expected = sorted(value) if name == "organizers" else value
                _field(scores, "meeting fields", expected, actual[name])


def _bodies(scores: Scores, extraction: Extraction, gold: list[dict[str, Any]]) -> None:
    def same(item: dict[str, Any], fact: Any) -> bool:
        if item["kind"] != fact.kind:
            return False
        return (
            "mandate" not in item
            or words_overlap(item["mandate"], fact.mandate or fact.name) >= 0.5
        )

    pairs, missed, extra = _pair(gold, list(extraction.bodies), same)
    _count(scores, "bodies", pairs, missed, extra)
    for item, fact in pairs:
        actual = {
            "status": fact.status,
            "established": _date(fact.established),
            "established_city": fact.established_city,
            "chair_sides": [chair.side for chair in fact.chairs],
        }
        for name, value in item.items():
            if name in actual:
                _field(scores, "body fields", value, actual[name])


def _people(scores: Scores, extraction: Extraction, gold: list[dict[str, Any]]) -> None:
    def same(item: dict[str, Any], fact: Any) -> bool:
        return folded(item["name"]) in {folded(name) for name in (fact.name, *fact.variants)}

    pairs, missed, extra = _pair(gold, list(extraction.people), same)
    _count(scores, "people", pairs, missed, extra)
    for item, fact in pairs:
        actual = {
            "organization": _org(fact.organization_key),
            "side": fact.side,
            "position": folded(fact.position),
            "variants": sorted(folded(v) for v in fact.variants),
        }
        for name, value in item.items():
            expected = value
            if name == "position":
                expected = folded(value)
            if name == "variants":
                expected = sorted(folded(v) for v in value)
            if name in actual:
                _field(scores, "person fields", expected, actual[name])


def _recommendations(scores: Scores, extraction: Extraction, gold: list[dict[str, Any]]) -> None:
    pairs, missed, extra = _pair(
        gold, list(extraction.recommendations), lambda g, p: words_overlap(g["text"], p.text) >= 0.6
    )
    _count(scores, "recommendations", pairs, missed, extra)
    keys = {fact.key: index for index, fact in enumerate(extraction.recommendations)}
    for item, fact in pairs:
        _field(scores, "recommendation fields", item["kind"], fact.kind)
        _field(scores, "recommendation fields", item["theme"], fact.theme)
        if "parent" in item:
            parent = (
                extraction.recommendations[keys[fact.parent_key]].text if fact.parent_key else None
            )
            expected_parent = gold[item["parent"]]["text"]
            _field(
                scores,
                "recommendation fields",
                True,
                bool(parent and words_overlap(parent, expected_parent) >= 0.6),
            )


def _others(scores: Scores, extraction: Extraction, gold: dict[str, Any]) -> None:
    plans, missed, extra = _pair(
        gold.get("action_plans", []),
        list(extraction.action_plans),
        lambda g, p: g["start"] == _date(p.period_start),
    )
    _count(scores, "action plans", plans, missed, extra)
    agreements, missed, extra = _pair(
        gold.get("agreements", []), list(extraction.agreements), lambda g, p: g["theme"] == p.theme
    )
    _count(scores, "agreements", agreements, missed, extra)
    for item, fact in agreements:
        _field(scores, "agreement fields", item.get("signed"), _date(fact.signed))
        _field(
            scores,
            "agreement fields",
            sorted(item.get("parties", [])),
            sorted(_org(k) or "" for k in fact.party_keys),
        )
    mechanisms, missed, extra = _pair(
        gold.get("mechanisms", []), list(extraction.mechanisms), lambda g, p: g["kind"] == p.kind
    )
    _count(scores, "mechanisms", mechanisms, missed, extra)
    for item, fact in mechanisms:
        _field(scores, "mechanism fields", sorted(item["locations"]), sorted(fact.location_keys))
    people = {fact.key: fact for fact in extraction.people}
    statements, missed, extra = _pair(
        gold.get("statements", []),
        list(extraction.statements),
        lambda g, p: folded(g["text"]) in folded(p.text),
    )
    _count(scores, "statements", statements, missed, extra)
    for item, fact in statements:
        speaker = people.get(fact.person_key)
        names = {folded(name) for name in (speaker.name, *speaker.variants)} if speaker else set()
        _field(scores, "statement speakers", True, folded(item["speaker"]) in names)
        _field(scores, "statement speakers", item["kind"], fact.kind)
    expected, found = gold.get("presentations", 0), len(extraction.presentations)
    scores["presentations"].add(
        Score(min(expected, found), max(found - expected, 0), max(expected - found, 0))
    )


def summed(items: Iterable[Scores]) -> Scores:
    total = Scores()
    for item in items:
        total.add(item)
    return total
