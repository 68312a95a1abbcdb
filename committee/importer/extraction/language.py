"""Which language an article is written in, from its letters and commonest words."""

from __future__ import annotations

import re

_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")
_WORDS = re.compile(r"[a-zà-ÿ]+")
_STOPWORDS = {
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "une",
            "est",
            "et",
            "dans",
            "pour",
            "avec",
            "sur",
            "au",
            "aux",
            "qui",
            "que",
            "ont",
            "été",
            "par",
            "ce",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "del",
            "una",
            "es",
            "y",
            "en",
            "para",
            "con",
            "sobre",
            "al",
            "que",
            "por",
            "ha",
            "han",
            "fue",
            "este",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "for",
            "with",
            "on",
            "at",
            "by",
            "is",
            "was",
            "are",
            "has",
            "have",
            "from",
            "this",
            "that",
        ]
    ),
}
#: Enough letters to tell a language from noise.
_MINIMUM = 20


def detect_language(text: str) -> str:
    """ "ar", "fr", "es", "en", or "und" when there is too little text to tell."""
    sample = text[:20000]
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic + latin < _MINIMUM:
        return "und"
    if arabic >= latin:
        return "ar"
    words = _WORDS.findall(sample.casefold())
    scores = {code: sum(word in stop for word in words) for code, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] else "und"
