"""What a Latin-script language must tell the extractor: ``LatinLexicon``, and its helpers.

Everything language-specific of the Latin-script path is a lexicon's field: meeting and body
nouns, ordinals, calendar words, titles and honorifics, the verbs that open, close or announce
a meeting and those that state a decision. Each language has its module (``latin_french``,
``latin_spanish``) and is registered in ``latin_languages``; the readers (the other
``latin_*`` modules) are shared: a new language is a new lexicon. Patterns are written in
ordinary spelling, lower case; ``latin`` folds their accents to match ``LatinDocument.norm``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from committee.importer.extraction.latin_text import latin, latin_fold
from committee.importer.extraction.model import MeetingKind, Theme


def words(text: str) -> str:
    """A regex alternation of ``|``-separated phrases, longest first, accents folded."""
    phrases = sorted({latin_fold(p.strip()) for p in text.split("|") if p.strip()}, key=len)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in reversed(phrases))


def folded(table: dict[str, int]) -> dict[str, int]:
    """A word table with its keys as ``norm`` spells them."""
    return {latin_fold(key): value for key, value in table.items()}


@dataclass(frozen=True, slots=True)
class LatinLexicon:
    code: str
    months: dict[str, int]
    weekdays: dict[str, int]
    #: Folded ordinal words («troisième», «tercera») → number.
    ordinals: dict[str, int]
    #: Small cardinals for durations («deux jours», «dos días»).
    cardinals: dict[str, int]
    # Regex alternations (see ``words``).
    seminar_heads: str
    event_heads: str
    generic_heads: str
    series_heads: str
    #: Events that are not sessions of work («conférence de presse», «visita de trabajo»):
    #: kind → alternation. Read before ``not_a_meeting`` turns «de presse» away.
    named_events: tuple[tuple[MeetingKind, str], ...]
    #: People meeting, told by a verb with no meeting noun («se reunieron», «se sont réunis»);
    #: ``met_later`` the same verbs in the future.
    met: str
    met_later: str
    not_a_meeting: str
    ministerial: str
    anaphoric: str
    possessive: str
    upcoming: str
    articles: str
    of: str
    body_heads: str
    sub_heads: str
    group_heads: str
    strategic: str
    follow_up: str
    mandate_introducers: str
    not_a_body: str
    honorifics: str
    titles: str
    particles: str
    nationality_ma: str
    nationality_es: str
    today: dict[str, int]
    past: str
    next: str
    this: str
    relative_year: dict[str, int]
    #: «la semaine prochaine» → 1, «cette semaine» → 0: weeks from the publication's week.
    relative_week: dict[str, int]
    opening: str
    closing: str
    future: str
    #: Verbs and nouns of the news coming out, right before its date («ha informado hoy»).
    reporting: str
    triggers: str
    continuations: str
    establishing: str
    standing: str
    action_nouns: str
    infinitive: str
    chairs: str
    established: str
    security: str
    #: Whose institutions an unqualified «ministre de l'Intérieur» names: the country whose
    #: press mostly writes in this language about the committee.
    home_side: str
    #: An agreement's head noun, the words that sign it, and what introduces its subject.
    organizers: str
    #: Action plans: their nouns, adjectives, what introduces their scope, and the verbs that
    #: make a recommendation adopt one.
    plan_heads: str
    plan_adjectives: str
    plan_scope: str
    plan_actions: str
    #: Verbs that report speech, and the pronouns that stand for the last person named.
    speech: str
    pronouns: str
    agreement_heads: str
    signing: str
    agreement_subject: str
    #: Adjectives that qualify a body or a meeting without saying which one it is.
    adjectives: str
    #: Words that end a body's mandate («… a tenu», «… celebró»).
    mandate_stops: str
    #: What may stand between a decision verb and its object («également de», «además en»).
    object_links: str
    themes: tuple[tuple[Theme, str], ...]
    #: A body's own verb of meeting, right after its name («la sous-commission s'est réunie»).
    meets: str


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}
ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"


def roman_value(text: str) -> int | None:
    """«iii» → 3, «xii» → 12 (folded, lower case); ``None`` for anything else."""
    if not text or not re.fullmatch(ROMAN, text):
        return None
    total = 0
    for index, char in enumerate(text):
        value = _ROMAN[char]
        following = _ROMAN[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total or None


_ORDINAL_SUFFIX = re.compile(r"^(?P<n>\d{1,2}|[ivx]{1,5})(?:e|eme|er|re|o|a|º|ª)?$")


def ordinal_value(word: str, lexicon: LatinLexicon, *, bare_roman: bool) -> int | None:
    """The number an ordinal word, «3e», «IIIe» (or, if ``bare_roman``, «III») stands for."""
    if word in lexicon.ordinals:
        return lexicon.ordinals[word]
    match = _ORDINAL_SUFFIX.match(word)
    if not match:
        return None
    number = match.group("n")
    if number.isdigit():
        return int(number) if word != number else None
    if word == number and not bare_roman:
        return None
    return roman_value(number)


def compiled(alternation: str) -> re.Pattern[str]:
    """A whole-word pattern for a lexicon alternation."""
    return latin(rf"(?<![\w'-])(?:{alternation})(?![\w-])")
