"""Writes of translation states: a human's edit, and machine drafts of what is missing.

``record_edit`` is called for every save of a record (``signals``): a field's text in the
record's original language is ``original``, in another language ``human``. ``draft_missing``
asks the configured service (``backends``) for every field empty in a language but present in
the record's original language, and stores each answer as a ``machine`` draft: one field at a
time, in its own transaction, never over a text someone wrote.

Not here yet: the queue of drafts waiting for a translator (a members' or admin page reading
``FieldTranslation.objects.machine()``), the translation memory and glossary (the importer's
``translation_memory`` would be asked before the service, in ``_draft``), and a background task
(``django_tasks``, ``TASKS_BACKEND``) calling ``draft_missing`` after an import.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pghistory
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.functions import Now

from committee.languages import CODES, original_text_present, translated_attributes
from committee.records import Record
from committee.translations.backends import Backend, TranslationError, backend
from committee.translations.models import FieldTranslation, State
from committee.translations.readers import forget


def translatable_models() -> list[type[Record]]:
    """Every concrete record model with translatable fields."""
    return [
        model for model in apps.get_models() if issubclass(model, Record) and field_names(model)
    ]


def field_names(model: type[models.Model]) -> list[str]:
    return list(dict.fromkeys(attribute.name for attribute in translated_attributes(model)))


def columns(model: type[models.Model]) -> list[str]:
    return [f"{name}_{code}" for name in field_names(model) for code in CODES]


def _acting_user() -> Any:
    """The user of the audit context around this write (the request's), if any."""
    context = getattr(pghistory.runtime._tracker, "value", None)
    user = context.metadata.get("user") if context is not None else None
    return user if isinstance(user, int) else None


def record_edit(*, record: models.Model, before: dict[str, Any] | None) -> None:
    """Mark what a save changed: ``before`` holds the columns as they were (``None``: a new
    record). Text in the original language is ``original``, in another ``human``; a column
    emptied loses its state."""
    content_type = ContentType.objects.get_for_model(record)
    original = getattr(record, "original_language", "")
    user = _acting_user()
    for name in field_names(type(record)):
        for code in CODES:
            column = f"{name}_{code}"
            text = getattr(record, column, "") or ""
            if before is not None and (before.get(column) or "") == text:
                continue
            key: dict[str, Any] = {
                "content_type": content_type,
                "object_id": record.pk,
                "field": name,
                "language": code,
            }
            if not text:
                FieldTranslation.objects.filter(**key).delete()
                continue
            state = State.ORIGINAL if code == original else State.HUMAN
            FieldTranslation.objects.update_or_create(
                **key, defaults={"state": state, "service": "", "changed_by_id": user}
            )
            forget()


@dataclass(frozen=True)
class Missing:
    """One field of one record without text in ``target``."""

    model: type[Record]
    pk: int
    field: str
    source: str
    target: str
    text: str

    def __str__(self) -> str:
        return (
            f"{self.model._meta.label_lower} {self.pk} {self.field}: {self.source} → {self.target}"
        )


@dataclass
class DraftReport:
    service: str = ""
    drafted: list[Missing] = field(default_factory=list)
    skipped: list[Missing] = field(default_factory=list)
    pending: list[Missing] = field(default_factory=list)


class DraftFailed(TranslationError):
    """The service failed on one field; ``report`` holds what was drafted before it."""

    def __init__(self, missing: Missing, error: TranslationError, report: DraftReport) -> None:
        super().__init__(f"{missing}: {error}")
        self.missing = missing
        self.report = report


def missing(language: str | None = None) -> Iterator[Missing]:
    """Every field empty in ``language`` (every language) with text in its original."""
    targets = [language] if language else list(CODES)
    for model in translatable_models():
        for name in field_names(model):
            for target in targets:
                condition = (
                    Q(**{f"{name}_{target}": ""})
                    & ~Q(original_language=target)
                    & original_text_present(name)
                )
                rows = (
                    model._base_manager.filter(condition)
                    .order_by("pk")
                    .values_list("pk", "original_language", *[f"{name}_{c}" for c in CODES])
                )
                for pk, source, *texts in rows:
                    text = dict(zip(CODES, texts, strict=True))[source]
                    yield Missing(model, pk, name, source, target, text)


def draft_missing(
    language: str | None = None,
    *,
    service: Backend | None = None,
    dry_run: bool = False,
) -> DraftReport:
    """Draft every missing translation (in ``language`` only, if given) with ``service`` (the
    configured one by default; none configured: nothing happens). Raises ``DraftFailed`` at the
    first field the service fails on; the fields drafted before it stay drafted."""
    if language is not None and language not in CODES:
        raise ValueError(f"unknown language {language!r}")
    service = service if service is not None else backend()
    report = DraftReport(service=service.name if service is not None else "")
    if service is None:
        return report
    for item in missing(language):
        if dry_run:
            report.pending.append(item)
            continue
        try:
            text = service.translate(item.text, item.source, item.target)
        except TranslationError as error:
            raise DraftFailed(item, error, report) from error
        if _store(item, text, service.name):
            report.drafted.append(item)
        else:
            report.skipped.append(item)
    return report


def _store(item: Missing, text: str, service: str) -> bool:
    """Write one draft and its state together, unless someone wrote the field meanwhile."""
    column = f"{item.field}_{item.target}"
    key: dict[str, Any] = {
        "content_type": ContentType.objects.get_for_model(item.model),
        "object_id": item.pk,
        "field": item.field,
        "language": item.target,
    }
    with (
        transaction.atomic(),
        pghistory.context(
            machine_draft=True,
            translation_service=service,
            translated_field=column,
        ),
    ):
        if FieldTranslation.objects.filter(**key).exclude(state=State.MACHINE).exists():
            return False
        written = item.model._base_manager.filter(pk=item.pk, **{column: ""}).update(
            **{column: text, "version": F("version") + 1, "updated_at": Now()}
        )
        if not written:
            return False
        FieldTranslation.objects.update_or_create(
            **key, defaults={"state": State.MACHINE, "service": service, "changed_by": None}
        )
    forget()
    return True
