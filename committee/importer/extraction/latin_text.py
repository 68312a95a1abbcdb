"""French and Spanish articles as the extractor reads them: lower case, accents folded.

``LatinDocument`` is a ``Document`` whose folded copy also drops accents («Sûreté» → «surete»,
«reunión» → «reunion»). Each accented letter folds to one letter, so positions in ``norm``
still map back to the original words and every quote stays ``text[start:end]``. Sentences do
not end after the abbreviations that introduce people («M.», «Mme», «Sr.», «D.»).
"""

from __future__ import annotations

import re
import unicodedata

from committee.importer.extraction.text import Document


def _accent_folds() -> dict[int, str]:
    """Every precomposed Latin letter with diacritics → its base letter (one for one)."""
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base.lower() if char.islower() else base
    table[ord("’")] = "'"
    table[ord("ʼ")] = "'"
    return table


ACCENT_FOLDS = _accent_folds()

#: Abbreviations after which a full stop does not end the sentence.
_ABBREVIATION = re.compile(r"(?<!\w)(?:m|mm|mme|mlle|mr|sr|sra|srta|d|dr|dra|st|ste|excmo|ilmo)$")


def latin_fold(text: str) -> str:
    """The form a French or Spanish word takes in ``LatinDocument.norm``."""
    return unicodedata.normalize("NFC", text).lower().translate(ACCENT_FOLDS)


def latin(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern written in ordinary French or Spanish (lower case) so that it matches
    ``norm``: accents are folded, regex syntax («(?P<…>», «\\S») is left alone."""
    return re.compile(unicodedata.normalize("NFC", pattern).translate(ACCENT_FOLDS), flags)


class LatinDocument(Document):
    """One French or Spanish article; see the module's docstring."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.norm = self.norm.translate(ACCENT_FOLDS)
        self.sentences = _joined_after_abbreviations(self.norm, self.sentences)
        self._sentence_starts = [start for start, _ in self.sentences]


def _joined_after_abbreviations(
    norm: str, sentences: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in sentences:
        if joined:
            previous = norm[joined[-1][0] : joined[-1][1]]
            if previous.endswith(".") and _ABBREVIATION.search(previous[:-1]):
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined
