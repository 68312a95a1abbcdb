"""The article as the extractor reads it: a folded copy that maps back to the original words.

Patterns run over ``Document.norm`` (``committee.arabic.normalize`` plus Western digits), so
«الإسبانية» and «الاسبانية», «٢٠١٤» and «2014» look alike. Every position found there is turned
back into offsets of the original text by ``Document.span``, so a quote is always
``text[start:end]``.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from committee.arabic import LETTER_FOLDS, normalize, normalize_with_offsets
from committee.importer.extraction.model import Evidence, Span

#: Arabic-Indic and Persian digits read as Western ones; Persian letters as Arabic; odd spaces.
_EXTRA_FOLDS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "ک": "ك",
        "ی": "ي",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\u200c": " ",
        "\u200d": " ",
        "\u200e": " ",
        "\u200f": " ",
        "\u0000": " ",
        "\u066b": ".",
        "\u066c": ",",
    }
)
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")

QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"', "”": "”", "‹": "›"}
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_CLAUSE_BREAK = re.compile(r"[،,؛;:]")
_TRIM = frozenset(" \t\r\n،,.;؛:!?؟\"'«»“”„‹›-–—…")
_QUOTE_MARKS = frozenset("\"'«»“”„‹›")
_TRIM_KEEPING_QUOTES = _TRIM - _QUOTE_MARKS
_LONGEST_QUOTE = 1500
_WORD = re.compile(r"\w+")
#: The next word after a hyphen or dash that joins two words of one name («المغربية-الإسبانية»,
#: «المغربية – الإسبانية»); callers check that the word fits the name.
HYPHEN_JOINED = re.compile(r"[ \t]*[-\u2010-\u2015\u2212\ufe63\uff0d][ \t]*(\w+)")


def ar(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic so that it matches ``Document.norm``.

    Letters are folded the way ``normalize`` folds them (أ → ا, ة → ه, ى → ي) and marks are
    dropped; regex syntax is left alone (no case folding, which would turn ``\\S`` into ``\\s``).
    """
    folded = _MARKS.sub("", unicodedata.normalize("NFC", pattern).translate(LETTER_FOLDS))
    return re.compile(folded, flags)


def fold(text: str) -> str:
    """The form a text takes in ``Document.norm`` (for gazetteer entries and keyword tests)."""
    return normalize(text).translate(_EXTRA_FOLDS)


