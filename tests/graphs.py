"""Random graphs of linked records, a random visibility at every level, each record holding a
canary string of its own; and an oracle that says, from the graph alone, who may see what.

Used by tests/test_bilateral_chains.py (``is_visible`` agrees with ``visible_to``), by
tests/security/test_leaks.py (no page shows a canary its reader may not see) and by
benchmarks/leaks.py (the same, for many graphs).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone

from committee.bilateral import Visibility
from committee.meetings.models import Minutes
from committee.recommendations.models import Evidence, PeriodCheck, UpdateState
from tests import factories as f

LEVELS = Visibility.values


@dataclass
class Node:
    """A record of the graph, what it depends on, and its canary."""

    record: models.Model
    visibility: str | None  # None: no level of its own (evidence)
    through: list[Node | None] = field(default_factory=list)
    canary: str = ""


@dataclass
class Graph:
    nodes: list[Node]
    _hidden: dict[frozenset[str], set[int]] = field(default_factory=dict)

    def visible(self, node: Node, levels: frozenset[str]) -> bool:
        """The oracle: its own level and every record it depends on, all the way up.

        Computed as a fixed point, not a walk: hidden are the records whose own level is not
        among ``levels``, then every record that depends on a hidden one, until nothing changes
        (so a cycle of keys hides nothing by itself).
        """
        key = frozenset(levels)
        if key not in self._hidden:
            hidden = {
                id(n) for n in self.nodes if n.visibility is not None and n.visibility not in key
            }
            changed = True
            while changed:
                changed = False
                for n in self.nodes:
                    if id(n) not in hidden and any(
                        p is not None and id(p) in hidden for p in n.through
                    ):
                        hidden.add(id(n))
                        changed = True
            self._hidden[key] = hidden
        return id(node) not in self._hidden[key]

    def canaries(self) -> dict[str, Node]:
        return {node.canary: node for node in self.nodes if node.canary}


def _all_languages(prefix: str, text: str) -> dict[str, str]:
    return {f"{prefix}_{language}": text for language in ("ar", "es", "fr", "en")}


def build(rng: random.Random, tag: str, author: Any) -> Graph:
    """A random graph; canaries are ``zqx{tag}{kind}{n}q`` (lower case, unique)."""
    nodes: list[Node] = []
    counter = iter(range(10_000))

    def canary(kind: str) -> str:
        return f"zqx{tag}{kind}{next(counter)}q"

    def level() -> str:
        return rng.choice(LEVELS)

    def add(node: Node) -> Node:
        nodes.append(node)
        return node

    def followed_up(rec_node: Node, meetings: list[Node], standing: bool) -> None:
        """Its progress updates, their evidence, a status change, a period check."""
        rec = rec_node.record
        for _ in range(rng.randint(0, 2)):
            name = canary("update")
            vis = level()
            update = f.ProgressUpdateFactory(
                recommendation=rec,
                author=author,
                side=author.side,
                **_all_languages("narrative", f"Progress {name}"),
                state=UpdateState.PUBLISHED,
                published_at=timezone.now(),
                visibility=vis,
            )
            update_node = add(Node(update, vis, [rec_node], name))
            if rng.random() < 0.5:
                name = canary("evidence")
                evidence = Evidence(
                    progress_update=update,
                    original_name=f"{name}.pdf",
                    content_type="application/pdf",
                    size=9,
                    sha256="0" * 64,
                )
                evidence.file.save("e.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
                evidence.save()
                add(Node(evidence, None, [update_node], name))
        if rng.random() < 0.5:
            name = canary("change")
            vis = level()
            change = f.StatusChangeFactory(
                recommendation=rec,
                proposed_by=author,
                proposed_side=author.side,
                reason=f"Reason {name}",
                visibility=vis,
            )
            add(Node(change, vis, [rec_node], name))
        if standing and rng.random() < 0.7:
            meeting = rng.choice([None, *meetings])
            name = canary("check")
            vis = level()
            check = PeriodCheck.objects.create(
                recommendation=rec,
                year=2015,
                met=rng.random() < 0.5,
                meeting=meeting.record if meeting else None,
                note=f"Note {name}",
                visibility=vis,
            )
            add(Node(check, vis, [rec_node, meeting], name))

    bodies: list[Node] = []
    for _ in range(rng.randint(1, 4)):
        parent = rng.choice([None, *bodies])
        name = canary("body")
        vis = level()
        body = f.BodyFactory(
            **_all_languages("name", f"Body {name}"),
            parent=parent.record if parent else None,
            visibility=vis,
        )
        bodies.append(add(Node(body, vis, [parent], name)))
    if rng.random() < 0.3:  # a cycle in the chain of bodies
        first, last = bodies[0], bodies[-1]
        if first is not last:
            first.record.parent = last.record
            first.record.save()
            first.through = [last]

    people: list[Node] = []
    for _ in range(rng.randint(1, 2)):
        vis = level()
        people.append(add(Node(f.PersonFactory(visibility=vis), vis, [])))

    meetings: list[Node] = []
    for _ in range(rng.randint(1, 3)):
        body = rng.choice([None, *bodies])
        name = canary("meeting")
        vis = level()
        meeting = f.MeetingFactory(
            **_all_languages("title", f"Meeting {name}"),
            body=body.record if body else None,
            start_date=dt.date(rng.randint(2010, 2016), 5, 4),
            end_date=None,
            end_precision="",
            status="held",
            visibility=vis,
        )
        meetings.append(add(Node(meeting, vis, [body], name)))
        if rng.random() < 0.6:
            person = rng.choice(people)
            name = canary("statement")
            vis = level()
            statement = f.StatementFactory(
                meeting=meeting,
                person=person.record,
                **_all_languages("quote", f"Said {name}"),
                visibility=vis,
            )
            add(Node(statement, vis, [meetings[-1], person], name))
        if rng.random() < 0.6:
            name = canary("minutes")
            vis = level()
            minutes = Minutes.objects.create(
                meeting=meeting,
                language="ar",
                text=f"Minutes {name}",
                state="adopted",
                adopted_at=timezone.now(),
                drafted_by=author,
                drafted_side=author.side,
                visibility=vis,
            )
            add(Node(minutes, vis, [meetings[-1], None], name))

    for _ in range(rng.randint(1, 4)):
        body = rng.choice([None, *bodies])
        name = canary("rec")
        vis = level()
        standing = rng.random() < 0.5
        rec = f.RecommendationFactory(
            reference=name.upper(),
            **_all_languages("text", f"Recommendation {name}"),
            body=body.record if body else None,
            kind="standing" if standing else "one_off",
            status=rng.choice(["adopted", "in_progress"]),
            visibility=vis,
        )
        rec_node = add(Node(rec, vis, [body], name))
        adopted_at = rng.sample(meetings, k=rng.randint(0, len(meetings)))
        for index, meeting in enumerate(adopted_at):
            f.AdoptionFactory(
                recommendation=rec,
                meeting=meeting.record,
                kind="adopted" if index == 0 else "reiterated",
            )
        followed_up(rec_node, meetings, standing)
    return Graph(nodes)
