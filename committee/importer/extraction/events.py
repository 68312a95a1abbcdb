"""Events that are not sessions of a body nor seminars, named by what the text says they are.

The genre's words for a seminar («ندوة», «لقاء») also make up other events, and reading them as
seminars records a seminar that never took place:

* a press conference: «ندوة صحفية مشتركة», «المؤتمر الصحفي», «لقاء إعلامي»;
* a working or official visit: «زيارة عمل», «زيارة رسمية»;
* an inauguration: «حفل التدشين», «مراسم تدشين …», or the verb «دشن» (the act is the event);
* a signing ceremony: «حفل التوقيع», «مراسم توقيع …».

A press conference is held by people who meet for something else; ``demote_press_conferences``
keeps it from being the article's subject when another event is named.
"""

from __future__ import annotations

import re

from committee.importer.extraction.model import MeetingKind
from committee.importer.extraction.text import ar

_EVENT_WORDS: tuple[tuple[MeetingKind, str], ...] = (
    (
        "press_conference",
        r"(?P<head>ندوة|مؤتمرا|مؤتمر|لقاء)\s+(?:ال)?"
        r"(?:صحفية|صحافية|صحفيا|صحافيا|صحفي|صحافي|إعلامية|إعلاميا|إعلامي)"
        r"(?:\s+(?:ال)?(?:مشتركة|مشتركا|مشترك))?(?!\w)",
    ),
    (
        "working_visit",
        r"(?P<head>زيارة)\s+(?:ال)?(?:عمل|رسمية|العمل)(?:\s+(?:ال)?(?:رسمية|رسمي))?(?!\w)",
    ),
    ("inauguration", r"(?P<head>(?:حفل|مراسم|مراسيم)\s+(?:ال)?تدشين)(?!\w)"),
    ("signing_ceremony", r"(?P<head>(?:حفل|مراسم|مراسيم)\s+(?:ال)?توقيع)(?!\w)"),
)
#: The patterns; ``head`` is the event's own first word (no clitics, no «ال»).
_EVENTS: tuple[tuple[MeetingKind, re.Pattern[str]], ...] = tuple(
    (kind, ar(r"(?<!\w)(?P<det>(?:هذه|هذا|تلك|ذلك)\s+)?[وف]?(?P<al>بال|لل|ال|ل|ب)?" + words))
    for kind, words in _EVENT_WORDS
)
#: «دشن وزيرا الداخلية … مركز …»: the verb names the inauguration that the article reports
#: (past forms only: «تدشن هذه الاتفاقية مرحلة جديدة» inaugurates nothing one can attend).
_INAUGURATED = ar(r"(?<!\w)[وف]?(?P<head>دشن|دشنت|دشنا)(?!\w)")
#: «دشن البلدان مرحلة جديدة»: a figure of speech, not a ceremony.
_FIGURATIVE = ar(r"(?:\s+\S+){0,4}?\s+(?:ال)?(?:مرحلة|عهدا|عهد|صفحة|حقبة)(?!\w)")


def find_events(norm: str) -> list[tuple[int, int, MeetingKind, bool, bool]]:
    """(start, end, kind, anaphoric, definite) of each event named in ``norm``, text order."""
    found = []
    for kind, pattern in _EVENTS:
        for match in pattern.finditer(norm):
            al = match.group("al") or ""
            start = match.start("head") - (2 if al.endswith("ال") or al == "لل" else 0)
            definite = al.endswith("ال") or al == "لل" or " ال" in match.group("head")
            found.append((start, match.end(), kind, bool(match.group("det")), definite))
    for match in _INAUGURATED.finditer(norm):
        if not _FIGURATIVE.match(norm, match.end()):
            found.append((match.start("head"), match.end(), "inauguration", False, True))
    return sorted(found)


#: Kinds that accompany another event rather than stand for the article's subject.
ACCOMPANYING: frozenset[MeetingKind] = frozenset({"press_conference"})
