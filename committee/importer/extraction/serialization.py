"""``extraction_to_dict``: an ``Extraction`` as plain JSON-ready data (for ``--format json``
and the admin's preview). Dates are ISO strings with their precision; spans keep their quotes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from committee.importer.extraction.model import Extraction, PartialDate, Span

JSONValue = Any


def extraction_to_dict(extraction: Extraction) -> dict[str, JSONValue]:
    """A dict of lists, strings, numbers, booleans and ``None`` only."""
    result = _plain(extraction)
    assert isinstance(result, dict)
    return result


def _plain(value: object) -> JSONValue:
    if isinstance(value, PartialDate):
        return {"date": value.value.isoformat(), "precision": value.precision, "text": str(value)}
    if isinstance(value, Span):
        return {"start": value.start, "end": value.end, "quote": value.quote}
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    return value
