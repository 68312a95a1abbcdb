"""How sure the extractor is of each fact, and why not surer.

A fact starts certain and loses confidence for each doubt the text leaves about it: a meeting
whose kind the text does not name, a person with no office, no side and no title, a
recommendation too short or too long to be one decision… (``DOUBTS``: each doubt's code and
weight). ``assessed`` sets ``confidence`` and ``doubts`` on every fact of an extraction; a fact
below ``SUGGEST_BELOW`` is not recorded by an import but suggested for review, with what its
doubts mean (``committee.importer.review``).

The weights are the genre's, not the corpus's answers: each doubt is something a reader of a
press release would also hesitate over. ``benchmarks/extraction.py --confidence`` shows how
they sort the annotated articles' right and wrong facts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from committee.importer.extraction.model import (
    ActionPlanFact,
    AgreementFact,
    BodyFact,
    Extraction,
    MechanismFact,
    MeetingFact,
    PersonFact,
    PresentationFact,
    RecommendationFact,
    StatementFact,
)

#: Below this, a fact is suggested to the secretariat instead of recorded.
SUGGEST_BELOW = 0.6

#: What each doubt costs (its meaning, for people: ``committee.importer.review.REASONS``).
DOUBTS: dict[str, float] = {
    "kind_not_named": 0.3,
    "undated": 0.15,
    "no_place": 0.1,
    "in_passing": 0.1,
    "no_office": 0.25,
    "no_side": 0.1,
    "no_title": 0.15,
    "one_word_name": 0.35,
    "few_words": 0.35,
    "many_words": 0.3,
    "no_meeting_or_body": 0.2,
    "no_mandate": 0.2,
    "no_parties": 0.2,
    "no_location": 0.25,
    "theme_unknown": 0.15,
    "no_speaker": 0.3,
    "reported_speech": 0.1,
    "no_period": 0.15,
    "only_mentioned": 0.2,
}

#: A recommendation or statement has at least this many words, and a recommendation at most.
FEWEST_WORDS = 4
MOST_WORDS = 70


def assessed(extraction: Extraction) -> Extraction:
    """``extraction`` with every fact's ``confidence`` and ``doubts`` set."""

    def each[F](facts: Iterable[F], doubts: Callable[[Any], list[str]]) -> tuple[F, ...]:
        return tuple(_scored(fact, doubts(fact)) for fact in facts)

    return replace(
        extraction,
        meetings=each(extraction.meetings, _meeting),
        bodies=each(extraction.bodies, _body),
        people=each(extraction.people, _person),
        recommendations=each(extraction.recommendations, _recommendation),
        action_plans=each(extraction.action_plans, _plan),
        agreements=each(extraction.agreements, _agreement),
        mechanisms=each(extraction.mechanisms, _mechanism),
        statements=each(extraction.statements, _statement),
        presentations=each(extraction.presentations, _presentation),
    )


def confidence_of(doubts: Iterable[str]) -> float:
    return round(max(0.05, 1.0 - sum(DOUBTS[code] for code in doubts)), 2)


def _scored[F](fact: F, doubts: list[str]) -> F:
    return replace(fact, confidence=confidence_of(doubts), doubts=tuple(doubts))  # type: ignore[type-var]


def _when(**conditions: bool) -> list[str]:
    return [code for code, holds in conditions.items() if holds]


def _words(text: str | None) -> int:
    return len((text or "").split())


def _meeting(fact: MeetingFact) -> list[str]:
    return _when(
        kind_not_named=fact.kind == "other" and _words(fact.name) < 2,
        undated=fact.start is None and fact.end is None,
        no_place=fact.city is None and fact.country is None,
        in_passing=not fact.is_subject and fact.ordinal is None,
    )


def _body(fact: BodyFact) -> list[str]:
    return _when(
        no_mandate=fact.kind in ("subcommittee", "working_group") and not fact.mandate,
    )


def _person(fact: PersonFact) -> list[str]:
    return _when(
        no_office=fact.position is None and fact.organization_key is None,
        no_side=fact.side is None,
        no_title=fact.honorific is None and fact.position is None,
        one_word_name=_words(fact.name) < 2,
    )


def _recommendation(fact: RecommendationFact) -> list[str]:
    return _when(
        few_words=_words(fact.text) < FEWEST_WORDS,
        many_words=_words(fact.text) > MOST_WORDS,
        no_meeting_or_body=fact.meeting_key is None and fact.body_key is None,
    )


def _plan(fact: ActionPlanFact) -> list[str]:
    return _when(
        no_period=fact.period_start is None and fact.period_end is None,
        only_mentioned=fact.status == "mentioned",
    )


def _agreement(fact: AgreementFact) -> list[str]:
    return _when(
        no_parties=not fact.party_keys,
        undated=fact.signed is None,
        theme_unknown=fact.theme == "other",
    )


#: Mechanisms that are somewhere (a station, a centre); liaison officers and patrols are not.
PLACED_MECHANISMS = frozenset({"joint_police_station", "police_cooperation_centre"})


def _mechanism(fact: MechanismFact) -> list[str]:
    return _when(no_location=fact.kind in PLACED_MECHANISMS and not fact.location_keys)


def _statement(fact: StatementFact) -> list[str]:
    return _when(
        no_speaker=fact.person_key is None and fact.organization_key is None,
        few_words=_words(fact.text) < FEWEST_WORDS + 1,
        reported_speech=fact.kind == "reported",
    )


def _presentation(fact: PresentationFact) -> list[str]:
    return _when(few_words=_words(fact.topic) < 2)
