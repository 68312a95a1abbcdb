"""Reading an article file: decode it, or refuse it with a reason a person can act on.

UTF-8 first (a byte-order mark is dropped); text that is not UTF-8 is read in the code page of
older newsroom systems its bytes point to, and the report says so: Windows-1252 for Latin text
(French, Spanish: mostly ASCII letters, a few accented ones above 0x7F), Windows-1256 for Arabic
(whose letters are all above 0x7F). Empty files, binary files, files over ``MAX_BYTES`` and text
that decodes to no language at all are refused.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 2 * 1024 * 1024
#: Below this share of letters among non-space characters, "text" is noise or a binary file.
MIN_LETTER_SHARE = 0.5


class ArticleRefused(Exception):
    """The article cannot be imported; ``str()`` says why, for the person importing it."""


@dataclass(frozen=True)
class Article:
    text: str
    encoding: str
    file_name: str = ""
    notes: tuple[str, ...] = field(default=())


def read_article(path: Path) -> Article:
    """The article stored at ``path``, decoded, or ``ArticleRefused``."""
    if not path.exists():
        raise ArticleRefused(f"{path}: no such file.")
    if path.is_dir():
        raise ArticleRefused(f"{path} is a directory; give the path of one article file.")
    if not path.is_file():
        raise ArticleRefused(f"{path} is not a regular file.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleRefused(
            f"{path.name} is {size / 1024 / 1024:.1f} MB; articles are limited to "
            f"{MAX_BYTES // 1024 // 1024} MB. Is this really one article?"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleRefused(f"{path}: cannot be read ({error.strerror}).") from None
    return decode_article(data, file_name=path.name)


def decode_article(data: bytes, *, file_name: str = "") -> Article:
    """Decode and check the bytes of an article (also used for uploads)."""
    label = file_name or "the article"
    if len(data) > MAX_BYTES:
        raise ArticleRefused(f"{label} is larger than {MAX_BYTES // 1024 // 1024} MB.")
    if not data.strip():
        raise ArticleRefused(f"{label} is empty.")
    if b"\x00" in data:
        raise ArticleRefused(
            f"{label} contains NUL bytes: it is a binary file, not a text article."
        )
    notes: list[str] = []
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError as error:
        text, encoding, name = _legacy(data)
        notes.append(
            f"{label} is not valid UTF-8 (invalid byte at offset {error.start}); "
            f"it was read as {name}."
        )
    check_text(text, label=label)
    return Article(text=text, encoding=encoding, file_name=file_name, notes=tuple(notes))


def _legacy(data: bytes) -> tuple[str, str, str]:
    """(text, encoding, its name for a person) of bytes that are not UTF-8.

    In Latin text the bytes above 0x7F are the few accented letters among ASCII ones; in Arabic
    text they are every letter. Windows-1256 gives every byte a meaning, so it never fails:
    ``check_text`` is what refuses bytes that were never text."""
    high = sum(1 for byte in data if byte > 0x7F)
    ascii_letters = sum(1 for byte in data if 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A)
    if high < ascii_letters:
        try:
            return data.decode("cp1252"), "windows-1252", "Windows-1252 (Western European)"
        except UnicodeDecodeError:  # a byte Windows-1252 leaves undefined: not that code page
            pass
    return data.decode("cp1256"), "windows-1256", "Windows-1256 (Arabic)"


def check_text(text: str, *, label: str = "the article") -> None:
    """Refuse text that is empty or mostly not letters (a binary file decoded by force)."""
    if not text.strip():
        raise ArticleRefused(f"{label} contains only white space.")
    if "\x00" in text:
        raise ArticleRefused(f"{label} contains NUL characters.")
    visible = [character for character in text if not character.isspace()]
    letters = sum(1 for character in visible if character.isalpha())
    controls = sum(1 for character in visible if unicodedata.category(character) == "Cc")
    if controls or letters / len(visible) < MIN_LETTER_SHARE:
        raise ArticleRefused(
            f"{label} does not look like text: {letters} letters among {len(visible)} characters"
            f"{f' and {controls} control characters' if controls else ''}."
        )
