"""Search across meetings, bodies, recommendations, people, organisations and sources.

One query finds what matches: for each kind, the rows the reader may see whose
``search_vector`` matches the words (``@@``, answered from its GIN index when matches are few,
by reading the primary key's index backwards when they are many), ranked with ``SearchRank``,
at most ``BROAD + 1`` of them, all kinds merged in one ``UNION ALL``. Counts, order and the
page are made from those hits; the page's records are then loaded kind by kind and given
snippets (``committee.public.snippets``). The words are analysed once beforehand
(``committee.fulltext.analysed_query``). The number of queries does not depend on the number of
rows: the analysis, the hits, the near spellings below when they are looked for, one load per
kind on the page and the snippets.

A broad word can match a fifth of 100,000 recommendations; counting and ranking every match
would then cost more than the reader gains from an exact figure or from the order of the
12,000th result. So a kind with more than ``BROAD`` matches is counted as "more than 1,000"
and ranked among its ``BROAD`` newest matches: the work per search stays bounded, and the
page says so, inviting a narrower search.

Names (people and their spellings, organisations, meeting places) are also found by a near
spelling: a name written with the article or without it, an accent dropped, a letter typed
wrong. Those matches (trigram word similarity, ``pg_trgm``, between the words without their
article and the row's stored ``names_key``) come after every match of the words themselves,
and are looked for only while those are fewer than a page (in all, or in the kind asked for)
and only for a kind with fewer than a page of its own. When nothing matches, the closest name
is offered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Page, Paginator
from django.db import connection, models, transaction
from django.db.models import (
    F,
    FloatField,
    Func,
    IntegerField,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import Cast
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from committee import arabic
from committee.fulltext import analysed_query, query_words, rank
from committee.languages import CODES, LocalizedText, active_language
from committee.meetings.models import Meeting
from committee.people.models import Organization, Person, PersonAlias, Viewer
from committee.public.snippets import Candidate, Snippet, headlines, render
from committee.recommendations.models import Recommendation
from committee.sources.models import SourceDocument
from committee.subcommittees.models import Body

PAGE_SIZE = 20
#: Past this many matches of one kind, its count says "more than" and only its newest this many
#: are ranked (see the module's docstring).
BROAD = 1000


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
    page: Page[Hit] | None = None
    results: list[Result] = field(default_factory=list)
    #: When nothing matches: the closest name the reader may see, to search for instead.
    suggestion: str = ""
    #: The kinds with more than ``BROAD`` matches (counted as ``BROAD``, ranked among their newest).
    broad: frozenset[str] = frozenset()
    #: How many of a broad kind's newest matches are ranked.
    most: int = BROAD

    @property
    def total(self) -> int:
        return sum(count for _kind, count in self.counts)


#: How alike a name must be to the words typed (pg_trgm's word_similarity, 0–1) to match.
NAME_SIMILARITY = 0.5
#: ... and to be offered when nothing matches ("did you mean").
SUGGESTION_SIMILARITY = 0.3


def _typed(words: str) -> Func:
    """The words as a name is compared: without their article, unaccented."""
    return Func(
        Value(arabic.without_article(words)),
        function="committee_unaccent",
        output_field=TextField(),
    )


def _similarity(words: str) -> Func:
    """How near ``words`` come to a row's stored ``names_key``
    (``committee.fulltext.names_key``): pg_trgm's word similarity, 0–1."""
    return Func(
        _typed(words), F("names_key"), function="word_similarity", output_field=FloatField()
    )


def _near_names(visible: QuerySet[Any], kind: Kind, words: str) -> list[QuerySet[Any]]:
    """The rows of ``kind`` whose names (for people, one of their spellings too) are near
    ``words``, annotated with ``name_similarity``; none for a kind without names."""
    if not kind.names:
        return []
    tables = [visible]
    if kind.model is Person:
        tables.append(PersonAlias.objects.filter(person__in=visible.values("pk")))
    # ``%>`` lets the trigram index (``committee.fulltext.names_index``) pick the candidates, at
    # the threshold ``_near`` sets; the similarity itself then ranks them.
    return [
        table.filter(names_key__trigram_word_similar=_typed(words)).annotate(
            name_similarity=_similarity(words)
        )
        for table in tables
    ]


Hit = tuple[int, int, float]  # (position of the kind in KINDS, primary key, rank)


def _visible(kind: Kind, viewer: Viewer) -> QuerySet[Any]:
    manager: Any = kind.model._default_manager
    visible: QuerySet[Any] = manager.visible_to(viewer)
    return visible


def _hit_columns(
    queryset: QuerySet[Any], kind: Kind, hit_rank: Any, *, key: str = "pk"
) -> QuerySet[Any]:
    columns: QuerySet[Any] = queryset.annotate(
        hit_kind=Value(ORDER[kind.slug], output_field=IntegerField()),
        hit_id=F(key),
        hit_rank=Cast(hit_rank, output_field=FloatField()),
    ).values_list("hit_kind", "hit_id", "hit_rank")
    return columns


def _exact_hits(visible: QuerySet[Any], kind: Kind, query: SearchQuery) -> QuerySet[Any]:
    """The newest ``BROAD + 1`` matches by the words, ranked: the primary key's index is read
    backwards when matches are many, the GIN index when they are few (the planner's choice)."""
    newest = visible.filter(search_vector=query).order_by("-pk").values("pk")[: BROAD + 1]
    # Ranked once chosen: ranking every match before keeping the newest would cost as much as
    # ranking them all (the planner cannot tell how many rows two common words leave).
    manager: Any = kind.model._default_manager
    chosen = manager.filter(pk__in=newest)
    return _hit_columns(chosen, kind, rank(query)).order_by()


