"""When two written names are one person's: the same words, a typo of them, or a lone name.

Press copy misspells names («ألكانتار» for «ألكانتارا»), and a person named in full is later
called by one of their names. Both must reach the person already known, yet a wrong merge is
worse than a duplicate (a duplicate is merged by hand; a merge silently mixes two people's
records). So a typo counts only on a long enough word, one word at most, and only when the
caller has other evidence (the same side or office); a lone name is never a spelling of the
full one (``is_lone_name``), so it is never kept as an alias.

Names are compared as folded words (``committee.arabic.normalize``), without the article after
the first word («الفلاني» = «فلاني»).
"""

from __future__ import annotations

#: The shortest word a one-letter slip may be forgiven in: «موسى»/«موسو» are other names.
MIN_TYPO_LENGTH = 5


def identity(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words that identify a name: folded, and without the article after the first word
    («الفلاني» = «فلاني»)."""
    return tuple(
        word if index == 0 else word.removeprefix("ال") for index, word in enumerate(words)
    )


def same_person(mention: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """The same words, or a part of the name at its start or end («فلان» after «علان فلان»)."""
    if mention == known:
        return True
    if len(mention) == 1 or len(known) == 1:
        return mention[-1].removeprefix("ال") == known[-1].removeprefix("ال")
    shorter, longer = sorted((mention, known), key=len)
    return longer[: len(shorter)] == shorter or longer[-len(shorter) :] == shorter


def edit_distance(first: str, second: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit`` (returns ``limit + 1``)."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, start=1):
        current = [row]
        for column, other in enumerate(second, start=1):
            current.append(
                min(
                    previous[column] + 1,
                    current[column - 1] + 1,
                    previous[column - 1] + (char != other),
                )
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def is_typo_of(mention: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """``mention`` is ``known`` with one slip: the same number of words (two at least), all
    equal but one, which is one edit away and long enough («بياتريث ألكانتار» → «بياتريث
    ألكانتارا»). Different first names are never a typo: they are other people."""
    if len(mention) != len(known) or len(mention) < 2 or mention == known:
        return False
    if mention[0] != known[0]:
        return False
    differing = [(a, b) for a, b in zip(mention, known, strict=True) if a != b]
    if len(differing) != 1:
        return False
    word, other = differing[0]
    return min(len(word), len(other)) >= MIN_TYPO_LENGTH and edit_distance(word, other, 1) == 1


def is_lone_name(words: tuple[str, ...]) -> bool:
    """One word («بياتريث», «الورياغلي»): it may point back to a person, never spell them."""
    return len(words) == 1


def refers_to(lone: str, known: tuple[str, ...]) -> bool:
    """A lone name ``lone`` can stand for the person ``known`` (first or last name)."""
    return len(known) > 1 and lone in (known[0], known[-1])
