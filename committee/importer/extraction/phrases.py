"""Finding gazetteer phrases among the words of a document, with Arabic clitics allowed.

A phrase is looked up word by word (longest first), so a few hundred names cost a dictionary
lookup per word, not a regex alternation per character. The first word may carry the clitics
the press glues on: «و» / «ف» (and), «ب» (in), «ك» (as), «ل» (to, for) — with «ل» + «ال» written
«لل»: «للرباط», «للأمن». The span then starts after a separable clitic («بمراكش» → «مراكش»)
but keeps «لل» whole, since «الرباط» is not in the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from committee.importer.extraction.text import Document, fold


@dataclass(frozen=True, slots=True)
class PhraseMatch[T]:
    """``norm[start:end]`` names ``value``; ``clitic`` is what was glued before it."""

    start: int
    end: int
    value: T
    clitic: str


def clitic_readings(word: str) -> list[tuple[str, int]]:
    """Ways to read ``word`` as clitics + stem: (stem, characters of clitics to skip).

    «وبالرباط» → [(وبالرباط, 0), (بالرباط, 1), (الرباط, 2)]; «للأمن» → [(للامن, 0), (الامن, 0)].
    """
    readings = [(word, 0)]
    skip = 0
    rest = word
    if len(rest) > 3 and rest[0] in "وف":
        skip, rest = 1, rest[1:]
        readings.append((rest, skip))
    if len(rest) > 3 and rest[0] in "بك":
        readings.append((rest[1:], skip + 1))
    elif len(rest) > 3 and rest.startswith("لل"):
        readings.append(("ا" + rest[1:], skip))
    elif len(rest) > 3 and rest[0] == "ل":
        readings.append((rest[1:], skip + 1))
    return readings


class PhraseIndex[T]:
    """Folded phrases (one or more words) → values; finds the longest at each word."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], T] = {}
        self._prefixes: set[tuple[str, ...]] = set()

    def add(self, phrase: str, value: T) -> None:
        words = tuple(fold(phrase).split())
        if words and words not in self._phrases:
            self._phrases[words] = value
            self._prefixes.update(words[:size] for size in range(1, len(words) + 1))

    def add_all(self, phrases: Iterable[str], value: T) -> None:
        for phrase in phrases:
            self.add(phrase, value)

    def lookup(self, phrase: str) -> T | None:
        """The value of ``phrase`` (ordinary spelling)."""
        return self._phrases.get(tuple(fold(phrase).split()))

    def lookup_folded(self, *words: str) -> T | None:
        """The value of a phrase given as already folded words."""
        return self._phrases.get(words)

    def find(self, doc: Document, start: int = 0, end: int | None = None) -> list[PhraseMatch[T]]:
        """Non-overlapping matches in ``norm[start:end]``, in text order, longest first."""
        words = doc.words(start, len(doc.norm) if end is None else end)
        found: list[PhraseMatch[T]] = []
        index = 0
        while index < len(words):
            match = self._match_at(doc.norm, words, index)
            if match is None:
                index += 1
                continue
            found.append(match[0])
            index += match[1]
        return found

    def _match_at(
        self, norm: str, words: list[tuple[int, int, str]], index: int
    ) -> tuple[PhraseMatch[T], int] | None:
        """The longest phrase starting at ``words[index]`` under any clitic reading."""
        best: tuple[PhraseMatch[T], int] | None = None
        for stem, skip in clitic_readings(words[index][2]):
            phrase: tuple[str, ...] = (stem,)
            size = 1
            while phrase in self._prefixes:
                value = self._phrases.get(phrase)
                if value is not None and (best is None or size > best[1]):
                    clitic = words[index][2][:skip]
                    match = PhraseMatch(
                        words[index][0] + skip, words[index + size - 1][1], value, clitic
                    )
                    best = (match, size)
                following = index + size
                if following >= len(words) or not _adjacent(norm, words, following - 1, 2):
                    break
                phrase = (*phrase, words[following][2])
                size += 1
        return best


def _adjacent(norm: str, words: list[tuple[int, int, str]], index: int, size: int) -> bool:
    """The words are separated by spaces only (a phrase does not run over a comma)."""
    return all(
        norm[words[i][1] : words[i + 1][0]].isspace() for i in range(index, index + size - 1)
    )
