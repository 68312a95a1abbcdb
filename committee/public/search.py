"""Search across meetings, bodies, recommendations, people, organisations and sources.

One ranked list: each kind's matches (``search_vector @@ query``, answered from its GIN index,
restricted to what the reader may see) are ranked with ``SearchRank`` and merged in one
``UNION ALL``; the page's records are then loaded kind by kind and given snippets
(``committee.public.snippets``). The number of queries does not depend on the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import F, FloatField, IntegerField, QuerySet, Value
from django.db.models.functions import Cast
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from committee.fulltext import search_query
from committee.languages import CODES, TEXT_SEARCH_CONFIG, LocalizedText, active_language
from committee.meetings.models import Meeting
from committee.people.models import Organization, Person, Viewer
from committee.public.snippets import Candidate, Snippet, headlines, render
from committee.recommendations.models import Recommendation
from committee.sources.models import SourceDocument
from committee.subcommittees.models import Body

PAGE_SIZE = 20


@dataclass(frozen=True)
class Kind:
    slug: str
    label: Promise
    model: type[models.Model]
    #: Translatable fields a snippet may be cut from, most telling first.
    fields: tuple[str, ...]
    #: The translatable field that names a result.
    name: str


KINDS = {
    kind.slug: kind
    for kind in (
        Kind("recommendations", _("Recommendations"), Recommendation, ("text",), "text"),
        Kind("meetings", _("Meetings"), Meeting, ("title", "theme", "summary", "city"), "title"),
        Kind("bodies", _("Bodies"), Body, ("name", "mandate"), "name"),
        Kind("people", _("People"), Person, ("name", "position"), "name"),
        Kind("organizations", _("Organisations"), Organization, ("name",), "name"),
        Kind("sources", _("Sources"), SourceDocument, (), "title"),
    )
}
ORDER = {slug: position for position, slug in enumerate(KINDS)}


@dataclass
class Result:
    kind: Kind
    record: Any
    rank: float
    snippet: Snippet | None = None

    @property
    def url(self) -> str:
        return str(self.record.get_absolute_url())

    @property
    def title(self) -> LocalizedText | str:
        return title_of(self)


@dataclass
class Results:
    counts: list[tuple[Kind, int]] = field(default_factory=list)
    page: Page[int] | None = None
    results: list[Result] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(count for _kind, count in self.counts)


def _matches(kind: Kind, query: SearchQuery, viewer: Viewer) -> QuerySet[Any]:
    manager: Any = kind.model._default_manager
    matches: QuerySet[Any] = manager.visible_to(viewer).filter(search_vector=query)
    return matches


def search(text: str, viewer: Viewer, *, only: str | None, page: str | None) -> Results:
    query = search_query(text)
    if query is None:
        return Results()
    kinds = [KINDS[only]] if only in KINDS else list(KINDS.values())
    counts = [(kind, _matches(kind, query, viewer).count()) for kind in KINDS.values()]
    total = sum(count for kind, count in counts if kind in kinds)
    results = Results(counts=counts)
    results.page = Paginator(range(total), PAGE_SIZE).get_page(page)
    if not total:
        return results
    ranked = [
        _matches(kind, query, viewer)
        .annotate(
            hit_kind=Value(ORDER[kind.slug], output_field=IntegerField()),
            hit_id=Cast("pk", output_field=IntegerField()),
            hit_rank=Cast(SearchRank(F("search_vector"), query), output_field=FloatField()),
        )
        .values_list("hit_kind", "hit_id", "hit_rank")
        .order_by()
        for kind in kinds
    ]
    combined = ranked[0].union(*ranked[1:], all=True) if len(ranked) > 1 else ranked[0]
    first = results.page.start_index() - 1
    hits = list(combined.order_by("-hit_rank", "hit_kind", "hit_id")[first : first + PAGE_SIZE])
    slugs = list(KINDS)
    loaded: dict[tuple[str, int], Any] = {}
    for slug in {slugs[hit[0]] for hit in hits}:
        kind = KINDS[slug]
        wanted = [hit[1] for hit in hits if slugs[hit[0]] == slug]
        manager: Any = kind.model._default_manager
        for record in manager.visible_to(viewer).filter(pk__in=wanted):
            loaded[(slug, record.pk)] = record
    results.results = [
        Result(KINDS[slugs[k]], loaded[(slugs[k], pk)], rank)
        for k, pk, rank in hits
        if (slugs[k], pk) in loaded
    ]
    _add_snippets(results.results, text)
    return results


def _candidates(result: Result) -> list[Candidate]:
    record = result.record
    if isinstance(record, SourceDocument):
        config = TEXT_SEARCH_CONFIG.get(record.language, "simple")
        return [Candidate(record.text, record.language, config)]
    reader = active_language()
    original = getattr(record, "original_language", "") or "ar"
    languages = list(dict.fromkeys((reader, original, *CODES)))
    candidates = []
    for name in result.kind.fields:
        for code in languages:
            value = getattr(record, f"{name}_{code}", "")
            if value:
                candidates.append(Candidate(value, code, TEXT_SEARCH_CONFIG[code]))
    return candidates


def _add_snippets(results: list[Result], text: str) -> None:
    """Each result's snippet: from the first candidate text with a match, else the first."""
    per_result = [_candidates(result) for result in results]
    flat = [candidate for candidates in per_result for candidate in candidates]
    spans = iter(headlines(flat, text))
    for result, candidates in zip(results, per_result, strict=True):
        found = [(candidate, next(spans)) for candidate in candidates]
        chosen = next(((c, s) for c, s in found if s), found[0] if found else None)
        if chosen is not None:
            candidate, marks = chosen
            result.snippet = render(candidate.text, marks, candidate.language)


def title_of(result: Result) -> LocalizedText | str:
    record = result.record
    if isinstance(record, SourceDocument):
        return str(record)
    if isinstance(record, Recommendation):
        return record.reference
    value: LocalizedText = getattr(record, result.kind.name)
    return value if value else str(record)
