"""Committees, subcommittees and working groups named in an article.

A body is a head noun («لجنة», «لجن/لجان», «فريق/مجموعة عمل») followed by what says which
body it is:

* «اللجنة الأمنية الاستراتيجية» / «اللجنة الاستراتيجية» — the strategic committee;
* «لجنة (لـ)تتبع / متابعة …» — the follow-up committee, its mandate being the rest;
* «اللجنة الفرعية [الثالثة] (المكلفة بـ / المخصصة لـ / لـ) …» — a subcommittee with a mandate;
* «فريق عمل … (مكلف بـ / حول) …» — a working group.

Plurals («إحداث لجان فرعية متخصصة») are kept apart: they are what a compound recommendation
creates before it lists the bodies one by one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from committee.importer.extraction.model import BodyKind
from committee.importer.extraction.numerals import read_ordinal
from committee.importer.extraction.text import HYPHEN_JOINED, Document, ar, folded_words


@dataclass(frozen=True, slots=True)
class BodyMention:
    start: int
    end: int
    kind: BodyKind
    plural: bool
    ordinal: int | None
    mandate: tuple[int, int] | None
    mandate_text: str | None
    anaphoric: bool = False


_HEAD = ar(
    r"(?<!\w)(?P<det>[لب]?(?:هذه|تلك)\s+)?[وف]?(?:بال|كال|ال|ب|ل)?"
    r"(?P<head>لجنة|لجن|لجان|فريق|فرق|أفرقة|مجموعة|مجموعات)(?!\w)"
)
_SUB = folded_words("فرعية الفرعية")
_STRATEGIC = folded_words("استراتيجية الاستراتيجية إستراتيجية الإستراتيجية")
_SECURITY = folded_words("أمنية الأمنية")
_WORK = folded_words("عمل العمل")
_FOLLOW = ar(r"(?:ل|لل|ال)?(?:تتبع|متابعة|تتبّع)$")
_ADJECTIVES = folded_words(
    "تقنية التقنية مشتركة المشتركة ثنائية الثنائية مختلطة المختلطة عليا العليا المغربية "
    "الإسبانية الاسبانية المغربية-الإسبانية موضوعاتية الموضوعاتية متخصصة المتخصصة دائمة الدائمة "
    "مشترك المشترك ثنائي الثنائي تقني التقني متخصص المتخصص المغربي الإسباني الاسباني "
    "المغربي-الإسباني مغربي إسباني مغربية إسبانية مغربي-إسباني"
)
_INTRODUCERS = folded_words(
    "المكلفة مكلفة المخصصة مخصصة المعنية معنية المختصة مختصة الخاصة خاصة المهتمة مهتمة "
    "المسؤولة مسؤولة المكلف مكلف المخصص مخصص المعني معني المختص مختص الخاص خاص "
    # the verbs of the same: «فريق عمل يعنى بالجرائم الإلكترونية», «لجنة تختص بـ…»
    "يعنى تعنى يهتم تهتم يختص تختص يتكفل تتكفل"
)
#: Where a mandate stops: the next body of an enumeration, a relative clause, «فضلا عن», the
#: body's own meeting …
_MANDATE_STOP = ar(
    r"\s+(?:و(?:بال|ال|لل|ل)?(?:لجنة|لجن|لجان|فريق)(?!\w)|فضلا\s+عن|بالإضافة\s+إلى|بالاضافة\s+الى"
    r"|علاوة\s+على|التي|الذي|التي\s+|وذلك|حيث|وكذا)|\s*[()]"
    # The sentence goes on about the body: «لجنة تتبع التوصيات عقدت اجتماعها …», «عقدت اللجنة
    # الفرعية … لمكافحة الإرهاب اجتماعها الأول».
    r"|\s+(?:[وف]?(?:عقدت|انعقدت|اجتمعت|التأمت|تلتئم|ستلتئم|تعقد|ستعقد|تجتمع|ستجتمع)"
    r"|(?:في\s+)?(?:اجتماعها|اجتماعاتها|دورتها))(?!\w)"
)
_WORD = re.compile(r"[ \t]*(\w+)")


def find_bodies(doc: Document) -> list[BodyMention]:
    """Body mentions in text order (anaphoric «هذه اللجنة» included, to be resolved later)."""
    found: list[BodyMention] = []
    for match in _HEAD.finditer(doc.norm):
        mention = _read(doc, match)
        if mention is not None:
            found.append(mention)
    return found


def _read(doc: Document, match: re.Match[str]) -> BodyMention | None:
    start = _after_clitics(doc, match)
    words = _following_words(doc, match.end())
    if match.group("head") in ("فريق", "فرق", "افرقه", "مجموعه", "مجموعات"):
        return _working_group(doc, match, start, words)
    plural = match.group("head") != "لجنه"
    kind, ordinal, end, index = _committee_words(doc, words, plural, match.end())
    rest = words[index:]
    if kind is None and rest and _FOLLOW.match(rest[0][2]) and not plural:
        return _finish(doc, start, rest, end, "follow_up_committee", False, None, mandate_here=True)
    if kind is None:
        if plural or not _refers_back(doc, match, words, index):
            return None
        return BodyMention(start, end, "subcommittee", False, None, None, None, anaphoric=True)
    if kind == "strategic_committee":
        return BodyMention(start, end, kind, plural, None, None, None)
    return _finish(doc, start, rest, end, kind, plural, ordinal)


def _working_group(
    doc: Document, match: re.Match[str], start: int, words: list[tuple[int, int, str]]
) -> BodyMention | None:
    """«فريق عمل (مشترك) (مكلف بـ / حول) …», «مجموعات العمل»."""
    if not words or words[0][2] not in _WORK:
        return None
    rest = words[1:]
    end = words[0][1]
    while rest and rest[0][2] in _ADJECTIVES:
        end = rest[0][1]
        rest = rest[1:]
    plural = match.group("head") not in ("فريق", "مجموعه")
    return _finish(doc, start, rest, end, "working_group", plural, None)


def _committee_words(
    doc: Document, words: list[tuple[int, int, str]], plural: bool, end: int
) -> tuple[BodyKind | None, int | None, int, int]:
    """Read the adjectives after «لجنة»: (kind they say, ordinal, where they end, words read).

    «الفرعية» makes a subcommittee; «(الأمنية) الاستراتيجية» the strategic committee; an
    ordinal («الثالثة») numbers a subcommittee; «التقنية», «المشتركة» … say nothing more.
    """
    kind: BodyKind | None = None
    ordinal: int | None = None
    index = 0
    while index < len(words):
        word_start, word_end, word = words[index]
        value = read_ordinal(doc.norm, word_start)
        if word in _SUB:
            kind = "subcommittee"
        elif word in _STRATEGIC:
            kind = kind or "strategic_committee"
        elif value is not None and not plural:
            ordinal, word_end = value
            while index + 1 < len(words) and words[index + 1][0] < word_end:
                index += 1
        elif word not in _ADJECTIVES and word not in _SECURITY:
            break
        end = word_end
        index += 1
    return kind, ordinal, end, index


def _refers_back(
    doc: Document, match: re.Match[str], words: list[tuple[int, int, str]], index: int
) -> bool:
    """«هذه اللجنة», or a bare «اللجنة» / «للجنة» that nothing qualifies: the body last named."""
    if match.group("det"):
        return True
    prefix = doc.norm[match.start() : match.start("head")]
    definite = prefix.endswith("ال") or prefix in ("ل", "ول", "فل")
    if not definite or index > 0:
        return False
    return not words or not words[0][2].startswith("ال") or doc.norm[match.end()] in "،,."


def _finish(
    doc: Document,
    start: int,
    rest: list[tuple[int, int, str]],
    end: int,
    kind: BodyKind,
    plural: bool,
    ordinal: int | None,
    mandate_here: bool = False,
) -> BodyMention:
    """Add the mandate that follows the head: «المكلفة بـ…», «لـ…», «في مجال …», «حول …»."""
    found = _mandate_start(doc, rest, end, mandate_here)
    if found is None:
        return BodyMention(start, end, kind, plural, ordinal, None, None)
    mandate_start, preposition = found
    mandate_end = _mandate_end(doc, mandate_start)
    if mandate_end <= mandate_start:
        return BodyMention(start, end, kind, plural, ordinal, None, None)
    if preposition:
        text = _without_preposition(doc, mandate_start, mandate_end)
    else:
        text = doc.original(mandate_start, mandate_end)
    return BodyMention(
        start, mandate_end, kind, plural, ordinal, (mandate_start, mandate_end), text
    )


def _mandate_start(
    doc: Document, rest: list[tuple[int, int, str]], end: int, mandate_here: bool
) -> tuple[int, bool] | None:
    """Where the mandate starts, and whether a glued «بـ» / «لـ» opens it."""
    if not rest or not doc.norm[end : rest[0][0]].isspace():
        return None
    first_start, _, first = rest[0]
    if mandate_here:
        return first_start, True
    if first in _INTRODUCERS and len(rest) > 1 and rest[1][2][0] in "بل":
        return rest[1][0], True
    if first in ("في", "حول", "بشان") and len(rest) > 1:
        skip = 2 if first == "في" and rest[1][2] in ("مجال", "مجالات", "ميدان") else 1
        return (rest[skip][0], False) if len(rest) > skip else None
    if first[0] == "ل" and len(first) > 3 and not first.startswith("لدي"):
        return first_start, True
    return None


def _mandate_end(doc: Document, start: int) -> int:
    end = doc.clause_end(start)
    stop = _MANDATE_STOP.search(doc.norm, start, end)
    return stop.start() if stop else end


def _without_preposition(doc: Document, start: int, end: int) -> str:
    """The mandate as written, «بـ» / «لـ» dropped: «للتدريب …» → «التدريب …»."""
    original = doc.original(start, end)
    folded = doc.norm[start:end]
    if folded.startswith("لل"):
        return "ا" + original[1:]
    if folded[:1] in ("ب", "ل") and not folded.startswith(("ال", "لجن")):
        return original[1:].lstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return original


def _after_clitics(doc: Document, match: re.Match[str]) -> int:
    """Where the body's own words start: after «هذه», «و», «بـ» (but «للجنة» stays whole)."""
    head_start = match.start("head")
    prefix = doc.norm[match.start() : head_start]
    if prefix.endswith("ال"):
        return head_start - 2
    if match.group("det"):
        return match.start("det")
    if prefix.endswith("ل") and match.group("head").startswith("ل"):
        return head_start - 1  # «للجنة»: the article's «ال» is written into the preposition
    return head_start


def _joined(doc: Document, position: int, end: int) -> re.Match[str] | None:
    """An adjective after a hyphen («اللجنة الأمنية المغربية-الإسبانية»)."""
    match = HYPHEN_JOINED.match(doc.norm, position, end)
    return match if match and match.group(1) in _ADJECTIVES else None


def _following_words(doc: Document, position: int) -> list[tuple[int, int, str]]:
    """Up to ten words after ``position`` in the same clause, separated by spaces only."""
    words: list[tuple[int, int, str]] = []
    end = doc.clause_end(position)
    while len(words) < 10:
        match = _WORD.match(doc.norm, position, end) or _joined(doc, position, end)
        if not match:
            break
        words.append((match.start(1), match.end(1), match.group(1)))
        position = match.end(1)
    return words
