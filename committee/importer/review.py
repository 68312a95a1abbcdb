"""Which facts of an article an import records, and which it only suggests.

A fact whose ``confidence`` is below ``SUGGEST_BELOW`` (``extraction.confidence``) is not
recorded unless someone accepted it: it is suggested, with its doubts and the words it came
from, in the admin's import preview and in the report of ``import_article``. What belongs to a
suggested fact (the recommendations and statements of a doubtful meeting, the meetings of a
doubtful body…) waits with it; accepting the fact records them too.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from typing import Any

from django.utils.translation import gettext_lazy as _

from committee.importer.extraction import Extraction
from committee.importer.extraction.confidence import SUGGEST_BELOW

#: What each doubt of ``extraction.confidence.DOUBTS`` means, for the secretariat.
REASONS = {
    "kind_not_named": _("the text does not say what kind of event it was"),
    "undated": _("no date for it in the text"),
    "no_place": _("no place for it in the text"),
    "in_passing": _("mentioned in passing, not what the article reports"),
    "no_office": _("named without an office or institution"),
    "no_side": _("not said to belong to either delegation"),
    "no_title": _("named without a title or honorific"),
    "one_word_name": _("a single word: maybe a first name or another word"),
    "few_words": _("only a few words: maybe a fragment of a sentence"),
    "many_words": _("a long passage: may include the sentences around it"),
    "no_meeting_or_body": _("not tied to a meeting or a body"),
    "no_mandate": _("no mandate or subject given"),
    "no_parties": _("the parties are not named"),
    "no_location": _("no location given"),
    "theme_unknown": _("its subject is not clear"),
    "no_speaker": _("nobody is named as saying it"),
    "reported_speech": _("reported, not quoted"),
    "no_period": _("no period given"),
    "only_mentioned": _("mentioned, neither proposed nor adopted"),
}

#: The facts that belong to another (``field``: the key of the fact they belong to).
BELONGS_TO: dict[str, tuple[str, ...]] = {
    "meetings": ("body_key",),
    "bodies": ("parent_key",),
    "recommendations": ("meeting_key", "parent_key"),
    "action_plans": ("meeting_key",),
    "statements": ("meeting_key",),
    "presentations": ("meeting_key",),
}
KINDS = (
    "meetings",
    "bodies",
    "people",
    "recommendations",
    "action_plans",
    "agreements",
    "mechanisms",
    "statements",
    "presentations",
)


@dataclass(frozen=True)
class Suggestion:
    """A fact not recorded because the extractor doubts it; ``key`` accepts it."""

    key: str
    kind: str
    label: str
    confidence: float
    doubts: tuple[str, ...]
    quote: str
    start: int
    end: int
    #: What waits with it (labels of the facts that belong to it).
    with_it: tuple[str, ...] = ()

    @property
    def reasons(self) -> list[str]:
        return [str(REASONS[code]) for code in self.doubts]

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "label": self.label,
            "confidence": self.confidence,
            "doubts": list(self.doubts),
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "with": list(self.with_it),
        }

    def __str__(self) -> str:
        waiting = f"; with it: {', '.join(self.with_it)}" if self.with_it else ""
        return (
            f"{self.kind} «{self.label}» ({self.key}, confidence {self.confidence:.2f}: "
            f"{'; '.join(self.reasons)}) «{self.quote[:60]}»{waiting}"
        )


def facts(extraction: Extraction) -> Iterator[tuple[str, Any]]:
    for kind in KINDS:
        for fact in getattr(extraction, kind):
            yield kind, fact


def split(
    extraction: Extraction, accepted: Collection[str] = ()
) -> tuple[Extraction, list[Suggestion]]:
    """The extraction to record, and the suggestions it leaves out.

    ``accepted`` holds the keys of suggestions someone accepted: recorded as if certain.
    Refused (``ValueError``) when one of them is not a suggestion of this article.
    """
    doubtful = {
        fact.key
        for _, fact in facts(extraction)
        if fact.confidence < SUGGEST_BELOW and fact.key not in accepted
    }
    unknown = set(accepted) - {
        fact.key for _, fact in facts(extraction) if fact.confidence < SUGGEST_BELOW
    }
    if unknown:
        raise ValueError(", ".join(sorted(unknown)))
    waiting = _waiting_with(extraction, doubtful)
    held = doubtful | set(waiting)
    kept = replace(
        extraction,
        **{  # type: ignore[arg-type]
            kind: tuple(fact for fact in getattr(extraction, kind) if fact.key not in held)
            for kind in KINDS
        },
    )
    suggestions = [
        Suggestion(
            key=fact.key,
            kind=kind,
            label=label(fact),
            confidence=fact.confidence,
            doubts=fact.doubts,
            quote=fact.spans[0].quote if fact.spans else "",
            start=fact.spans[0].start if fact.spans else 0,
            end=fact.spans[0].end if fact.spans else 0,
            with_it=tuple(
                label(other) for _, other in facts(extraction) if waiting.get(other.key) == fact.key
            ),
        )
        for kind, fact in facts(extraction)
        if fact.key in doubtful
    ]
    return kept, suggestions


def _waiting_with(extraction: Extraction, doubtful: set[str]) -> dict[str, str]:
    """Each fact held because it belongs to a doubtful one → that doubtful fact's key."""
    waiting: dict[str, str] = {}
    changed = True
    while changed:  # a recommendation of a meeting of a doubtful body waits too
        changed = False
        for kind, fact in facts(extraction):
            if fact.key in doubtful or fact.key in waiting:
                continue
            for name in BELONGS_TO.get(kind, ()):
                owner = getattr(fact, name)
                if owner in doubtful or owner in waiting:
                    waiting[fact.key] = owner if owner in doubtful else waiting[owner]
                    changed = True
                    break
    return waiting


def label(fact: Any) -> str:
    """A fact as the secretariat recognises it: its name, title, text or topic."""
    for name in ("name", "title", "text", "topic"):
        value = getattr(fact, name, None)
        if value:
            text = " ".join(str(value).split())
            return text if len(text) <= 90 else text[:89].rsplit(" ", 1)[0] + "…"
    return str(fact.key)
