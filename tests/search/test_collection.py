"""The search test collection of issue 17: recall@10 and MRR, and the plain-``arabic`` baseline.

The data: the seed, the importer's test articles and demo data (scale 200, seed 17), built once
for the module and rolled back after it. Every query of ``collection.yaml`` goes through the
public search (``committee.public.search.search``) as an anonymous reader; its first ten
results are compared with the records it must return.

- recall@10 of a query: the share of its expected records among the first ten results;
- reciprocal rank of a query: 1 / the rank of its first expected record, 0 if none is in the
  first ten;

both averaged over queries (macro average: each query weighs the same), overall and per
language. The same figures are computed in the same run for the baseline (tests/search/
baseline.py): PostgreSQL's plain configurations, without and with the Arabic folds the search
had before the new analyzer. Only the search itself is held to the targets.

Run: ``pytest -p no:cacheprovider tests/search/test_collection.py`` (the table is printed
whether or not ``-s`` is given).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import models

from committee.bilateral import Visibility
from committee.importer.services import import_file
from committee.meetings.models import Meeting
from committee.people.models import Organization, Person
from committee.public import search as public_search
from committee.recommendations.models import Recommendation
from committee.sources.models import SourceDocument
from committee.subcommittees.models import Body
from tests.search import baseline

# Committed and then truncated (transaction=True), not rolled back: thousands of rolled-back rows
# would stay in the tables as dead rows and mislead the planner in the next tests of the process
# (the citations' visibility query then takes seconds on a handful of rows).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow, pytest.mark.server]

HERE = Path(__file__).resolve().parent
COLLECTION = HERE / "collection.yaml"
ARTICLES = HERE.parent / "importer" / "articles"
#: The importer's test articles that import cleanly one after the other (006 is refused as
#: unrelated, 008 is French, which the importer does not read yet; 002 is left out because,
#: imported after 001, it fails on a meeting constraint).
IMPORTED_ARTICLES = (
    "001_announcement_third_seminar",
    "003_mashriq_months_rabat",
    "004_subcommittee_first_meeting",
    "005_seed_seminar_retold",
    "007_spelling_variants_sevilla",
    "009_ministerial_memorandum",
    "010_follow_up_committee_dateline",
    "011_working_group_tangier",
    "012_interior_minister_visit",
    "013_follow_up_announcement_malaga",
    "014_joint_investigation_algeciras",
    "015_sixth_seminar_granada",
    "016_delegation_visit_rabat",
)
DEMO_SCALE, DEMO_SEED = 200, 17
TOP = 10
TARGET_RECALL, TARGET_MRR = 0.95, 0.8
MINIMUM_QUERIES = {"ar": 40, "es": 10, "fr": 10}

#: What a search returns, as ``(kind, pk)`` pairs, best first.
type Ranking = list[tuple[str, int]]
KIND_OF_SLUG = {
    "recommendations": "recommendation",
    "meetings": "meeting",
    "bodies": "body",
    "people": "person",
    "organizations": "organization",
    "sources": "source",
}


@dataclass(frozen=True)
class Query:
    text: str
    language: str
    tests: str
    expect: tuple[str, ...]


def load_collection() -> list[Query]:
    data = yaml.safe_load(COLLECTION.read_text(encoding="utf-8"))
    return [
        Query(item["q"], item["lang"], item["tests"], tuple(item["expect"]))
        for item in data["queries"]
    ]


QUERIES = load_collection()


# The data.


def build_data() -> None:
    call_command("import_seeds", stdout=StringIO())
    for name in IMPORTED_ARTICLES:
        path = ARTICLES / f"{name}.txt"
        expected = json.loads((ARTICLES / f"{name}.expected.json").read_text(encoding="utf-8"))
        published = expected.get("published")
        import_file(path, published=dt.date.fromisoformat(published) if published else None)
    call_command(
        "generate_demo_data",
        "--scale",
        str(DEMO_SCALE),
        "--seed",
        str(DEMO_SEED),
        stdout=StringIO(),
    )


@pytest.fixture
def data(transactional_db) -> None:
    """The records, built for the test and emptied after it (with every table)."""
    build_data()


def _one(queryset: models.QuerySet[Any], name: str) -> int:
    pks = list(queryset.values_list("pk", flat=True)[:2])
    assert len(pks) == 1, f"{name} names {len(pks) or 'no'} record(s), not one"
    return pks[0]


def resolve(name: str) -> tuple[str, int]:
    """A record named as in collection.yaml, as ``(kind, pk)``."""
    kind, _, key = name.partition(":")
    if kind == "recommendation":
        return kind, _one(Recommendation.objects.filter(reference=key), name)
    if kind == "body":
        return kind, _one(Body.objects.filter(name_ar=key), name)
    if kind == "person":
        return kind, _one(Person.objects.filter(name_ar=key), name)
    if kind == "organization":
        found = Organization.objects.filter(models.Q(acronym=key) | models.Q(name_ar=key))
        return kind, _one(found, name)
    if kind == "meeting":
        title, _, date = key.partition("@")
        found = Meeting.objects.filter(title_ar=title)
        if date:
            found = found.filter(start_date=dt.date.fromisoformat(date))
        return kind, _one(found, name)
    if kind == "source":
        return kind, _one(SourceDocument.objects.filter(file_name=key), name)
    raise AssertionError(f"{name}: unknown kind {kind!r}")


def every_expected_record_exists_once_and_is_public() -> None:
    models_of = {indexed.kind: indexed.model for indexed in baseline.INDEXED}
    problems = []
    for name in sorted({name for query in QUERIES for name in query.expect}):
        try:
            kind, pk = resolve(name)
        except AssertionError as error:
            problems.append(str(error).splitlines()[0])
            continue
        manager: Any = models_of[kind]._default_manager
        if not manager.filter(pk=pk, visibility=Visibility.PUBLIC).exists():
            problems.append(f"{name} is not public")
    assert not problems, "\n".join(problems)


# The measures.


@dataclass
class Outcome:
    query: Query
    found: int
    first: int | None  # the rank (1-based) of the first expected record in the first ten

    @property
    def recall(self) -> float:
        return self.found / len(self.query.expect)

    @property
    def reciprocal_rank(self) -> float:
        return 1 / self.first if self.first else 0.0


def measure(run: Callable[[str], Ranking]) -> list[Outcome]:
    outcomes = []
    for query in QUERIES:
        ranking = run(query.text)[:TOP]
        expected = {resolve(name) for name in query.expect}
        ranks = [position for position, hit in enumerate(ranking, 1) if hit in expected]
        outcomes.append(Outcome(query, len(set(ranking) & expected), ranks[0] if ranks else None))
    return outcomes


def figures(outcomes: list[Outcome], language: str | None = None) -> tuple[float, float, int]:
    """Macro-averaged recall@10 and MRR, and the number of queries."""
    chosen = [o for o in outcomes if language is None or o.query.language == language]
    count = len(chosen)
    recall = sum(o.recall for o in chosen) / count
    mrr = sum(o.reciprocal_rank for o in chosen) / count
    return recall, mrr, count


def public_search_ranking(text: str) -> Ranking:
    results = public_search.search(text, AnonymousUser(), only=None, page=None)
    return [(KIND_OF_SLUG[r.kind.slug], r.record.pk) for r in results.results]


def baseline_ranking(*, fold: bool) -> Callable[[str], Ranking]:
    return lambda text: baseline.search(text, None, fold=fold, limit=TOP)


def report(runs: dict[str, list[Outcome]]) -> str:
    names = list(runs)
    lines = ["", "Search collection: found/expected in the first ten, rank of the first found"]
    header = f"{'lang':4} {'query':32} " + " ".join(f"{name:>14}" for name in names)
    lines += [header, "-" * len(header)]
    for position, query in enumerate(QUERIES):
        cells = []
        for name in names:
            outcome = runs[name][position]
            first = str(outcome.first) if outcome.first else "-"
            cells.append(f"{outcome.found}/{len(query.expect)} @{first:>2}".rjust(14))
        lines.append(f"{query.language:4} {query.text[:32]:32} " + " ".join(cells))
    lines += ["", f"{'':4} {'recall@10 / MRR':32} " + " ".join(f"{n:>14}" for n in names)]
    for language in (None, "ar", "es", "fr"):
        cells = []
        for name in names:
            recall, mrr, _count = figures(runs[name], language)
            cells.append(f"{recall:.3f} / {mrr:.3f}".rjust(14))
        label = f"{language or 'all'} ({figures(runs[names[0]], language)[2]} queries)"
        lines.append(f"{'':4} {label:32} " + " ".join(cells))
    return "\n".join(lines)


# The tests.


def test_the_collection_has_enough_queries_in_each_language():
    for language, minimum in MINIMUM_QUERIES.items():
        assert sum(q.language == language for q in QUERIES) >= minimum, language
    assert len(QUERIES) >= sum(MINIMUM_QUERIES.values())
    assert len({(q.text, q.language) for q in QUERIES}) == len(QUERIES), "a query is repeated"
    assert all(q.expect and q.tests for q in QUERIES)


def test_the_search_meets_the_targets_and_the_baseline_is_reported(data, capsys):
    every_expected_record_exists_once_and_is_public()
    runs = {
        "search": measure(public_search_ranking),
        "plain+folds": measure(baseline_ranking(fold=True)),
        "plain": measure(baseline_ranking(fold=False)),
    }
    table = report(runs)
    with capsys.disabled():
        print(table)
    recall, mrr, _count = figures(runs["search"])
    missed = [o.query.text for o in runs["search"] if o.recall < 1]
    assert recall >= TARGET_RECALL and mrr >= TARGET_MRR, (
        f"recall@10 {recall:.3f} (target {TARGET_RECALL}), MRR {mrr:.3f} (target {TARGET_MRR}); "
        f"not all found: {', '.join(missed)}"
    )
