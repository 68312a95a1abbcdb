"""What people said, in French and Spanish prose: «…», a déclaré M. …; X afirmó que ….

A speech verb («a déclaré», «afirmó») with a speaker in its sentence (a person named before
it, else after it; «il» / «él» before it is the last person named) reports a statement: the
quotation of the sentence, word for word (direct), or what follows «que» (reported). The
drafts are the Arabic path's, so the shared ``statement_facts`` turns them into facts.
"""

from __future__ import annotations

import re

from committee.importer.extraction.latin_lexicon import LatinLexicon, compiled
from committee.importer.extraction.latin_text import LatinDocument
from committee.importer.extraction.mention_index import ByStart
from committee.importer.extraction.people import PersonMention
from committee.importer.extraction.statements import StatementDraft

_MINIMUM_WORDS = 3


def find_latin_statements(
    doc: LatinDocument, lexicon: LatinLexicon, people: list[PersonMention]
) -> list[StatementDraft]:
    by_start = ByStart(people, lambda person: person.start)
    quotes = ByStart(doc.quotes, lambda quote: quote[0])
    pronoun = compiled(lexicon.pronouns)
    that = compiled("que|qu'")
    drafts: list[StatementDraft] = []
    said: set[int] = set()
    for verb in compiled(lexicon.speech).finditer(doc.norm):
        sentence = doc.sentence_of(verb.start())
        if doc.quote_at(verb.start()) or sentence[0] in said:
            continue
        speaker = by_start.last_before(verb.start(), sentence[0])
        if speaker is None:
            named_later = by_start.between(verb.end(), sentence[1])
            if named_later:
                speaker = named_later[0]
            elif _refers_back(doc, pronoun, verb.start(), verb.end()):
                speaker = by_start.last_before(verb.start())
        if speaker is None:
            continue
        content = _quotation(doc, quotes, sentence)
        direct = content is not None
        if content is None:
            following = that.search(doc.norm, verb.end(), min(sentence[1], verb.end() + 40))
            content = doc.trim(following.end(), sentence[1]) if following else None
        if content is None or len(doc.words(*content)) < _MINIMUM_WORDS:
            continue
        said.add(sentence[0])
        drafts.append(
            StatementDraft(
                verb=(verb.start(), verb.end()),
                content=content,
                direct=direct,
                person_key=speaker.person_key,
                organization_key=speaker.organization_key,
                speaker=(speaker.name_start, speaker.name_end),
            )
        )
    return drafts


def _refers_back(doc: LatinDocument, pronoun: re.Pattern[str], start: int, end: int) -> bool:
    """«il a ajouté», «añadió él», or a bare «», añadió» after a quotation: the last person
    named is speaking."""
    before = doc.words(max(0, start - 12), start)
    after = doc.words(end, min(len(doc.norm), end + 8))
    if (before and pronoun.fullmatch(before[-1][2])) or (after and pronoun.fullmatch(after[0][2])):
        return True
    return doc.norm[max(0, start - 4) : start].strip(" ,") in ("»", '"', "”")


def _quotation(
    doc: LatinDocument, quotes: ByStart[tuple[int, int]], sentence: tuple[int, int]
) -> tuple[int, int] | None:
    """The first quotation of the sentence long enough to be words someone said."""
    for start, end in quotes.between(*sentence):
        inner = doc.trim(start + 1, end - 1)
        if len(doc.words(*inner)) >= _MINIMUM_WORDS:
            return inner
    return None
