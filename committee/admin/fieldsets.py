"""The admin's fieldsets of translatable fields (one row of four languages per field, headed
by the field's name in the language of the page) and the inputs they hold."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.admin.widgets import AdminDateWidget
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from committee.languages import CODES, direction, translated_attributes

__all__ = ["DateOnlyWidget", "language_attrs", "translation_fieldsets"]


def language_attrs(field_name: str) -> dict[str, str]:
    """``lang``/``dir`` for the input of a per-language column (``title_ar`` → rtl)."""
    code = field_name.rsplit("_", 1)[-1]
    if "_" in field_name and code in CODES:
        return {"lang": code, "dir": direction(code)}
    return {}


def translation_fieldsets(
    model: type[models.Model], *, first: Sequence[str] = (), last: Sequence[str] = ()
) -> list[tuple[Any, dict[str, Any]]]:
    """Fieldsets: ``first``, one row of four languages per translatable field, then ``last``."""
    fieldsets: list[tuple[Any, dict[str, Any]]] = [(None, {"fields": list(first)})] if first else []
    for attribute in translated_attributes(model):
        # The heading is lazy: fieldsets are built once, at import, and a ``str()`` there
        # would be English on every page.
        fieldsets.append(
            (
                attribute.short_description,
                {"fields": attribute.columns(), "classes": ["translations"]},
            )
        )
    if last:
        fieldsets.append((_("Record"), {"fields": list(last)}))
    return fieldsets


class DateOnlyWidget(AdminDateWidget):
    """A day, with the admin's calendar but without its time-zone note: a date has no time, so
    "you are an hour ahead of the server" means nothing there (and Django's script writes it in
    English). The script adds no note to a field that already holds one: an empty one it is."""

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> str:
        return format_html(
            '{}<span class="timezonewarning" hidden></span>',
            super().render(name, value, attrs, renderer),
        )
