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


# --- Light stemming (search) ----------------------------------------------------------------
# Lucene's ArabicStemmer ("light10", Larkey, Ballesteros and Connell 2002) with the prepositions
# and conjunctions that attach before the article: وبال, ولل, فبال… One prefix at most is taken,
# the first that fits, leaving two letters at least; then every suffix that fits, in this order,
# leaving two letters at least.
#
# Two changes. light10 also strips a lone «و» (and), which turns «وزارة» (ministry) into «زار»
# while «الوزارة» keeps its «و», and «وزير» into «زير» while «الوزير» gives «وزير». So a word
# that starts with «و» without a longer prefix is indexed both ways («وزار» and «زار») and a
# query keeps its «و»: «وزارة» and «الوزارة» meet, and so do «أمن» and «وأمن». The index does
# the same for «ب», «ل», «ك» and «ف» attached to a word without the article («بمحاربة»), and for
# a word whose own first letters are «ال» after the article («الإلكترونية»).
#
# PostgreSQL runs the same steps for the index (``committee_arabic_stem`` in the people app's
# migrations): keep the two in step; tests/search/test_analyzer.py compares them word by word.

PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "وبال", "وكال", "ولل", "فبال", "فكال", "فلل")
SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")
#: Conjunctions and prepositions written as one letter attached to the next word.
CLITICS = "وبلكف"


def _prefix(word: str) -> str:
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) >= len(prefix) + 2:
            return prefix
    return ""


def _without_suffixes(word: str) -> str:
    for suffix in SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def stem(word: str) -> str:
    """The light stem of one normalised Arabic word, as a query has it: «والتطرف» → «تطرف»,
    «التوصيات» → «توص», «وزارة» → «وزار»."""
    return _without_suffixes(word[len(_prefix(word)) :])


def index_stems(word: str) -> tuple[str, ...]:
    """The stems the index holds for a word: its stem, and a second one where light10 stops
    short: without a leading «و», «ب», «ل», «ك» or «ف» (no longer prefix, four letters or
    more: «بمحاربة» is also «محارب»), or without a second article («الإلكترونية», article +
    «إلكترونية», is also «كترون», as a query for «الكترونية» has it)."""
    prefix = _prefix(word)
    rest = word[len(prefix) :]
    stemmed = _without_suffixes(rest)
    if not prefix and word[0] in CLITICS and len(word) >= 4:
        return (stemmed, _without_suffixes(word[1:]))
    if prefix.endswith("ال") and rest.startswith("ال") and len(rest) >= 4:
        return (stemmed, _without_suffixes(rest[2:]))
    return (stemmed,)


#: A run of Arabic letters (after ``normalize``: no marks, no tatweel).
ARABIC_WORD = re.compile("[\u0621-\u064a]+")

#: Words a query may drop: they say nothing about what is sought (normalised spellings).
#: Not «على»: normalised it is «علي», a name.
STOPWORDS = frozenset(
    normalize(word)
    for word in [
        "في",
        "من",
        "الى",
        "عن",
        "مع",
        "او",
        "ان",
        "ثم",
        "قد",
        "لا",
        "ما",
        "لم",
        "لن",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "اللذين",
        "هو",
        "هي",
        "هم",
        "كان",
        "كانت",
        "يكون",
        "بين",
        "حول",
        "خلال",
        "عند",
        "منذ",
        "حتى",
        "كل",
        "بعض",
        "غير",
        "بعد",
        "قبل",
        "لدى",
        "لكن",
        "بل",
        "اي",
    ]
)


def without_article(folded: str) -> str:
    """Each Arabic word of a normalised text without its leading article, when four letters or
    more remain: the press writes some names with an article they do not have (near spellings
    of names)."""
    return ARABIC_WORD.sub(
        lambda match: (
            match.group()[2:]
            if match.group().startswith("ال") and len(match.group()) >= 6
            else match.group()
        ),
        folded,
    )


def analyze_query(folded: str) -> str:
    """Every Arabic word of a normalised query replaced by its stem; everything else kept."""
    return ARABIC_WORD.sub(lambda match: stem(match.group()), folded)


def analyze_index(folded: str) -> str:
    """Every Arabic word of a normalised text replaced by its index stems (``committee_arabic_
    analyze`` in SQL); everything else kept."""
    return ARABIC_WORD.sub(lambda match: " ".join(index_stems(match.group())), folded)
