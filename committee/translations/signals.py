"""Every save of a record marks what it changed (``services.record_edit``), whichever path
saved it: the admin, the importer, a service. Machine drafts are written by ``update()`` and
do not pass here. Readers learn which texts are machine drafts through
``languages.register_machine_drafts``."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save

from committee.languages import register_machine_drafts
from committee.translations.models import FieldTranslation, State
from committee.translations.services import columns, record_edit, translatable_models

BEFORE = "_translations_before"
CACHE = "_machine_drafts"


def remember(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.pk is None or instance._state.adding:
        instance.__dict__[BEFORE] = None
        return
    instance.__dict__[BEFORE] = (
        sender._base_manager.filter(pk=instance.pk).values(*columns(sender)).first()
    )


def mark(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    before = None if created else instance.__dict__.pop(BEFORE, None)
    record_edit(record=instance, before=before)
    instance.__dict__.pop(CACHE, None)


def is_machine_draft(record: Any, name: str, language: str) -> bool:
    """Whether ``record``'s ``name`` in ``language`` is a machine draft (one query a record)."""
    drafts = record.__dict__.get(CACHE)
    if drafts is None:
        drafts = set(
            FieldTranslation.objects.filter(
                content_type=ContentType.objects.get_for_model(record),
                object_id=record.pk,
                state=State.MACHINE,
            ).values_list("field", "language")
        )
        record.__dict__[CACHE] = drafts
    return (name, language) in drafts


def connect() -> None:
    for model in translatable_models():
        uid = f"translations_{model._meta.label_lower}"
        pre_save.connect(remember, sender=model, dispatch_uid=f"{uid}_before")
        post_save.connect(mark, sender=model, dispatch_uid=f"{uid}_after")
    register_machine_drafts(is_machine_draft)
