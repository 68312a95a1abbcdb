"""What the public lists share: turning filter mistakes into messages instead of errors."""

from __future__ import annotations

from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


def filter_errors(filterset: Any) -> list[str]:
    """One sentence per rejected filter («Status: Select a valid choice…»); the list is then
    shown filtered by the filters that were understood."""
    if not filterset.is_bound:
        return []
    messages: list[str] = []
    for name, errors in filterset.errors.items():
        field = filterset.form.fields.get(name)
        label = field.label if field is not None and field.label else name
        for error in errors:
            messages.append(str(format_lazy("{}: {}", label, error)))
    if messages:
        messages.append(str(_("These filters were ignored.")))
    return messages
