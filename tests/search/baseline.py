"""The baseline search of issue 17: PostgreSQL's plain configurations, built on the fly.

Each searchable column is indexed under its language's stock configuration (``arabic``,
``spanish``, ``french``, ``english``; references and acronyms under ``simple``), the weights and
the ranking (``SearchRank``, ties by kind then id) being those ``committee.public.search`` used
when the collection was written. Nothing here reads a model's stored ``search_vector`` nor
``committee.fulltext``, which the new analyzer replaces: the baseline stays what it was.

``fold=True`` adds the Arabic spelling folds the search had before the new analyzer (lower case;
hamzated alefs to bare alef, alef maqsura to ya, ta marbuta to ha; harakat and tatweel dropped),
frozen here, on both the columns and the query.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import models
from django.db.models import F, Func, Value

from committee.meetings.models import Meeting
from committee.people.models import Organization, Person
from committee.recommendations.models import Recommendation
from committee.sources.models import SourceDocument
from committee.subcommittees.models import Body

CONFIGS = {"ar": "arabic", "es": "spanish", "fr": "french", "en": "english"}
QUERY_CONFIGS = (*CONFIGS.values(), "simple")
FOLD_FROM = "أإآٱىة"
FOLD_TO = "اااايه"
MARKS = "[\u064b-\u065f\u0670\u0640]"


@dataclass(frozen=True)
class Indexed:
    """A kind of record and its searchable columns, as ``search_vector`` held them."""

    kind: str
    model: type[models.Model]
    #: Translatable fields with their weight, each indexed in its four languages.
    weighted: tuple[tuple[str, str], ...] = ()
    #: Single-language columns with their weight, under ``simple``.
    plain: tuple[tuple[str, str], ...] = ()


#: In the order of ``committee.public.search.KINDS`` (it breaks ties in the ranking).
INDEXED = (
    Indexed("recommendation", Recommendation, (("text", "A"),), (("reference", "A"),)),
    Indexed(
        "meeting",
        Meeting,
        (("title", "A"), ("theme", "A"), ("city", "B"), ("summary", "C")),
    ),
    Indexed("body", Body, (("name", "A"), ("mandate", "B"))),
    Indexed("person", Person, (("name", "A"), ("position", "C"))),
    Indexed("organization", Organization, (("name", "A"),), (("acronym", "A"),)),
    Indexed("source", SourceDocument),
)


def _column(name: str, *, fold: bool) -> Any:
    if not fold:
        return F(name)
    lowered = Func(F(name), function="lower", output_field=models.TextField())
    folded = Func(
        lowered,
        Value(FOLD_FROM),
        Value(FOLD_TO),
        function="translate",
        output_field=models.TextField(),
    )
    return Func(
        folded,
        Value(MARKS),
        Value(""),
        Value("g"),
        function="regexp_replace",
        output_field=models.TextField(),
    )


def vector(indexed: Indexed, *, fold: bool) -> Any:
    """The kind's tsvector expression, each column under its plain configuration."""
    if indexed.model is SourceDocument:
        whens = [
            models.When(
                language=code,
                then=SearchVector(_column("text", fold=fold), config=config, weight="B")
                + SearchVector(_column("title", fold=fold), config=config, weight="A"),
            )
            for code, config in CONFIGS.items()
        ]
        return models.Case(*whens)
    parts = [
        SearchVector(_column(f"{name}_{code}", fold=fold), config=config, weight=weight)
        for name, weight in indexed.weighted
        for code, config in CONFIGS.items()
    ]
    parts += [
        SearchVector(_column(column, fold=fold), config="simple", weight=weight)
        for column, weight in indexed.plain
    ]
    combined = parts[0]
    for part in parts[1:]:
        combined = combined + part
    return combined


def fold_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return re.sub(MARKS, "", text.translate(str.maketrans(FOLD_FROM, FOLD_TO))).lower()


def query(text: str, *, fold: bool) -> SearchQuery:
    """The words under every configuration, any of them matching (websearch syntax)."""
    words = fold_text(text) if fold else text
    combined: SearchQuery | None = None
    for config in QUERY_CONFIGS:
        part = SearchQuery(words, config=config, search_type="websearch")
        combined = part if combined is None else combined | part
    assert combined is not None
    return combined


def search(text: str, viewer: Any, *, fold: bool, limit: int = 10) -> list[tuple[str, int]]:
    """The first ``limit`` records ``viewer`` may see for ``text``, as ``(kind, pk)``, best first."""
    wanted = query(text, fold=fold)
    hits: list[tuple[float, int, int, str]] = []
    for position, indexed in enumerate(INDEXED):
        manager: Any = indexed.model._default_manager
        rows = (
            manager.visible_to(viewer)
            .annotate(baseline_vector=vector(indexed, fold=fold))
            .filter(baseline_vector=wanted)
            .annotate(baseline_rank=SearchRank(F("baseline_vector"), wanted))
            .order_by("-baseline_rank", "pk")
            .values_list("pk", "baseline_rank")[:limit]
        )
        hits += [(-rank, position, pk, indexed.kind) for pk, rank in rows]
    hits.sort()
    return [(kind, pk) for _rank, _position, pk, kind in hits[:limit]]
