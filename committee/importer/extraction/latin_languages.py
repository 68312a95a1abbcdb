"""The languages the Latin-script path reads: one lexicon each, by language code."""

from __future__ import annotations

from committee.importer.extraction.latin_french import FRENCH
from committee.importer.extraction.latin_lexicon import LatinLexicon
from committee.importer.extraction.latin_spanish import SPANISH

LEXICONS: dict[str, LatinLexicon] = {lexicon.code: lexicon for lexicon in (FRENCH, SPANISH)}
