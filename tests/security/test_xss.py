"""Markup typed into any text field renders inert on every page (docs/security.md item 17)."""

from __future__ import annotations

import pytest
from django.db import models

from committee.languages import translated_attributes
from tests.crawl import crawl

pytestmark = pytest.mark.django_db

PAYLOAD = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


@pytest.fixture
def poisoned(world):
    """Every text column of every public record of the world ends with the payload."""
    for record in world.values():
        if not isinstance(record, models.Model):
            continue
        changed = []
        for attribute in translated_attributes(type(record)):
            for column in attribute.columns():
                field = record._meta.get_field(column)
                value = getattr(record, column)
                if value:
                    setattr(
                        record,
                        column,
                        (value + PAYLOAD)[: getattr(field, "max_length", None) or None],
                    )
                    changed.append(column)
        for name in (
            "acronym",
            "title",
            "publisher",
        ):  # references are constrained to [A-Za-z0-9._-]
            if (
                name in {f.name for f in record._meta.concrete_fields}
                and getattr(record, name)
                and name != "text"
            ):
                setattr(
                    record,
                    name,
                    f"{getattr(record, name)}{PAYLOAD}"[: record._meta.get_field(name).max_length],
                )
                changed.append(name)
        if changed:
            record.save()
    return world


@pytest.mark.parametrize("language", ["ar", "es"])
def test_the_payload_never_reaches_a_page_as_markup(client, poisoned, language):
    pages = crawl(client, language, ["/feed/", "/calendar.ics", "/data/committee.json"])
    assert len(pages) > 30
    html = {url: text for url, text in pages.items() if "<html" in text[:200].lower()}
    assert html
    for url, text in html.items():
        assert "<script>alert(1)" not in text, url
        assert "onerror=alert(2)" not in text.replace("onerror=alert(2)&gt;", ""), url
    assert any("&lt;script&gt;alert(1)" in text for text in html.values()), (
        "the payload was shown, escaped"
    )
