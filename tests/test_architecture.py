"""The shape of the house: imports point down the layers, no import circle, no module too long
to read, and no reference to a document that is not in the repository."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
#: Longer than this, a module holds more than one concern: split it.
MAX_LINES = 500


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_imports_keep_the_layers_and_make_no_circle():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    """The check can fail: a domain app that imports a public view is refused."""
    shutil.copytree(
        ROOT / "committee", tmp_path / "committee", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    models = tmp_path / "committee" / "people" / "models.py"
    models.write_text(models.read_text() + "\nfrom committee.public import views  # noqa\n")

    result = lint_imports(tmp_path)

    assert result.returncode != 0
    assert "committee.people is not allowed to import committee.public" in result.stdout


def modules() -> list[Path]:
    return [
        path
        for path in sorted((ROOT / "committee").rglob("*.py"))
        if "migrations" not in path.parts
    ]


def test_no_module_is_longer_than_a_reader_can_hold():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in modules()
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


CITED_FILE = re.compile(r"\b([\w./-]+\.md)\b")


@pytest.mark.parametrize(
    "path",
    [
        *modules(),
        *sorted((ROOT / "tests").rglob("*.py")),
        *sorted((ROOT / "docs").glob("*.md")),
        *sorted((ROOT / "templates").rglob("*.html")),
        ROOT / "README.md",
        ROOT / "Dockerfile",
        ROOT / ".ci" / "run",
        *sorted((ROOT / "bin").iterdir()),
    ],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_every_cited_document_is_in_the_repository(path):
    """Code, tests and documents cite only documents the repository holds."""
    missing = []
    for line in path.read_text().splitlines():
        if "var/" in line:  # files the project writes (reports, screenshots), not documents
            continue
        missing += [name for name in CITED_FILE.findall(line) if not cited_exists(path, name)]
    assert missing == []


def cited_exists(path: Path, name: str) -> bool:
    if "://" in name or name.startswith(("http", "www.")):
        return True
    candidates = [ROOT / name, path.parent / name, ROOT / "docs" / Path(name).name]
    return any(candidate.exists() for candidate in candidates)
