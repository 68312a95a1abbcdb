"""Fixtures of the extractor's tests: the seed article and the annotated test articles."""

from __future__ import annotations

import datetime as dt

import pytest

from committee.importer.extraction import Extraction, extract
from tests.importer.extraction.gold import GoldArticle, load_articles, seed_path

SEED_PUBLISHED = dt.date(2014, 3, 7)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, from ``seeds/`` or, failing that, the shared copy."""
    return seed_path().read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text: str) -> Extraction:
    return extract(seed_text, published=SEED_PUBLISHED)


@pytest.fixture(scope="session")
def articles() -> list[GoldArticle]:
    return load_articles()


@pytest.fixture(scope="session")
def extractions(articles: list[GoldArticle]) -> dict[str, tuple[GoldArticle, Extraction]]:
    return {a.name: (a, extract(a.text, published=a.published)) for a in articles}
