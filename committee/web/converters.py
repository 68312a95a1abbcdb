"""Path converters. ``<text:…>`` is Django's ``<str:…>`` without control characters.

A NUL byte in a path parameter (``/es/recommendations/%00/``) reached the view, which queried
PostgreSQL with it and answered 500 (PostgreSQL refuses NUL in text). ``text`` matches no
control character (C0, DEL, C1), so such a path resolves to nothing and answers 404 before any
view runs. Every free-text path parameter of the project uses it.
"""

from __future__ import annotations

from django.urls import register_converter
from django.urls.converters import StringConverter, get_converters


class TextConverter(StringConverter):
    """One path segment of printable characters: no ``/``, no NUL or other control character."""

    regex = "[^/\x00-\x1f\x7f-\x9f]+"


def register() -> None:
    if "text" not in get_converters():  # Django refuses to register a name twice
        register_converter(TextConverter, "text")
