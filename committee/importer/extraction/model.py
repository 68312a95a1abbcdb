"""What the extractor finds in an article: frozen, typed facts that cite their words.

Every fact has a local ``key`` ("meeting:1", "org:dgsn", …) that other facts use to refer to
it, ``spans`` (the words it came from, in the original text) and ``evidence`` (the same spans
labelled with the field they support, for ``Citation.field``) and a ``confidence`` with the
``doubts`` that lower it (``committee.importer.extraction.confidence``): facts below the threshold
are suggested to the secretariat, not recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
Side = Literal["MA", "ES", "joint", "third_party"]
MeetingKind = Literal[
    "seminar",
    "strategic_committee_session",
    "subcommittee_meeting",
    "follow_up_meeting",
    "ministerial_meeting",
    "press_conference",
    "working_visit",
    "inauguration",
    "signing_ceremony",
    "other",
]
MeetingStatus = Literal["held", "planned"]
BodyKind = Literal["strategic_committee", "follow_up_committee", "subcommittee", "working_group"]
BodyStatus = Literal["proposed", "active"]
RecommendationKind = Literal["one_off", "standing", "establishes_body", "adopts_plan"]
Theme = Literal[
    "counter_terrorism",
    "cybercrime",
    "migration",
    "drug_trafficking",
    "organised_crime",
    "training",
    "information_exchange",
    "institutional",
    "other",
]
PlanStatus = Literal["proposed", "adopted", "mentioned"]
MechanismKind = Literal[
    "joint_police_station",
    "police_cooperation_centre",
    "liaison_officers",
    "joint_patrols",
    "joint_investigation_team",
]
StatementKind = Literal["direct", "reported"]


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end] == quote`` in the original article (never the normalised one)."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span and the field of the fact it supports ("name", "city", "start", …)."""

    field: str
    span: Span


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to a day, a month (``value`` is the 1st) or a year (``value`` is 1 January)."""

    value: dt.date
    precision: Precision

    def __str__(self) -> str:
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass(frozen=True, slots=True)
class Chair:
    """One (co-)chair of a body; «الذي يرأسه المديران العامان للشرطة في البلدين» gives two."""

    side: Side | None
    organization_key: str | None
    person_key: str | None
    role_text: str


@dataclass(frozen=True, slots=True)
class MeetingFact:
    key: str
    kind: MeetingKind
    name: str
    ordinal: int | None
    theme: str | None
    city: str | None
    country: str | None
    start: PartialDate | None
    end: PartialDate | None
    status: MeetingStatus
    is_subject: bool
    body_key: str | None
    organizer_keys: tuple[str, ...]
    spans: tuple[Span, ...]
    evidence: tuple[Evidence, ...] = field(default=())
    #: How sure the extractor is (0–1) and why not more (``confidence.DOUBTS``' codes).
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BodyFact:
    key: str
    kind: BodyKind
    name: str
    mandate: str | None
    parent_key: str | None
    status: BodyStatus
    established: PartialDate | None
    established_city: str | None
    established_at_meeting_key: str | None
    created_by_recommendation_key: str | None
    initiated_by_keys: tuple[str, ...]
    party_keys: tuple[str, ...]
    chairs: tuple[Chair, ...]
    spans: tuple[Span, ...]
    evidence: tuple[Evidence, ...] = field(default=())
    #: How sure the extractor is (0–1) and why not more (``confidence.DOUBTS``' codes).
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OrganizationFact:
    key: str
    gazetteer_key: str
    acronym: str | None
    side: Side
    kind: str
    name: str
    spans: tuple[Span, ...]
    evidence: tuple[Evidence, ...] = field(default=())
    #: How sure the extractor is (0–1) and why not more (``confidence.DOUBTS``' codes).
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonFact:
    key: str
    name: str
    variants: tuple[str, ...]
    honorific: str | None
    position: str | None
    organization_key: str | None
    side: Side | None
    spans: tuple[Span, ...]
    evidence: tuple[Evidence, ...] = field(default=())
    #: How sure the extractor is (0–1) and why not more (``confidence.DOUBTS``' codes).
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RecommendationFact:
    key: str
    order: int
    text: str
    kind: RecommendationKind
    theme: Theme
    trigger: str
    meeting_key: str | None
    body_key: str | None
    plan_key: str | None
    parent_key: str | None
    spans: tuple[Span, ...]
    evidence: tuple[Evidence, ...] = field(default=())
    #: How sure the extractor is (0–1) and why not more (``confidence.DOUBTS``' codes).
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionPlanFact:
    key: str
    title: str
    scope: str | None
    bilateral: bool
    period_start: PartialDate | None
    period_end: PartialDate | None
    status: PlanStatus
    meeting_key: str | None
    recommendation_key: str | None
    spans: tuple[Span, ...]
    evidence: tuple[Evidence, ...] = field(default=())
    #: How sure the extractor is (0–1) and why not more (``confidence.DOUBTS``' codes).
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AgreementFact:
    key: str
    title: str
    subject: str | None
    theme: Theme
    signed: PartialDate | None
    city: str | None
    party_keys: tuple[str, ...]
    spans: tuple[Span, ...]
    evidence: tuple[Evidence, ...] = field(default=())
    #: How sure the extractor is (0–1) and why not more (``confidence.DOUBTS``' codes).
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MechanismFact:
    key: str
    kind: MechanismKind
    name: str
    location_keys: tuple[str, ...]
    party_keys: tuple[str, ...]
    spans: tuple[Span, ...]
    evidence: tuple[Evidence, ...] = field(default=())
    #: How sure the extractor is (0–1) and why not more (``confidence.DOUBTS``' codes).
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatementFact:
    key: str
    kind: StatementKind
    text: str
    verb: str
    meeting_key: str | None
    person_key: str | None
    organization_key: str | None
    spans: tuple[Span, ...]
    evidence: tuple[Evidence, ...] = field(default=())
    #: How sure the extractor is (0–1) and why not more (``confidence.DOUBTS``' codes).
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PresentationFact:
    key: str
    order: int
    topic: str
    meeting_key: str | None
    spans: tuple[Span, ...]
    evidence: tuple[Evidence, ...] = field(default=())
    #: How sure the extractor is (0–1) and why not more (``confidence.DOUBTS``' codes).
    confidence: float = 1.0
    doubts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one article. ``is_relevant`` is false when it holds nothing tracked."""

    language: str
    language_supported: bool
    published: dt.date | None
    is_relevant: bool
    meetings: tuple[MeetingFact, ...] = ()
    bodies: tuple[BodyFact, ...] = ()
    organizations: tuple[OrganizationFact, ...] = ()
    people: tuple[PersonFact, ...] = ()
    recommendations: tuple[RecommendationFact, ...] = ()
    action_plans: tuple[ActionPlanFact, ...] = ()
    agreements: tuple[AgreementFact, ...] = ()
    mechanisms: tuple[MechanismFact, ...] = ()
    statements: tuple[StatementFact, ...] = ()
    presentations: tuple[PresentationFact, ...] = ()
    warnings: tuple[str, ...] = ()
