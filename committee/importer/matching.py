"""Finding what an article's facts already are in the database, so that imports enrich.

The same meeting reported twice, the same person under another spelling, the same body named
differently: these functions answer "which existing record is this?" with queries and a
word-overlap similarity over normalised Arabic (or French and Spanish, accents folded). They
read; they never write.
"""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.contenttypes.models import ContentType
from django.db import models

from committee import arabic
from committee.dates import DatePrecision, truncate
from committee.importer.extraction.latin_text import ACCENT_FOLDS
from committee.importer.extraction.name_likeness import identity, is_lone_name, is_typo_of
from committee.sources.models import Citation, SourceDocument

#: Words that carry no identity in the genre's prose.
STOPWORD_TEXT = (
    "في من على إلى الى عن مع بين أو او ثم قد لقد كما التي الذي الذين اللذين هذه هذا ذلك تلك"
    " كل بعض أيضا ايضا مجال إطار اطار خلال حول وذلك وهي وهو هي هو أن ان إن لا ما لم لن"
)
#: The same for French and Spanish articles (accents folded).
LATIN_STOPWORD_TEXT = (
    "le la les un une des du de au aux et ou en sur pour par dans avec que qui ce cette ces"
    " son sa ses leur leurs el los las del al y o con por para que se su sus este esta"
)
STOPWORDS = frozenset(arabic.normalize(word) for word in STOPWORD_TEXT.split()) | frozenset(
    LATIN_STOPWORD_TEXT.split()
)
PREFIXES = ("وبال", "وكال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل", "ف")
SUFFIXES = ("ات", "ين", "ون", "يه", "ه", "ي")
WORD = re.compile(r"\w+")


def stem(word: str) -> str:
    """A crude light stem: enough to equate «التوصيات» and «توصيات», «الفرعية» and «فرعيه»."""
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words(text: str) -> frozenset[str]:
    """Content words, stemmed; French and Spanish accents folded («réunion» = «reunion»)."""
    normalized = arabic.normalize(text).translate(ACCENT_FOLDS)
    return frozenset(
        stem(word) for word in WORD.findall(normalized) if word not in STOPWORDS and len(word) > 1
    )


def similarity(first: str, second: str) -> float:
    """Jaccard overlap of the two texts' stemmed content words (0 … 1)."""
    a, b = words(first), words(second)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def most_similar[M: models.Model](
    candidates: list[tuple[M, str]], text: str, *, threshold: float
) -> M | None:
    """The candidate whose text is closest to ``text``, if at least ``threshold`` close."""
    best: tuple[float, M] | None = None
    for record, candidate_text in candidates:
        score = similarity(candidate_text, text)
        if score >= threshold and (best is None or score > best[0]):
            best = (score, record)
    return best[1] if best else None


def name_words(name: str) -> tuple[str, ...]:
    """A name's normalised words, without the article after the first («الفلاني» = «فلاني»)."""
    return identity(tuple(arabic.normalize(name).split()))


def is_lone(name: str) -> bool:
    """One word: it may name someone in its article, but it is no spelling to match or keep."""
    return is_lone_name(name_words(name))


def same_surname(first: str, second: str) -> bool:
    """Both names have two words at least and end with the same one."""
    a, b = name_words(first), name_words(second)
    return len(a) > 1 and len(b) > 1 and a[-1] == b[-1]


def misspelled[M: models.Model](candidates: list[tuple[M, list[str]]], name: str) -> M | None:
    """The one candidate one of whose spellings ``name`` is a slip of («ألكانتار» for
    «ألكانتارا»); None when there is none or more than one. The caller has already kept only
    candidates with other evidence (same side and office): a slip alone proves nothing."""
    words = name_words(name)
    found = {
        record.pk: record
        for record, spellings in candidates
        if any(is_typo_of(words, name_words(spelling)) for spelling in spellings)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def cited_for[M: models.Model](
    source: SourceDocument, model: type[M], spans: set[tuple[int, int]]
) -> M | None:
    """The record of ``model`` this source already cites at every one of ``spans`` (a re-import).

    Facts may share a span (two institutions named in one phrase), so one shared citation does
    not make two facts the same record; all of a fact's spans do.
    """
    cited: dict[int, set[tuple[int, int]]] = {}
    citations = Citation.objects.filter(
        source=source, content_type=ContentType.objects.get_for_model(model)
    ).values_list("object_id", "start", "end")
    for object_id, start, end in citations:
        cited.setdefault(object_id, set()).add((start, end))
    for object_id in sorted(cited):
        if spans <= cited[object_id]:
            return model._default_manager.filter(pk=object_id).first()
    return None


def dates_agree(
    known: dt.date | None, known_precision: str, new: dt.date | None, new_precision: str
) -> bool:
    """True when the two partial dates can be the same day (compared at the coarser precision)."""
    if known is None or new is None:
        return True
    order = [DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY]
    coarser = min(
        order.index(DatePrecision(known_precision)), order.index(DatePrecision(new_precision))
    )
    precision = order[coarser]
    return truncate(known, precision) == truncate(new, precision)


def is_finer(new_precision: str, known_precision: str) -> bool:
    order = ["", DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY]
    return order.index(new_precision) > order.index(known_precision)
