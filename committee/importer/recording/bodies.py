"""Bodies and their co-chairs."""

from __future__ import annotations

from typing import Any

from committee.importer import extraction, matching
from committee.importer.recording.base import (
    SAME_TEXT,
    RecorderBase,
)
from committee.meetings.models import (
    Meeting,
)
from committee.people.models import Person
from committee.subcommittees.models import Body, BodyKind, BodyStatus, Membership, MembershipRole


class BodyRecorder(RecorderBase):
    # --- bodies ------------------------------------------------------------------------------

    def find_body(self, fact: extraction.BodyFact) -> Body | None:
        body = self.known(Body, fact)
        if body is not None:
            return body
        same_kind = Body.objects.filter(kind=fact.kind)
        if fact.kind in {BodyKind.STRATEGIC_COMMITTEE, BodyKind.FOLLOW_UP_COMMITTEE}:
            return same_kind.order_by("pk").first()  # one of each in the framework
        candidates = [(b, f"{self.own(b, 'name')} {self.own(b, 'mandate')}") for b in same_kind]
        return matching.most_similar(
            candidates, f"{fact.name} {fact.mandate or ''}", threshold=SAME_TEXT
        )

    def record_body(self, fact: extraction.BodyFact) -> Body:
        body = self.find_body(fact)
        created = body is None
        if body is None:
            body = Body(
                kind=fact.kind,
                status=fact.status,
                visibility=self.visibility(),
                original_language=self.language(),
            )
        values: dict[str, Any] = {
            **self.translated(body, "name", fact.name),
            **self.translated(body, "mandate", fact.mandate),
            "parent": self.get(fact.parent_key, Body),
            "created_at_meeting": self.get(fact.established_at_meeting_key, Meeting),
        }
        changed = self.fill(body, values)
        established = fact.established
        if established and body.established_date is None:
            body.established_date, body.established_precision = (
                established.value,
                established.precision,
            )
            changed.append("established_date")
        elif established and (
            matching.is_finer(established.precision, body.established_precision)
            or not matching.dates_agree(
                body.established_date,
                body.established_precision,
                established.value,
                established.precision,
            )
        ):
            # A known founding date is never changed unseen, even to a more precise one.
            columns = {
                "established_date": established.value,
                "established_precision": established.precision,
            }
            self.propose(body, "established_date", columns, fact, "established")
        self.save(body, created=created, changed=[] if created else changed)
        if not created and fact.status == "active" and body.status == BodyStatus.PROPOSED:
            self.propose(body, "status", {"status": BodyStatus.ACTIVE.value}, fact, "status")
        self.cite(body, fact)
        return body

    def record_chairs(self, fact: extraction.BodyFact, body: Body) -> None:
        for chair in fact.chairs:
            person = self.get(chair.person_key, Person)
            side = chair.side or (person.side if person else None)
            if person is None or side not in {"MA", "ES"}:
                continue
            active = Membership.objects.filter(
                body=body, side=side, role=MembershipRole.CO_CHAIR, end_date__isnull=True
            ).first()
            if active is None:
                membership = Membership(
                    body=body,
                    person=person,
                    side=side,
                    role=MembershipRole.CO_CHAIR,
                    visibility=self.visibility(),
                )
                self.save(membership, created=True, changed=[])
            elif active.person_id != person.pk:
                self.report.skipped.append(
                    (
                        f"co-chair of «{body}» for {side}",
                        f"«{active.person}» is the current co-chair",
                    )
                )
