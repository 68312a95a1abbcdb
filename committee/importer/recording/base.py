"""Bookkeeping shared by the recorders: saving, filling, translating, citing, finding."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models

from committee.importer import extraction, matching
from committee.importer.models import ProposedChange, shown
from committee.importer.report import Change, ImportReport, Proposal
from committee.importer.translation_memory import TranslationMemory
from committee.sources.models import Citation, SourceDocument

R = TypeVar("R", bound=models.Model)

#: How close two texts must be to be the same record when nothing else identifies it.
SAME_TEXT = 0.5
SAME_MEETING_TEXT = 0.15
SAME_NAME = 0.6
INSTITUTION_KEYS = frozenset(institution.key for institution in extraction.INSTITUTIONS)
MEETING_CODES = {
    "seminar": "SEM",
    "strategic_committee_session": "SSC",
    "subcommittee_meeting": "SUB",
    "follow_up_meeting": "FUP",
    "ministerial_meeting": "MIN",
    "press_conference": "PRS",
    "working_visit": "VIS",
    "inauguration": "INA",
    "signing_ceremony": "SIG",
    "other": "MTG",
}


def clip(model: type[models.Model], name: str, value: str) -> str:
    """``value`` cut to the column's length (long extracted phrases must not abort an import)."""
    max_length = getattr(model._meta.get_field(name), "max_length", None)
    if max_length and len(value) > max_length:
        return value[: max_length - 1].rstrip() + "…"
    return value


def as_json(value: Any) -> Any:
    """A column's value as a proposal keeps it (a date as ``YYYY-MM-DD``)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def is_empty(value: Any) -> bool:
    return value is None or value == ""


@dataclass
class RecorderBase:
    """What every kind of fact needs: the source, the report, the records made so far."""

    source: SourceDocument
    article: extraction.Extraction
    memory: TranslationMemory
    report: ImportReport
    records: dict[str, models.Model] = field(default_factory=dict)
    seen: set[tuple[str, Any]] = field(default_factory=set)

    # --- bookkeeping -------------------------------------------------------------------------

    def visibility(self) -> str:
        return self.source.visibility

    def language(self) -> str:
        """The article's language: the original language of what it creates, and the column
        its words go to (an Arabic original of an existing record is never overwritten)."""
        return self.article.language if self.article.language in ("es", "fr") else "ar"

    def own(self, record: models.Model, name: str) -> str:
        """``record``'s text in the article's language («name_fr» for a French article)."""
        return str(getattr(record, f"{name}_{self.language()}", "") or "")

    def save(self, record: R, *, created: bool, changed: list[str]) -> R:
        """Save a new or enriched record, flag it for review and say so in the report."""
        if created:
            if hasattr(record, "needs_review"):
                record.needs_review = True
            record.save()
            self.report.created.append(Change.of(record))
        elif changed:
            if hasattr(record, "needs_review"):
                record.needs_review = True
                record.version = models.F("version") + 1  # type: ignore[attr-defined]
            record.save()
            record.refresh_from_db()
            self.enriched(record, *changed)
        self.seen.add((record._meta.label_lower, record.pk))
        return record

    def enriched(self, record: models.Model, *fields: str) -> None:
        """Report that ``record`` gained ``fields`` (merged with what was already reported)."""
        for index, change in enumerate(self.report.updated):
            if change.model == record._meta.label_lower and change.pk == record.pk:
                merged = tuple(dict.fromkeys((*change.fields, *fields)))
                self.report.updated[index] = Change.of(record, merged)
                return
        if any(
            c.model == record._meta.label_lower and c.pk == record.pk for c in self.report.created
        ):
            return
        self.report.updated.append(Change.of(record, fields))

    def fill(self, record: models.Model, values: dict[str, Any]) -> list[str]:
        """Set the fields of ``record`` that are empty; return the names of those set."""
        changed = []
        for name, value in values.items():
            if is_empty(value):
                continue
            if is_empty(getattr(record, name)):
                setattr(
                    record,
                    name,
                    clip(type(record), name, value) if isinstance(value, str) else value,
                )
                changed.append(name)
        return changed

    def propose(
        self,
        record: models.Model,
        name: str,
        values: dict[str, Any],
        fact: Any,
        *evidence: str,
    ) -> None:
        """Keep for review what the article says differently about ``record`` (``values``,
        columns to values) instead of writing it: a record is never changed unseen. The words
        cited are those of ``evidence`` (the fact's evidence fields), or its first span."""
        current = {column: as_json(getattr(record, column)) for column in values}
        proposed = {column: as_json(value) for column, value in values.items()}
        if current == proposed:
            return
        items = list(fact.evidence) or [extraction.Evidence("", span) for span in fact.spans]
        items = [i for i in items if self.source.text[i.span.start : i.span.end] == i.span.quote]
        chosen = [i for i in items if i.field in evidence] or items
        if not chosen or chosen[0].span.end <= chosen[0].span.start:
            self.report.skipped.append((f"{name} of «{record}»", "no words to cite for a change"))
            return
        span = chosen[0].span
        _, created = ProposedChange.objects.get_or_create(
            source=self.source,
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            field=name,
            defaults={
                "current": current,
                "proposed": proposed,
                "start": span.start,
                "end": span.end,
                "quote": span.quote,
            },
        )
        if created:
            self.report.proposed.append(
                Proposal(
                    record._meta.label_lower,
                    str(record)[:90],
                    record.pk,
                    name,
                    shown(current),
                    shown(proposed),
                    span.quote,
                )
            )

    def translated(self, record: models.Model, name: str, text: str | None) -> dict[str, str]:
        """The column of the article's language and, for an Arabic text, the other languages'
        columns from the translation memory (which is keyed by the Arabic)."""
        if not text:
            return {}
        values = {f"{name}_{self.language()}": text}
        if self.language() == "ar":
            for code, translation in self.memory.lookup(text).items():
                values[f"{name}_{code}"] = translation
        return values

    def place_names(self, name: str, key: str | None) -> dict[str, str]:
        if not key or key not in extraction.PLACES:
            return {}
        place = extraction.place(key)
        return {
            f"{name}_ar": place.ar[0],
            f"{name}_es": place.es,
            f"{name}_fr": place.fr,
            f"{name}_en": place.en,
        }

    def cite(self, record: models.Model, fact: Any) -> None:
        """Cite every span of ``fact`` for ``record``; new citations on an old record enrich it."""
        content_type = ContentType.objects.get_for_model(record)
        evidence = list(fact.evidence) or [extraction.Evidence("", span) for span in fact.spans]
        added = 0
        for item in evidence:
            span = item.span
            if span.end <= span.start or self.source.text[span.start : span.end] != span.quote:
                self.report.skipped.append(
                    (f"citation «{span.quote[:40]}»", "span does not match the text")
                )
                continue
            _, created = Citation.objects.get_or_create(
                source=self.source,
                content_type=content_type,
                object_id=record.pk,
                field=item.field[:40],
                start=span.start,
                end=span.end,
                defaults={"quote": span.quote},
            )
            added += created
        if added:
            self.enriched(record, "citations")

    def known(self, model: type[R], fact: Any) -> R | None:
        """The record this source already produced from ``fact`` (a re-import), if any."""
        spans = {(span.start, span.end) for span in fact.spans}
        return matching.cited_for(self.source, model, spans) if spans else None

    def get(self, key: str | None, model: type[R]) -> R | None:
        record = self.records.get(key or "")
        return record if isinstance(record, model) else None
