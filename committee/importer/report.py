"""What an import did, for people (``as_text``) and machines (``as_dict``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models

from committee.importer.review import Suggestion


@dataclass(frozen=True)
class Change:
    model: str
    label: str
    pk: int | None
    fields: tuple[str, ...] = ()

    @classmethod
    def of(cls, record: models.Model, fields: tuple[str, ...] = ()) -> Change:
        return cls(record._meta.label_lower, str(record)[:90], record.pk, fields)


@dataclass(frozen=True)
class Proposal:
    """A value the article gives that differs from the record's: kept for review, not written."""

    model: str
    label: str
    pk: int | None
    field: str
    current: str
    proposed: str
    quote: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "id": self.pk,
            "label": self.label,
            "field": self.field,
            "current": self.current,
            "proposed": self.proposed,
            "quote": self.quote,
        }

    def __str__(self) -> str:
        return (
            f"{self.model} «{self.label}»: would change {self.field} from {self.current} "
            f"to {self.proposed} («{self.quote[:60]}»), needs review"
        )


@dataclass
class ImportReport:
    status: str = ""
    source: int | None = None
    file_name: str = ""
    dry_run: bool = False
    created: list[Change] = field(default_factory=list)
    updated: list[Change] = field(default_factory=list)
    unchanged: int = 0
    proposed: list[Proposal] = field(default_factory=list)
    #: Doubtful facts, not recorded: the secretariat may accept them (``review``).
    suggested: list[Suggestion] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extraction: dict[str, Any] | None = None

    @property
    def wrote_anything(self) -> bool:
        return bool(self.created or self.updated or self.proposed)

    def as_dict(self) -> dict[str, Any]:
        def change(item: Change) -> dict[str, Any]:
            entry: dict[str, Any] = {"model": item.model, "id": item.pk, "label": item.label}
            if item.fields:
                entry["fields"] = list(item.fields)
            return entry

        return {
            "status": self.status,
            "dry_run": self.dry_run,
            "source": self.source,
            "file_name": self.file_name,
            "created": [change(item) for item in self.created],
            "updated": [change(item) for item in self.updated],
            "unchanged": self.unchanged,
            "proposed": [item.as_dict() for item in self.proposed],
            "suggested": [item.as_dict() for item in self.suggested],
            "skipped": [{"what": what, "why": why} for what, why in self.skipped],
            "notes": list(self.notes),
        }

    def as_text(self) -> str:
        verb = "Would create" if self.dry_run else "Created"
        lines = [
            f"{self.file_name or 'article'}: {self.status}"
            + (" (dry run: nothing saved)" if self.dry_run else "")
        ]
        lines += [f"  note: {note}" for note in self.notes]
        lines.append(f"{verb} {len(self.created)}:")
        lines += [f"  + {item.model} «{item.label}»" for item in self.created]
        lines.append(f"{'Would update' if self.dry_run else 'Updated'} {len(self.updated)}:")
        lines += [
            f"  ~ {item.model} «{item.label}» ({', '.join(item.fields)})" for item in self.updated
        ]
        lines.append(f"Unchanged: {self.unchanged}")
        if self.proposed:
            lines.append(f"Proposed for review {len(self.proposed)}:")
            lines += [f"  ? {item}" for item in self.proposed]
        if self.suggested:
            lines.append(f"Suggested, not saved {len(self.suggested)} (accept with --accept KEY):")
            lines += [f"  ? {item}" for item in self.suggested]
        if self.skipped:
            lines.append(f"Skipped {len(self.skipped)}:")
            lines += [f"  - {what}: {why}" for what, why in self.skipped]
        return "\n".join(lines)
