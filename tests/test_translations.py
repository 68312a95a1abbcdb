"""The interface is fully translated: no English left on an Arabic, Spanish or French page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation

LOCALE = Path(__file__).resolve().parent.parent / "locale"
MSGFMT = shutil.which("msgfmt")


@pytest.mark.slow
@pytest.mark.parametrize("language", ["ar", "es", "fr"])
@pytest.mark.skipif(MSGFMT is None, reason="msgfmt comes with gettext, installed by bin/lib.sh")
def test_every_message_is_translated_and_none_is_fuzzy(language):
    catalogue = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        [MSGFMT, "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


@pytest.mark.parametrize(
    ("language", "word"), [("ar", "التوصيات"), ("es", "Recomendaciones"), ("fr", "Recommandations")]
)
@pytest.mark.django_db
def test_pages_speak_the_readers_language(language, word):
    response = Client().get(f"/{language}/recommendations/")
    assert word in response.text
    with translation.override(language):
        assert translation.gettext("Recommendations") == word
