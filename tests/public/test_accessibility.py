"""What assistive technology needs on every public page: language and direction, landmarks,
one h1 and no skipped heading level, a label for every field."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.crawl import crawl

pytestmark = pytest.mark.django_db


class Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.labels: set[str] = set()
        self.fields: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag == "label" and attributes.get("for"):
            self.labels.add(attributes["for"] or "")
        if tag in {"input", "select", "textarea"} and attributes.get("type") not in {
            "hidden",
            "submit",
        }:
            self.fields.append(attributes)


@pytest.mark.parametrize("language", ["ar", "es"])
def test_every_public_page_is_outlined_and_labelled(client, world, language):
    pages = crawl(client, language, [f"/{language}/search/?q=seminario"])
    checked = 0
    for url, text in pages.items():
        if not text.lstrip().startswith("<!doctype html>"):
            continue
        checked += 1
        outline = Outline()
        outline.feed(text)
        html = next(attrs for tag, attrs in outline.tags if tag == "html")
        assert html["lang"] == language, url
        assert html["dir"] == ("rtl" if language == "ar" else "ltr"), url
        tags = {tag for tag, _attrs in outline.tags}
        assert {"main", "nav", "header", "footer"} <= tags, url
        assert outline.headings.count(1) == 1, url
        for before, after in zip(outline.headings, outline.headings[1:], strict=False):
            assert after <= before + 1, (url, outline.headings)
        for field in outline.fields:
            assert field.get("id") in outline.labels or field.get("aria-label"), (url, field)
    assert checked > 20
