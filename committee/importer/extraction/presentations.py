"""The presentations of a meeting: «قدمت خلالها عروض همت X، وY، فضلا عن Z، مع إبراز W»
gives four topics, in order.
"""

from __future__ import annotations

from dataclasses import dataclass

from committee.importer.extraction.text import Document, ar, folded_words

_TALKS = (
    r"(?:العروض|عروض|عروضا|المداخلات|مداخلات|الورشات|ورشات|المحاور|محاور|الأشغال|المباحثات|"
    r"المحادثات)"
)
_COVERING = (
    r"(?:تناولت|همت|تطرقت\s+(?:إلى|الى|ل)|انصبت\s+على|ركزت\s+على|تمحورت\s+حول|شملت|عالجت|"
    r"تناول|تطرق\s+(?:إلى|الى))"
)
#: «… عروضا همت X»: the talks, then what they covered.
_TALKS_THEN_COVERED = ar(rf"(?<![^\W_لبو]){_TALKS}(?!\w)")
_COVERED = ar(rf"(?<!\w){_COVERING}(?!\w)[ \t]*")
#: «وتناولت المباحثات X»: what they covered follows the talks.
_COVERED_THEN_TALKS = ar(rf"(?<![^\W_و]){_COVERING}[ \t]+{_TALKS}(?!\w)[ \t]*")
_SEPARATOR = ar(
    r"[ \t]*[،,؛;][ \t]*(?:فضلا\s+عن|بالإضافة\s+إلى|بالاضافة\s+الى|علاوة\s+على|مع|وكذا|إلى\s+جانب|"
    r"وأيضا|ثم)?(?!\w)[ \t]*"
)
#: «، كما تم …»: the list is over.
_END_OF_LIST = ar(r"[ \t]*[،,][ \t]*(?:كما|حيث|وذلك|مما)(?!\w)")
#: Words that start with «و» without it being «and».
_OWN_WAW = folded_words(
    "وسائل وسائط وضع وزارة وحدة وثيقة وكالة ولاية وفد وقف وجود واقع وعي وصول وقاية "
    "وتيرة ورشة ورشات وظيفة وظائف وجهة وسيلة وطن وطني وطنية ولوج"
)


@dataclass(frozen=True, slots=True)
class Topic:
    start: int
    end: int


def find_presentations(doc: Document) -> list[Topic]:
    """Topics of talks: «… عروضا همت X، وY» or «وتناولت المباحثات X، وY»."""
    topics: list[Topic] = []
    for sentence_start, sentence_end in doc.sentences:
        first = _COVERED_THEN_TALKS.search(doc.norm, sentence_start, sentence_end)
        if first is not None:
            topics.extend(_split(doc, first.end(), sentence_end))
            continue
        talks = _TALKS_THEN_COVERED.search(doc.norm, sentence_start, sentence_end)
        covered = _COVERED.search(doc.norm, talks.end(), sentence_end) if talks else None
        if covered is not None:
            topics.extend(_split(doc, covered.end(), sentence_end))
    return topics


def _split(doc: Document, start: int, end: int) -> list[Topic]:
    over = _END_OF_LIST.search(doc.norm, start, end)
    end = over.start() if over else end
    items: list[Topic] = []
    position = start
    for separator in _SEPARATOR.finditer(doc.norm, start, end):
        if doc.quote_at(separator.start()):
            continue
        items.append(_topic(doc, position, separator.start()))
        position = separator.end()
    items.append(_topic(doc, position, end))
    return [item for item in items if item.end - item.start > 3]


def _topic(doc: Document, start: int, end: int) -> Topic:
    start, end = doc.trim(start, end)
    word_end = start
    while word_end < end and doc.norm[word_end].isalnum():
        word_end += 1
    word = doc.norm[start:word_end]
    if word.startswith("و") and len(word) > 3 and word not in _OWN_WAW:
        start += 1
    return Topic(start, end)
