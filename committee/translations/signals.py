"""Every save of a record marks what it changed (``services.record_edit``), whichever path
saved it: the admin, the importer, a service. Machine drafts are written by ``update()`` and
do not pass here. Readers learn which texts are machine drafts through
``languages.register_machine_drafts``."""

from __future__ import annotations

from typing import Any

from django.core.signals import request_started
from django.db.models.signals import post_save, pre_save

from committee.languages import register_machine_drafts
from committee.translations.readers import forget, is_machine_draft
from committee.translations.services import columns, record_edit, translatable_models

BEFORE = "_translations_before"


def _no_text(sender: Any, update_fields: Any) -> bool:
    """A save of named columns none of which is a translated text («version», «status»)."""
    return update_fields is not None and not set(update_fields) & set(columns(sender))


def remember(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if _no_text(sender, kwargs.get("update_fields")):
        return  # nothing translated changes: no read before, no mark after
    if raw or instance.pk is None or instance._state.adding:
        instance.__dict__[BEFORE] = None
        return
    instance.__dict__[BEFORE] = (
        sender._base_manager.filter(pk=instance.pk).values(*columns(sender)).first()
    )


def mark(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if raw or _no_text(sender, kwargs.get("update_fields")):
        return
    before = None if created else instance.__dict__.pop(BEFORE, None)
    record_edit(record=instance, before=before)


def connect() -> None:
    for model in translatable_models():
        uid = f"translations_{model._meta.label_lower}"
        pre_save.connect(remember, sender=model, dispatch_uid=f"{uid}_before")
        post_save.connect(mark, sender=model, dispatch_uid=f"{uid}_after")
    request_started.connect(forget, dispatch_uid="translations_forget_machine_drafts")
    register_machine_drafts(is_machine_draft)
