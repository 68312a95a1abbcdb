"""The open-data document (docs/design.md §8): every collection the public may see, as JSON or CSV.

One writer serves ``GET /data/committee.json``, the CSV downloads, ``manage.py export_data`` and
the recommendation list's downloads, so they cannot drift apart. Items carry ``id``, their
fields, translatable fields as ``{"ar": …, "es": …, "fr": …, "en": …}``, dates as ISO strings
beside their ``…_precision``, and ``citations``. Related records appear by id only when the
audience may see them. Everything is streamed from ``QuerySet.iterator()``: memory stays flat
whatever the size of the data.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.http import StreamingHttpResponse

from committee.agreements.models import Agreement, Mechanism
from committee.bilateral import Role, Side
from committee.languages import CODES
from committee.meetings.models import Meeting
from committee.people.models import Organization, Person, User, Viewer
from committee.recommendations.models import (
    Adoption,
    ProgressUpdate,
    Recommendation,
    RecommendationRelation,
)
from committee.recommendations.successors import hidden_successors_prefetch, shown_status_reason
from committee.sources.models import Citation, SourceDocument
from committee.subcommittees.models import Body

#: Records read (with what is prefetched for them) per round trip. Exporting 100,000
#: recommendations grew a worker by 66 MB with 500 and by 24 MB with 100, for 10 % more time.
CHUNK = 100
#: Who an export is for: ``public`` (the default), one delegation, the committee, or everything.
AUDIENCES = ("public", "committee", "ma", "es", "all")


def audience(level: str) -> Viewer:
    """A stand-in viewer who sees what ``level`` names (``export_data --visibility``)."""
    if level == "public":
        return None
    if level == "committee":
        return User(side=Side.MA, role=Role.OBSERVER, is_active=True)
    if level in {"ma", "es"}:
        return User(side=level.upper(), role=Role.MEMBER, is_active=True)
    if level == "all":
        return User(is_superuser=True, is_active=True)
    raise ValueError(level)


#: What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV cell a spreadsheet will not run: text that begins like a formula gets
    a leading ``'`` (OWASP). Only text: numbers the code writes stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class CsvWriter:
    """The project's one CSV writer (open data, list downloads, ``export_data``): every cell
    goes through ``csv_cell``, so no text reaches a spreadsheet as a formula."""

    def __init__(self, buffer: io.StringIO) -> None:
        self._writer = csv.writer(buffer)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([csv_cell(value) for value in row])


def translations(record: models.Model, name: str) -> dict[str, str]:
    return {code: getattr(record, f"{name}_{code}") or "" for code in CODES}


def iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def ids(records: Iterable[models.Model]) -> list[Any]:
    return [record.pk for record in records]


def pk_or_none(record: models.Model | None) -> Any:
    return record.pk if record is not None else None


@dataclass(frozen=True)
class Field:
    """One key of an item: its name, how to read it, and whether it has one value per language."""

    name: str
    read: Callable[[Any], Any]
    translated: bool = False


def plain(name: str, attribute: str | None = None) -> Field:
    def read(record: Any) -> Any:
        value = getattr(record, attribute or name)
        if callable(value):
            value = value()
        if isinstance(value, dt.date | dt.datetime):
            return value.isoformat()
        if value == "" and name.endswith("_precision"):
            return None  # no date, no precision
        return value

    return Field(name, read)


def translated(name: str) -> Field:
    return Field(name, lambda record: translations(record, name), translated=True)


def related(name: str) -> Field:
    """A foreign key loaded through a visibility-filtered ``Prefetch``: None when not visible."""
    return Field(name, lambda record: pk_or_none(getattr(record, name)))


def related_ids(name: str) -> Field:
    return Field(name, lambda record: ids(getattr(record, name).all()))


RECORD = (plain("url", "get_absolute_url"), plain("visibility"), plain("original_language"))


@dataclass(frozen=True)
class Collection:
    """One top-level key of the document: what to load, with what, and how to write an item."""

    name: str
    model: type[models.Model]
    fields: tuple[Field, ...]
    prefetch: Callable[[Viewer], list[Prefetch[Any] | str]] = lambda viewer: []
    cited: bool = True

    def queryset(self, viewer: Viewer) -> QuerySet[Any]:
        return _visible(self.model, viewer).order_by("pk")

    def item(self, record: Any) -> dict[str, Any]:
        return {field.name: field.read(record) for field in self.fields}

    def items(self, queryset: QuerySet[Any], viewer: Viewer) -> Iterator[dict[str, Any]]:
        records = queryset.prefetch_related(*self.prefetch(viewer)).iterator(chunk_size=CHUNK)
        batch: list[Any] = []
        for record in records:
            batch.append(record)
            if len(batch) == CHUNK:
                yield from self._finish(batch, viewer)
                batch = []
        if batch:
            yield from self._finish(batch, viewer)

    def _finish(self, batch: list[Any], viewer: Viewer) -> Iterator[dict[str, Any]]:
        citations: dict[Any, list[dict[str, Any]]] = {}
        if self.cited:
            for citation in Citation.objects.filter(
                content_type=ContentType.objects.get_for_model(self.model),
                object_id__in=[record.pk for record in batch],
                source__in=SourceDocument.objects.visible_to(viewer),
            ).order_by("source_id", "start", "pk"):
                citations.setdefault(citation.object_id, []).append(
                    {
                        "source": citation.source_id,
                        "start": citation.start,
                        "end": citation.end,
                        "quote": citation.quote,
                    }
                )
        for record in batch:
            item = {"id": record.pk, **self.item(record)}
            if self.cited:
                item["citations"] = citations.get(record.pk, [])
            yield item

    def csv_header(self) -> list[str]:
        header = ["id"]
        for field in self.fields:
            if field.translated:
                header.extend(f"{field.name}_{code}" for code in CODES)
            else:
                header.append(field.name)
        if self.cited:
            header.append("citations")
        return header

    def csv_row(self, item: dict[str, Any]) -> list[Any]:
        row: list[Any] = [item["id"]]
        for field in self.fields:
            value = item[field.name]
            if field.translated:
                row.extend(value[code] for code in CODES)
            elif isinstance(value, list | dict):
                row.append(json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder))
            else:
                row.append("" if value is None else value)
        if self.cited:
            row.append(json.dumps(item["citations"], ensure_ascii=False))
        return row

    def csv_lines(self, queryset: QuerySet[Any], viewer: Viewer) -> Iterator[str]:
        buffer = io.StringIO()
        writer = CsvWriter(buffer)
        writer.writerow(self.csv_header())
        for item in self.items(queryset, viewer):
            writer.writerow(self.csv_row(item))
            if buffer.tell() > 65536:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()


def _visible(model: type[models.Model], viewer: Viewer) -> QuerySet[Any]:
    manager: Any = model._default_manager
    visible: QuerySet[Any] = manager.visible_to(viewer)
    return visible


def _adoptions(recommendation: Recommendation) -> list[dict[str, Any]]:
    return [
        {"meeting": adoption.meeting_id, "kind": adoption.kind}
        for adoption in recommendation.adoptions.all()
    ]


def _relations(recommendation: Recommendation) -> list[dict[str, Any]]:
    return [
        {"kind": relation.kind, "target": relation.target_id}
        for relation in recommendation.relations.all()
    ]


def _progress(recommendation: Recommendation) -> list[dict[str, Any]]:
    return [
        {
            "side": update.side,
            "as_of": iso(update.as_of),
            "narrative": translations(update, "narrative"),
            "proposed_completion": update.proposed_completion or None,
            "published_at": iso(update.published_at),
        }
        for update in recommendation.progress_updates.all()
    ]


MEETINGS = Collection(
    "meetings",
    Meeting,
    (
        *RECORD,
        plain("kind"),
        plain("ordinal"),
        plain("status"),
        plain("body", "body_id"),
        translated("title"),
        translated("theme"),
        translated("summary"),
        plain("host_side"),
        translated("city"),
        plain("venue"),
        plain("country"),
        plain("start_date"),
        plain("start_precision"),
        plain("end_date"),
        plain("end_precision"),
        related_ids("organizers"),
    ),
    lambda viewer: [Prefetch("organizers", _visible(Organization, viewer))],
)

BODIES = Collection(
    "bodies",
    Body,
    (
        *RECORD,
        plain("kind"),
        plain("status"),
        translated("name"),
        translated("mandate"),
        plain("parent", "parent_id"),
        plain("established_date"),
        plain("established_precision"),
        related("created_at_meeting"),
        related("created_by_recommendation"),
    ),
    lambda viewer: [
        Prefetch("created_at_meeting", _visible(Meeting, viewer)),
        Prefetch("created_by_recommendation", _visible(Recommendation, viewer)),
    ],
)

RECOMMENDATIONS = Collection(
    "recommendations",
    Recommendation,
    (
        plain("reference"),
        *RECORD,
        translated("text"),
        plain("kind"),
        plain("theme"),
        plain("lead_side"),
        plain("body", "body_id"),
        plain("priority"),
        plain("due_date"),
        plain("status"),
        plain("completion"),
        Field("status_reason", shown_status_reason),
        related("parent"),
        Field("adoptions", _adoptions),
        Field("relations", _relations),
        Field("progress", _progress),
    ),
    lambda viewer: [
        Prefetch("parent", _visible(Recommendation, viewer)),
        Prefetch(
            "adoptions",
            Adoption.objects.filter(meeting__in=_visible(Meeting, viewer)).order_by("pk"),
        ),
        Prefetch(
            "relations",
            RecommendationRelation.objects.filter(
                target__in=_visible(Recommendation, viewer)
            ).order_by("pk"),
        ),
        Prefetch(
            "progress_updates",
            ProgressUpdate.objects.visible_to(viewer).published().order_by("as_of", "pk"),
        ),
        hidden_successors_prefetch(viewer),
    ],
)

PEOPLE = Collection(
    "people",
    Person,
    (
        *RECORD,
        translated("name"),
        translated("honorific"),
        translated("position"),
        related("organization"),
        plain("side"),
        Field("aliases", lambda person: [alias.name for alias in person.aliases.all()]),
    ),
    lambda viewer: [Prefetch("organization", _visible(Organization, viewer)), "aliases"],
)

ORGANIZATIONS = Collection(
    "organizations",
    Organization,
    (
        *RECORD,
        translated("name"),
        plain("acronym"),
        plain("side"),
        plain("kind"),
        related("parent"),
    ),
    lambda viewer: [Prefetch("parent", _visible(Organization, viewer))],
)

AGREEMENTS = Collection(
    "agreements",
    Agreement,
    (
        *RECORD,
        translated("title"),
        translated("subject"),
        plain("signed_date"),
        plain("signed_precision"),
        translated("place"),
        related_ids("parties"),
        related_ids("recommendations"),
        related_ids("bodies"),
    ),
    lambda viewer: [
        Prefetch("parties", _visible(Organization, viewer).order_by("pk")),
        Prefetch("recommendations", _visible(Recommendation, viewer).order_by("pk")),
        Prefetch("bodies", _visible(Body, viewer).order_by("pk")),
    ],
)

MECHANISMS = Collection(
    "mechanisms",
    Mechanism,
    (
        *RECORD,
        plain("kind"),
        translated("name"),
        translated("description"),
        translated("location"),
        plain("established_date"),
        plain("established_precision"),
        plain("agreement", "agreement_id"),
        related_ids("organizations"),
    ),
    lambda viewer: [Prefetch("organizations", _visible(Organization, viewer).order_by("pk"))],
)

SOURCES = Collection(
    "sources",
    SourceDocument,
    (
        *RECORD,
        plain("title"),
        plain("language"),
        plain("publisher"),
        plain("original_url", "url"),
        plain("published_on"),
        plain("sha256"),
        plain("text"),
    ),
    cited=False,
)

#: The document's keys, in order (docs/design.md §8.3).
COLLECTIONS = {
    collection.name: collection
    for collection in (
        MEETINGS,
        BODIES,
        RECOMMENDATIONS,
        PEOPLE,
        ORGANIZATIONS,
        AGREEMENTS,
        MECHANISMS,
        SOURCES,
    )
}


def json_document(querysets: dict[str, QuerySet[Any]] | None, viewer: Viewer) -> Iterator[str]:
    """The document as JSON text in pieces. ``querysets`` narrows collections (the filtered
    recommendation list); None means every collection, whole."""
    if querysets is None:
        querysets = {name: c.queryset(viewer) for name, c in COLLECTIONS.items()}
    yield "{"
    for position, (name, queryset) in enumerate(querysets.items()):
        yield ("," if position else "") + f"\n{json.dumps(name)}: ["
        pending: list[str] = []
        size = 0
        for index, item in enumerate(COLLECTIONS[name].items(queryset, viewer)):
            text = json.dumps(item, ensure_ascii=False, cls=DjangoJSONEncoder, sort_keys=False)
            pending.append(("," if index else "") + "\n" + text)
            size += len(text)
            if size > 65536:
                yield "".join(pending)
                pending, size = [], 0
        yield "".join(pending) + "]"
    yield "\n}\n"


def attachment(chunks: Iterable[str], filename: str, content_type: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (chunk.encode("utf-8") for chunk in chunks), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
