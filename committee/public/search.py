"""Search across meetings, bodies, recommendations, people, organisations and sources.

One ranked list: each kind's matches (``search_vector @@ query``, answered from its GIN index,
restricted to what the reader may see) are ranked with ``SearchRank`` and merged in one
``UNION ALL``; the page's records are then loaded kind by kind and given snippets
(``committee.public.snippets``). The number of queries does not depend on the number of rows:
one count per kind, one more for each kind of names with fewer exact matches than a page (the
near spellings below), the ranked page, and one load per kind on it.

Names (people and their aliases, organisations, meeting places) are also found by a near
spelling: a name written with the article or without it, an accent dropped, a letter typed
wrong. Those matches (trigram word similarity, ``pg_trgm``, of the normalised, unaccented
words, the query's without their article) come after every match of the words themselves,
and are looked for only while a kind has fewer exact matches than a page. When nothing
matches, the closest name is offered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import (
    Case,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    StringAgg,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from committee import arabic
from committee.fulltext import analyzed_sql, query_words, rank, search_query
from committee.languages import CODES, LocalizedText, active_language
from committee.meetings.models import Meeting
from committee.people.models import Organization, Person, PersonAlias, Viewer
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
    #: Translatable fields holding names, matched by a near spelling too.
    names: tuple[str, ...] = ()


KINDS = {
    kind.slug: kind
    for kind in (
        Kind("recommendations", _("Recommendations"), Recommendation, ("text",), "text"),
        Kind(
            "meetings",
            _("Meetings"),
            Meeting,
            ("title", "theme", "summary", "city"),
            "title",
            names=("city",),
        ),
        Kind("bodies", _("Bodies"), Body, ("name", "mandate"), "name"),
        Kind("people", _("People"), Person, ("name", "position"), "name", names=("name",)),
        Kind("organizations", _("Organisations"), Organization, ("name",), "name", names=("name",)),
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
    #: When nothing matches: the closest name the reader may see, to search for instead.
    suggestion: str = ""

    @property
    def total(self) -> int:
        return sum(count for _kind, count in self.counts)


#: How alike a name must be to the words typed (pg_trgm's word_similarity, 0–1) to match.
NAME_SIMILARITY = 0.5
#: ... and to be offered when nothing matches.
SUGGESTION_SIMILARITY = 0.3


def _names_key(kind: Kind) -> Func | None:
    """A kind's names in every language as one text, normalised and unaccented (not stemmed:
    that would run the stemmer on every row of the table for each search)."""
    columns: list[Any] = [F(f"{name}_{code}") for name in kind.names for code in CODES]
    if not columns:
        return None
    if kind.model is Organization:
        columns.append(F("acronym"))
    if kind.model is Person:
        aliases = PersonAlias.objects.filter(person=OuterRef("pk")).values("person")
        joined = aliases.annotate(all=StringAgg("name", Value(" "))).values("all")
        columns.append(Coalesce(Subquery(joined), Value("")))
    text = Func(Value(" "), *columns, function="concat_ws", output_field=TextField())
    return analyzed_sql(text, "")


def _similarity(kind: Kind, words: str) -> Func | None:
    key = _names_key(kind)
    if key is None:
        return None
    typed = Func(
        Value(arabic.without_article(words)),
        function="committee_unaccent",
        output_field=TextField(),
    )
    return Func(typed, key, function="word_similarity", output_field=FloatField())


def _matches(
    kind: Kind, query: SearchQuery, words: str, viewer: Viewer, *, near: bool
) -> QuerySet[Any]:
    """What the reader may see of ``kind`` that matches: by its words, and with ``near`` for
    names by a near spelling too (``hit_rank`` below every match by the words)."""
    manager: Any = kind.model._default_manager
    visible: QuerySet[Any] = manager.visible_to(viewer)
    similarity = _similarity(kind, words) if near else None
    matches: QuerySet[Any]
    if similarity is None:
        matches = visible.filter(search_vector=query).annotate(
            hit_rank=Cast(rank(query), output_field=FloatField())
        )
        return matches
    matches = visible.annotate(
        name_similarity=similarity,
        hit_rank=Case(
            When(search_vector=query, then=rank(query)),
            default=F("name_similarity") - 1.0,
            output_field=FloatField(),
        ),
    ).filter(Q(search_vector=query) | Q(name_similarity__gte=NAME_SIMILARITY))
    return matches


def suggestion(words: str, viewer: Viewer) -> str:
    """The name closest to ``words`` among what the reader may see, if close enough."""
    best: tuple[float, str] = (0.0, "")
    for kind in KINDS.values():
        similarity = _similarity(kind, words)
        if similarity is None:
            continue
        manager: Any = kind.model._default_manager
        record = (
            manager.visible_to(viewer)
            .annotate(name_similarity=similarity)
            .filter(name_similarity__gte=SUGGESTION_SIMILARITY)
            .order_by("-name_similarity", "pk")
            .first()
        )
        if record is not None and record.name_similarity > best[0]:
            best = (record.name_similarity, str(getattr(record, kind.names[0])))
    return best[1]


def search(text: str, viewer: Viewer, *, only: str | None, page: str | None) -> Results:
    query = search_query(text)
    if query is None:
        return Results()
    words = query_words(text)
    kinds = [KINDS[only]] if only in KINDS else list(KINDS.values())
    exact = {
        kind: _matches(kind, query, words, viewer, near=False).count() for kind in KINDS.values()
    }
    # Near spellings rank after every exact match: looked for only where those are less than a
    # page (they would come after hundreds of results otherwise), which spares a broad search
    # the comparison with every name.
    near = {kind: bool(kind.names) and exact[kind] < PAGE_SIZE for kind in KINDS.values()}
    counts = [
        (kind, _matches(kind, query, words, viewer, near=True).count() if near[kind] else count)
        for kind, count in exact.items()
    ]
    total = sum(count for kind, count in counts if kind in kinds)
    results = Results(counts=counts)
    results.page = Paginator(range(total), PAGE_SIZE).get_page(page)
    if not total:
        results.suggestion = suggestion(words, viewer) if not any(c for _k, c in counts) else ""
        return results
    ranked = [
        _matches(kind, query, words, viewer, near=near[kind])
        .annotate(
            hit_kind=Value(ORDER[kind.slug], output_field=IntegerField()),
            hit_id=Cast("pk", output_field=IntegerField()),
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
        return [Candidate(record.text, record.language)]
    reader = active_language()
    original = getattr(record, "original_language", "") or "ar"
    languages = list(dict.fromkeys((reader, original, *CODES)))
    candidates = []
    for name in result.kind.fields:
        for code in languages:
            value = getattr(record, f"{name}_{code}", "")
            if value:
                candidates.append(Candidate(value, code))
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
