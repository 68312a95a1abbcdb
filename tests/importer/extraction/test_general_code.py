"""The extractor is general: no name, date, theme or sentence of the seed is written into it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.importer.extraction.gold import ROOT, seed_path

EXTRACTOR = sorted((ROOT / "committee" / "importer" / "extraction").glob("*.py"))
if len(EXTRACTOR) < 10:  # a moved folder must not leave these tests checking nothing
    raise FileNotFoundError("the extractor's modules are not where these tests look")
#: All application code: the extractor, the recorders and matching after it, everything else.
CODE = sorted((ROOT / "committee").rglob("*.py"))
FORBIDDEN = re.compile(r"ارميل|أرميل|Rmail|Rmil|كوسيدو|Cosid")


@pytest.mark.parametrize("path", CODE, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_seed_person_is_named_in_the_code(path: Path):
    assert not FORBIDDEN.search(path.read_text(encoding="utf-8"))


def test_no_long_phrase_of_the_seed_is_copied_into_the_extractor():
    seed = seed_path().read_text(encoding="utf-8")
    words = seed.split()
    phrases = {" ".join(words[i : i + 6]) for i in range(len(words) - 5)}
    for path in EXTRACTOR:
        text = path.read_text(encoding="utf-8")
        copied = [phrase for phrase in phrases if phrase in text]
        assert not copied, (path.name, copied[:3])
