"""The shape of a demo plan: tables of rows in loading order, with foreign keys as positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models

from committee.meetings.models import Meeting, Participation
from committee.people.models import Organization, Person, PersonAlias, User
from committee.recommendations.models import (
    Adoption,
    ProgressUpdate,
    Recommendation,
    RecommendationRelation,
    StatusChange,
)
from committee.sources.models import Citation, SourceDocument
from committee.subcommittees.models import Body, Membership

#: Every demo recommendation's reference starts with this (and nothing else's should).
REFERENCE_PREFIX = "DEMO"
#: Every demo account's user name starts with this.
USERNAME_PREFIX = "demo-"


@dataclass(frozen=True)
class Ref:
    """A foreign key to the row at ``position`` of ``table``, resolved when loading."""

    table: str
    position: int


@dataclass
class Table:
    model: type[models.Model]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, **row: Any) -> int:
        self.rows.append(row)
        return len(self.rows) - 1


@dataclass
class Plan:
    scale: int
    seed: int
    #: In loading order: a table's rows refer only to tables before it (or to itself).
    tables: dict[str, Table]

    def counts(self) -> dict[str, int]:
        return {name: len(table.rows) for name, table in self.tables.items()}


TABLES: tuple[tuple[str, type[models.Model]], ...] = (
    ("organizations", Organization),
    ("people", Person),
    ("aliases", PersonAlias),
    ("users", User),
    ("bodies", Body),
    ("memberships", Membership),
    ("meetings", Meeting),
    ("participations", Participation),
    ("recommendations", Recommendation),
    ("adoptions", Adoption),
    ("relations", RecommendationRelation),
    ("progress", ProgressUpdate),
    ("status_changes", StatusChange),
    ("sources", SourceDocument),
    ("citations", Citation),
)
