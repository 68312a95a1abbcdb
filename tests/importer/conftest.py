"""Articles and helpers for the importer's tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from committee.importer.reading import Article
from committee.importer.translation_memory import TranslationMemory
from tests.processes import ROOT

SEED = ROOT / "seeds" / "000_c01d876123dccd78.txt"
ARTICLES = Path(__file__).resolve().parent / "articles"
PUBLISHED = dt.date(2014, 3, 7)


@pytest.fixture
def seed_article():
    return Article(text=SEED.read_text(encoding="utf-8"), encoding="utf-8", file_name=SEED.name)


@pytest.fixture
def no_memory():
    return TranslationMemory()


def article_file(name: str) -> Article:
    path = ARTICLES / name
    return Article(text=path.read_text(encoding="utf-8"), encoding="utf-8", file_name=path.name)
