"""Which texts a page shows are machine drafts, in a fixed number of queries.

The first question about a kind of record in a language loads its machine drafts in that
language at once (one query), kept until the next request starts or a translation state is
written in this process: a page asks as many queries as the kinds of record it shows, whatever
their number.
"""

from __future__ import annotations

import threading
from typing import Any

from django.contrib.contenttypes.models import ContentType

from committee.translations.models import FieldTranslation, State

_local = threading.local()


def forget(**kwargs: Any) -> None:
    """Drop what was loaded: a request starts, or a state was written."""
    _local.drafts = {}


def is_machine_draft(record: Any, name: str, language: str) -> bool:
    """Whether ``record``'s field ``name`` in ``language`` is a machine draft."""
    drafts: dict[tuple[int, str], set[tuple[int, str]]] | None = getattr(_local, "drafts", None)
    if drafts is None:
        drafts = _local.drafts = {}
    content_type = ContentType.objects.get_for_model(record)
    key = (content_type.pk, language)
    if key not in drafts:
        drafts[key] = set(
            FieldTranslation.objects.filter(
                content_type=content_type, language=language, state=State.MACHINE
            ).values_list("object_id", "field")
        )
    return (record.pk, name) in drafts[key]
