"""The people of an article, looked up by what stands for them in prose: «وزير الداخلية
المغربي» is the one person of that ministry; «الوزير الإسباني» the one Spanish minister, even
when the article called him only «نظيره الإسباني».
"""

from __future__ import annotations

from committee.importer.extraction.institutions import head_titles, institution
from committee.importer.extraction.model import PersonFact
from committee.importer.extraction.text import ar, fold

_COUNTERPART_POSITION = ar(r"نظير")


def _head_titles(person: PersonFact) -> str:
    """The titles of the institution ``person`` heads, when their position is only «نظيره
    الإسباني» («الوزير الإسباني» is still them)."""
    key = (person.organization_key or "").removeprefix("org:")
    if not key or not person.position or not _COUNTERPART_POSITION.match(fold(person.position)):
        return ""
    return " " + " ".join(fold(title) for title in head_titles(institution(key)))


class Directory:
    """The people of an article, looked up by what stands for them in prose."""

    def __init__(self, people: list[PersonFact]) -> None:
        self.people = people

    def head_of(self, organization: str) -> str | None:
        """The one person of ``organization`` («وزير الداخلية المغربي» → the minister)."""
        matching = {p.key for p in self.people if p.organization_key == f"org:{organization}"}
        return matching.pop() if len(matching) == 1 else None

    def by_title(self, title: str, side: str) -> tuple[str, str | None] | None:
        """(person, organisation) of the one person of ``side`` whose position has ``title``
        («الوزير» + «الإسباني» → the Spanish minister)."""
        stem = fold(title).removeprefix("ال").split()[0]
        matching = [
            p
            for p in self.people
            if p.side == side and p.position and stem in fold(p.position) + _head_titles(p)
        ]
        if len(matching) != 1:
            return None
        return matching[0].key, (matching[0].organization_key or "").removeprefix("org:") or None