class Document:
    """One article: ``text`` as given, ``norm`` for matching, sentences, clauses and quotations."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded, self._starts, self._ends = normalize_with_offsets(text)
        self.norm = folded.translate(_EXTRA_FOLDS)
        self.quotes = _quotations(self.norm)
        self._quote_starts = [start for start, _ in self.quotes]
        inside = _inside_mask(len(self.norm), self.quotes)
        self.sentences = _sentences(self.norm, inside)
        self._sentence_starts = [start for start, _ in self.sentences]
        self._breaks = [
            m.start() for m in _CLAUSE_BREAK.finditer(self.norm) if not inside[m.start()]
        ]

    # --- offsets -------------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span | None:
        """The original words behind ``norm[start:end]``, without edge spaces, punctuation and
        quotation marks whose partner is outside the span."""
        start, end = self._balanced(*self.trim(start, end, keep_quotes=True))
        if start >= end:
            return None
        first, last = self._starts[start], self._ends[end - 1]
        # A folded character may stand for a space and the mark it carries (" ́"): the
        # quotation starts and ends on the words themselves.
        while first < last and self.text[first].isspace():
            first += 1
        while last > first and self.text[last - 1].isspace():
            last -= 1
        if first >= last:
            return None
        return Span(first, last, self.text[first:last])

    def evidence(self, name: str, start: int, end: int) -> Evidence | None:
        found = self.span(start, end)
        return Evidence(name, found) if found else None

    def trim(self, start: int, end: int, *, keep_quotes: bool = False) -> tuple[int, int]:
        """``start, end`` without edge spaces and punctuation (and quotation marks, unless
        ``keep_quotes``: a reported statement may end on a quotation it contains)."""
        strip = _TRIM_KEEPING_QUOTES if keep_quotes else _TRIM
        start, end = max(start, 0), min(end, len(self.norm))
        while start < end and self.norm[start] in strip:
            start += 1
        while end > start and self.norm[end - 1] in strip:
            end -= 1
        return start, end

    def _balanced(self, start: int, end: int) -> tuple[int, int]:
        for _ in range(4):
            if start >= end:
                break
            first = self.quote_at(start) if self.norm[start] in _QUOTE_MARKS else None
            if self.norm[start] in _QUOTE_MARKS and (first is None or first[1] > end):
                start, end = self.trim(start + 1, end, keep_quotes=True)
                continue
            last = self.quote_at(end - 1) if self.norm[end - 1] in _QUOTE_MARKS else None
            if self.norm[end - 1] in _QUOTE_MARKS and (last is None or last[0] < start):
                start, end = self.trim(start, end - 1, keep_quotes=True)
                continue
            break
        return start, end

    def original(self, start: int, end: int) -> str:
        """The original text of ``norm[start:end]`` (trimmed), or ``""``."""
        found = self.span(start, end)
        return found.quote if found else ""

    # --- structure -----------------------------------------------------------------------
    def sentence_of(self, position: int) -> tuple[int, int]:
        """The sentence holding ``position`` (or the gap after the previous sentence)."""
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        if index >= 0 and position < self.sentences[index][1]:
            return self.sentences[index]
        if index + 1 < len(self.sentences):
            return self.sentences[index + 1]
        return (position, position)

    def sentence_index(self, position: int) -> int:
        return max(bisect.bisect_right(self._sentence_starts, position) - 1, 0)

    def quote_at(self, position: int) -> tuple[int, int] | None:
        """The quotation (marks included) that contains ``position``, if any."""
        index = bisect.bisect_right(self._quote_starts, position) - 1
        if index >= 0 and position < self.quotes[index][1]:
            return self.quotes[index]
        return None

    def clause_of(self, position: int) -> tuple[int, int]:
        """The stretch between the commas (outside quotations) around ``position``."""
        return self.clause_start(position), self.clause_end(position)

    def clause_start(self, position: int) -> int:
        """Just after the last clause break before ``position`` (within its sentence)."""
        first = self.sentence_of(position)[0]
        index = bisect.bisect_left(self._breaks, position) - 1
        if index >= 0 and self._breaks[index] >= first:
            return self._breaks[index] + 1
        return first

    def clause_end(self, position: int, limit: int | None = None) -> int:
        """The first clause break at or after ``position`` (within its sentence)."""
        last = self.sentence_of(position)[1] if limit is None else limit
        index = bisect.bisect_left(self._breaks, position)
        if index < len(self._breaks) and self._breaks[index] < last:
            return self._breaks[index]
        return max(last, position)

    def words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The words of ``norm[start:end]`` as (start, end, word)."""
        return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.norm, start, end)]


def _quotations(norm: str) -> list[tuple[int, int]]:
    """Balanced quotations, marks included; a mark with no partner nearby is ignored."""
    found: list[tuple[int, int]] = []
    position, length = 0, len(norm)
    while position < length:
        char = norm[position]
        closer = QUOTE_PAIRS.get(char)
        if closer is None:
            position += 1
            continue
        limit = min(length, position + _LONGEST_QUOTE)
        newline = norm.find("\n", position + 1, limit)
        limit = newline if newline != -1 else limit
        close = norm.find(closer, position + 1, limit)
        if close == -1 and char == "„":
            close = norm.find("”", position + 1, limit)
        if close == -1:
            position += 1
            continue
        found.append((position, close + 1))
        position = close + 1
    return found


def _sentences(norm: str, inside: bytearray) -> list[tuple[int, int]]:
    """Sentences split at . ! ? ؟ and newlines outside quotations (not at «..» or 2.5)."""
    found: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(norm):
        position, char = match.start(), match.group()
        if inside[position] and char != "\n":
            continue
        if char == "." and not _ends_sentence(norm, position):
            continue
        _add_sentence(norm, start, position + 1, found)
        start = position + 1
    _add_sentence(norm, start, len(norm), found)
    return found


def _inside_mask(length: int, quotes: list[tuple[int, int]]) -> bytearray:
    mask = bytearray(length)
    for start, end in quotes:
        mask[start + 1 : end - 1] = b"\x01" * max(end - start - 2, 0)
    return mask


def _ends_sentence(norm: str, position: int) -> bool:
    before = norm[position - 1] if position > 0 else " "
    after = norm[position + 1] if position + 1 < len(norm) else " "
    if before == "." or after == ".":
        return False
    return not (before.isdigit() and after.isdigit())


def _add_sentence(norm: str, start: int, end: int, found: list[tuple[int, int]]) -> None:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    if start < end:
        found.append((start, end))


def folded_words(words: str) -> frozenset[str]:
    """The space-separated ``words``, each folded: a word list written as one string."""
    return frozenset(fold(word) for word in words.split())
