"""Arabic spelling normalisation shared by search, matching and extraction.

Press releases spell the same word several ways: «الإسبانية» / «الاسبانية», «أمزيان» / «امزيان»,
«التوصية» / «التوصيه», «الى» / «إلى». Comparing normalised forms makes those variants equal.
The database applies the same mapping in SQL (see ``committee.fulltext``); keep the two in step.
"""

import re
import unicodedata

#: Letters folded to one form: hamzated and madda alefs to bare alef, alef maqsura to ya,
#: ta marbuta to ha.
LETTER_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})

#: Harakat, tanwin, shadda, sukun, dagger alef and the tatweel (kashida) carry no identity.
MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")

#: Characters the SQL side maps with ``translate()``; the same pairs as ``LETTER_FOLDS``.
SQL_FOLD_FROM = "أإآٱىة"
SQL_FOLD_TO = "اااايه"
#: The same class as ``MARKS``, spelt for a PostgreSQL regular expression.
SQL_MARKS_PATTERN = "[\u064b-\u065f\u0670\u0640]"


def normalize(text: str) -> str:
    """Fold Arabic spelling variants and letter case so that variants compare equal.

    The result keeps the string's length only when no marks are removed; never use it to
    compute offsets into the original text.
    """
    text = unicodedata.normalize("NFC", text)
    return MARKS.sub("", text.translate(LETTER_FOLDS)).lower()  # lower(), as SQL does


def normalize_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """``normalize(text)`` and, for each of its characters, the span of ``text`` it came from.

    Returns ``(folded, starts, ends)``: ``folded[i]`` comes from ``text[starts[i]:ends[i]]``.
    A dropped diacritic belongs to the letter before it, so a stretch of ``folded`` maps back to
    whole letters of ``text``. Tatweel and marks without a base leave nothing behind.
    """
    if unicodedata.is_normalized("NFC", text) and not _EXPANDS.search(text):
        return _offsets_by_deletion(text)
    return _offsets_by_cluster(text)


#: Characters outside Latin and Arabic, or whose case folding is longer than one character
#: («ß» → «ss»): a text with any of these takes the slower, general path.
_EXPANDS = re.compile(
    "[^\x00-\u024f\u0600-\u06ff]|["
    + "".join(chr(code) for code in range(0x250) if len(chr(code).casefold()) != 1)
    + "]"
)


def _offsets_by_deletion(text: str) -> tuple[str, list[int], list[int]]:
    """The common case: every character folds to one character or is dropped (a mark)."""
    folded = normalize(text)
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for mark in MARKS.finditer(text):
        starts.extend(range(position, mark.start()))
        ends.extend(range(position + 1, mark.start() + 1))
        if starts and ends[-1] == mark.start() and unicodedata.combining(mark.group()):
            ends[-1] = mark.end()  # a diacritic goes with its letter
        position = mark.end()
    starts.extend(range(position, len(text)))
    ends.extend(range(position + 1, len(text) + 1))
    return folded, starts, ends


def _offsets_by_cluster(text: str) -> tuple[str, list[int], list[int]]:
    """Any text: each base character is normalised with the combining marks that follow it."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    folds: dict[str, str] = {}
    position, length = 0, len(text)
    while position < length:
        end = position + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        cluster = text[position:end]
        folded = folds.get(cluster)
        if folded is None:
            folded = folds[cluster] = normalize(cluster)
        pieces.append(folded)
        starts.extend([position] * len(folded))
        ends.extend([end] * len(folded))
        position = end
    return "".join(pieces), starts, ends