def _near_hits(
    visible: QuerySet[Any], kind: Kind, query: SearchQuery, words: str
) -> list[QuerySet[Any]]:
    """Names of ``kind`` near ``words`` that do not match by the words, ranked below them, down
    to the similarity of a suggestion (a person found by a name and a spelling comes twice:
    ``_near`` keeps the nearer)."""
    parts = []
    for names in _near_names(visible, kind, words):
        alias = names.model is PersonAlias
        near = names.filter(name_similarity__gte=SUGGESTION_SIMILARITY)
        near = (
            near.exclude(person__search_vector=query)
            if alias
            else near.exclude(search_vector=query)
        )
        key = "person_id" if alias else "pk"
        ranked = _hit_columns(near, kind, F("name_similarity") - 1.0, key=key)
        parts.append(ranked.order_by("-hit_rank", "-hit_id")[: BROAD + 1])
    return parts


def _run(parts: list[QuerySet[Any]]) -> list[Hit]:
    """Every part's hits in one query (``UNION ALL``); none without parts."""
    if not parts:
        return []
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return list(combined.order_by() if len(parts) > 1 else combined)


def _near(
    visible: dict[Kind, QuerySet[Any]],
    per_kind: dict[int, list[Hit]],
    query: SearchQuery,
    words: str,
) -> list[Hit]:
    """Near spellings of names, nearest first, one hit per record, for the kinds with fewer
    than a page of matches by the words."""
    parts = [
        part
        for kind in KINDS.values()
        if len(per_kind[ORDER[kind.slug]]) < PAGE_SIZE
        for part in _near_hits(visible[kind], kind, query, words)
    ]
    if not parts:
        return []
    nearest: dict[tuple[int, int], Hit] = {}
    with transaction.atomic(), connection.cursor() as cursor:
        # The threshold of ``%>`` for this transaction only: the lowest similarity wanted.
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(SUGGESTION_SIMILARITY)],
        )
        found = _run(parts)
    for hit in found:
        if hit[:2] not in nearest or hit[2] > nearest[hit[:2]][2]:
            nearest[hit[:2]] = hit
    return sorted(nearest.values(), key=lambda hit: (-hit[2], hit[0], hit[1]))


def _name_of(hit: Hit, visible: dict[Kind, QuerySet[Any]]) -> str:
    kind = list(KINDS.values())[hit[0]]
    record = visible[kind].filter(pk=hit[1]).first()
    return str(getattr(record, kind.names[0])) if record is not None else ""


def search(text: str, viewer: Viewer, *, only: str | None, page: str | None) -> Results:
    """One query finds every kind's matches by the words (at most ``BROAD + 1`` of each, ranked);
    a second the near spellings of names for the kinds with fewer than a page of those; counts,
    order and page are then made from these hits."""
    query = analysed_query(text)
    if query is None:
        return Results()
    words = query_words(text)
    visible = {kind: _visible(kind, viewer) for kind in KINDS.values()}
    hits = _run([_exact_hits(visible[kind], kind, query) for kind in KINDS.values()])
    per_kind: dict[int, list[Hit]] = {ORDER[slug]: [] for slug in KINDS}
    for hit in hits:
        per_kind[hit[0]].append(hit)
    broad = {position for position, found in per_kind.items() if len(found) > BROAD}
    for position in broad:  # ranked among the BROAD newest
        per_kind[position] = sorted(per_kind[position], key=lambda hit: -hit[1])[:BROAD]
    # Near spellings rank after every exact match: looked for only while those are fewer than a
    # page, in all (or in the one kind asked for), and only for a kind with fewer than a page of
    # its own: otherwise they would come after a page of results, and a broad search is spared
    # the comparison with every name.
    wanted = [ORDER[only]] if only in KINDS else list(per_kind)
    few = sum(len(per_kind[position]) for position in wanted) < PAGE_SIZE
    near = _near(visible, per_kind, query, words) if few else []
    for hit in near:
        if hit[2] >= NAME_SIMILARITY - 1.0 and len(per_kind[hit[0]]) < BROAD:
            per_kind[hit[0]].append(hit)
    slugs = list(KINDS)
    results = Results(
        counts=[(KINDS[slugs[position]], len(found)) for position, found in per_kind.items()],
        broad=frozenset(slugs[position] for position in broad),
        most=BROAD,
    )
    ordered = sorted(
        (hit for position in wanted for hit in per_kind[position]),
        key=lambda hit: (-hit[2], hit[0], hit[1]),
    )
    results.page = Paginator(ordered, PAGE_SIZE).get_page(page)
    if not ordered:
        # When nothing at all matches: the closest name the reader may see, if close enough.
        if near and not results.total:
            results.suggestion = _name_of(near[0], visible)
        return results
    on_page: list[Hit] = list(results.page)
    loaded: dict[tuple[int, int], Any] = {}
    for position in {hit[0] for hit in on_page}:
        keys = [hit[1] for hit in on_page if hit[0] == position]
        for record in visible[KINDS[slugs[position]]].filter(pk__in=keys):
            loaded[(position, record.pk)] = record
    results.results = [
        Result(KINDS[slugs[position]], loaded[(position, pk)], hit_rank)
        for position, pk, hit_rank in on_page
        if (position, pk) in loaded
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
