"""Translations of what articles yield, kept as data and applied at import.

``seeds/translations.json`` pairs Arabic texts the importer extracts (a meeting's theme, a
recommendation, a body's mandate, a person's name…) with their Spanish, French and English
renderings. The import looks each extracted Arabic text up (spelling variants folded) and fills
the other languages' columns that are still empty. Texts without an entry stay Arabic-only and
show up in the admin's "missing translation" filter.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from committee import arabic

TARGET_LANGUAGES = ("es", "fr", "en")


class TranslationMemoryError(ValueError):
    """The translation file cannot be used; ``str()`` says where and why."""


def _key(text: str) -> str:
    return " ".join(arabic.normalize(text).split())


@dataclass(frozen=True)
class TranslationMemory:
    """Arabic text (any spelling variant) → its Spanish, French and English translations."""

    entries: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "entries", {_key(text): dict(t) for text, t in self.entries.items()}
        )

    @classmethod
    def load(cls, path: Path) -> TranslationMemory:
        """The memory in ``path``; an absent file is an empty memory."""
        if not path.exists():
            return cls()
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise TranslationMemoryError(f"{path}: not valid UTF-8 JSON ({error}).") from None
        entries = document.get("entries") if isinstance(document, dict) else None
        if not isinstance(entries, list):
            raise TranslationMemoryError(f'{path}: expected {{"entries": [...]}}.')
        memory: dict[str, dict[str, str]] = {}
        for number, entry in enumerate(entries, start=1):
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("ar"), str)
                or not entry["ar"].strip()
            ):
                raise TranslationMemoryError(f"{path}: entry {number} has no Arabic text.")
            translations = {
                code: entry[code].strip()
                for code in TARGET_LANGUAGES
                if isinstance(entry.get(code), str) and entry[code].strip()
            }
            memory[_key(entry["ar"])] = translations
        return cls(memory)

    def lookup(self, text: str) -> Mapping[str, str]:
        """Spanish, French and English for an Arabic ``text`` (empty when unknown)."""
        return self.entries.get(_key(text), {}) if text else {}
