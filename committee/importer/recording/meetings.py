"""Meetings and what happened at them: statements, participants, presentations."""

from __future__ import annotations

from typing import Any

from committee import arabic
from committee.bilateral import PartySide
from committee.importer import extraction, matching
from committee.importer.recording.base import (
    SAME_NAME,
    RecorderBase,
)
from committee.meetings.models import (
    AgendaItem,
    Meeting,
    MeetingOrganizer,
    MeetingStatus,
    Participation,
    ParticipationRole,
    Statement,
)
from committee.people.models import Organization, Person
from committee.subcommittees.models import Body


class MeetingRecorder(RecorderBase):
    # --- meetings ----------------------------------------------------------------------------

    def find_meeting(self, fact: extraction.MeetingFact) -> Meeting | None:
        meeting = self.known(Meeting, fact)
        if meeting is not None:
            return meeting
        body = self.get(fact.body_key, Body)
        same_kind = Meeting.objects.filter(kind=fact.kind)
        if fact.ordinal is not None:
            meeting = same_kind.filter(ordinal=fact.ordinal, body=body).first()
            if meeting is not None:
                return meeting
        city = self.place_names("city", fact.city).get("city_es")
        candidates: list[Meeting] = list(same_kind.filter(city_es=city)) if city else []
        for candidate in candidates:
            if fact.ordinal is not None and candidate.ordinal not in {None, fact.ordinal}:
                continue
            start = fact.start
            if (
                start
                and candidate.start_date
                and matching.dates_agree(
                    candidate.start_date, candidate.start_precision, start.value, start.precision
                )
            ):
                return candidate
        return None

    def record_meeting(self, fact: extraction.MeetingFact) -> Meeting:
        meeting = self.find_meeting(fact)
        created = meeting is None
        if meeting is None:
            meeting = Meeting(
                kind=fact.kind,
                status=fact.status,
                visibility=self.visibility(),
                original_language=self.language(),
            )
        country = (
            fact.country if fact.country in {"MA", "ES"} else ("other" if fact.country else "")
        )
        city = self.place_names("city", fact.city)
        if meeting.city_es and city and city["city_es"] != meeting.city_es:
            # Another city: none of its names fills this meeting's empty columns.
            self.propose(meeting, "city", city, fact, "city")
            city = {}
        values: dict[str, Any] = {
            "ordinal": fact.ordinal,
            "body": self.get(fact.body_key, Body),
            **self.translated(meeting, "title", fact.name),
            **self.translated(meeting, "theme", fact.theme),
            **city,
            "country": country,
            "host_side": fact.country if fact.country in {"MA", "ES"} else "",
        }
        changed = self.fill(meeting, values)
        changed += self.upgrade_dates(meeting, fact)
        self.save(meeting, created=created, changed=[] if created else changed)
        # A planned meeting the article reports held is proposed, not held: accepting holds it
        # as the admin does, through the meeting cycle, which freezes its follow-up report.
        if not created and meeting.status == MeetingStatus.PLANNED and fact.status == "held":
            self.propose(meeting, "status", {"status": MeetingStatus.HELD.value}, fact, "status")
        for key in fact.organizer_keys:
            organization = self.get(key, Organization)
            if (
                organization
                and not MeetingOrganizer.objects.filter(
                    meeting=meeting, organization=organization
                ).exists()
            ):
                MeetingOrganizer.objects.create(meeting=meeting, organization=organization)
                if not created:
                    self.enriched(meeting, "organisers")
        self.cite(meeting, fact)
        return meeting

    def upgrade_dates(self, meeting: Meeting, fact: extraction.MeetingFact) -> list[str]:
        """Take the article's dates when the meeting has none; propose them for review when
        they are more precise or different (a known date is never changed unseen)."""
        changed: list[str] = []
        for end, new in (("start", fact.start), ("end", fact.end)):
            if new is None:
                continue
            known, precision = getattr(meeting, f"{end}_date"), getattr(meeting, f"{end}_precision")
            if known is None:
                setattr(meeting, f"{end}_date", new.value)
                setattr(meeting, f"{end}_precision", new.precision)
                changed.append(f"{end}_date")
            elif matching.is_finer(new.precision, precision) or not matching.dates_agree(
                known, precision, new.value, new.precision
            ):
                columns = {f"{end}_date": new.value, f"{end}_precision": new.precision}
                self.propose(meeting, f"{end}_date", columns, fact, end, "date")
        if meeting.end_date and meeting.start_date and meeting.end_date < meeting.start_date:
            meeting.end_date, meeting.end_precision = None, ""
        if meeting.end_date and meeting.start_date is None:
            # «اختتم اليوم …» dates only the last day; a meeting needs a start to have an end, and
            # the last day is the one the article says it was held on.
            meeting.start_date, meeting.start_precision = meeting.end_date, meeting.end_precision
            changed.append("start_date")
            self.report.skipped.append(
                (
                    f"start date of «{meeting}»",
                    "the article gives only the last day; recorded it as the start too",
                )
            )
        return changed

    # --- what was said and shown at meetings -------------------------------------------------

    def record_statement(self, fact: extraction.StatementFact, order: int) -> Statement | None:
        meeting = self.get(fact.meeting_key, Meeting)
        person = self.get(fact.person_key, Person)
        if meeting is None or person is None:
            self.report.skipped.append(
                (f"statement «{fact.text[:40]}…»", "no speaker or meeting identified")
            )
            return None
        statement = self.known(Statement, fact)
        if statement is None:
            candidates = [
                (s, self.own(s, "quote"))
                for s in Statement.objects.filter(meeting=meeting, person=person)
            ]
            statement = matching.most_similar(candidates, fact.text, threshold=0.8)
        created = statement is None
        if statement is None:
            statement = Statement(
                meeting=meeting,
                person=person,
                order=order,
                is_verbatim=fact.kind == "direct",
                visibility=self.visibility(),
                original_language=self.language(),
            )
        changed = self.fill(statement, self.translated(statement, "quote", fact.text))
        self.save(statement, created=created, changed=[] if created else changed)
        self.cite(statement, fact)
        self.record_participation(meeting, person)
        return statement

    def record_participation(self, meeting: Meeting, person: Person) -> None:
        if (
            Participation.objects.filter(meeting=meeting, person=person).exists()
            or person.side not in PartySide.values
        ):
            return
        heads = person.position_ar and "المدير العام" in arabic.normalize(
            person.position_ar
        ).replace("ة", "ه")
        role = ParticipationRole.HEAD_OF_DELEGATION if heads else ParticipationRole.SPEAKER
        self.save(
            Participation(
                meeting=meeting,
                person=person,
                side=person.side,
                role=role,
                visibility=self.visibility(),
            ),
            created=True,
            changed=[],
        )

    def record_presentation(self, fact: extraction.PresentationFact) -> AgendaItem | None:
        meeting = self.get(fact.meeting_key, Meeting)
        if meeting is None:
            self.report.skipped.append(
                (f"presentation «{fact.topic[:40]}»", "no meeting identified")
            )
            return None
        item = self.known(AgendaItem, fact)
        if item is None:
            candidates = [
                (i, self.own(i, "title")) for i in AgendaItem.objects.filter(meeting=meeting)
            ]
            item = matching.most_similar(candidates, fact.topic, threshold=SAME_NAME)
        created = item is None
        if item is None:
            order = AgendaItem.objects.filter(meeting=meeting).count() + 1
            item = AgendaItem(
                meeting=meeting,
                order=order,
                visibility=self.visibility(),
                original_language=self.language(),
            )
        changed = self.fill(item, self.translated(item, "title", fact.topic))
        self.save(item, created=created, changed=[] if created else changed)
        self.cite(item, fact)
        return item
