"""Turning one article's facts into records: match what exists, enrich it, create the rest.

``ArticleRecorder`` is used by ``committee.importer.services.import_article`` inside one
transaction. Each ``record_*`` method handles one kind of fact: it finds the existing record
(``committee.importer.matching``), fills what is still empty, proposes for review what the
article says differently (``RecorderBase.propose``: another city, a day instead of a month,
«held» instead of «planned»), creates what is new, and cites the words every record came from.
Nothing already recorded is overwritten.
"""

from __future__ import annotations

from committee.importer.recording.agreements import AgreementRecorder
from committee.importer.recording.bodies import BodyRecorder
from committee.importer.recording.meetings import MeetingRecorder
from committee.importer.recording.people import PeopleRecorder
from committee.importer.recording.recommendations import RecommendationRecorder


class ArticleRecorder(
    PeopleRecorder, MeetingRecorder, BodyRecorder, RecommendationRecorder, AgreementRecorder
):
    # --- the whole article -------------------------------------------------------------------

    def record_all(self) -> None:
        """Every fact, in an order where each finds the records it refers to."""
        for organization in self.article.organizations:
            self.records[organization.key] = self.record_organization(organization)
        for person in self.article.people:
            self.records[person.key] = self.record_person(person)
        bodies_first = sorted(self.article.bodies, key=lambda body: body.parent_key is not None)
        meetings = sorted(self.article.meetings, key=lambda meeting: meeting.body_key is not None)
        for meeting in (m for m in meetings if m.body_key is None):
            self.records[meeting.key] = self.record_meeting(meeting)
        for body in bodies_first:
            self.records[body.key] = self.record_body(body)
        for meeting in (m for m in meetings if m.body_key is not None):
            self.records[meeting.key] = self.record_meeting(meeting)
        for body in self.article.bodies:
            self.record_chairs(body, self.records[body.key])  # type: ignore[arg-type]
        for recommendation in sorted(
            self.article.recommendations, key=lambda r: (r.parent_key is not None, r.order)
        ):
            self.records[recommendation.key] = self.record_recommendation(recommendation)
        for plan in self.article.action_plans:
            self.records[plan.key] = self.record_plan(plan)
        for agreement in self.article.agreements:
            self.records[agreement.key] = self.record_agreement(agreement)
        for mechanism in self.article.mechanisms:
            self.records[mechanism.key] = self.record_mechanism(mechanism)
        for order, statement in enumerate(self.article.statements, start=1):
            self.record_statement(statement, order)
        for presentation in self.article.presentations:
            self.record_presentation(presentation)
        touched = {(c.model, c.pk) for c in (*self.report.created, *self.report.updated)}
        self.report.unchanged = len(self.seen - touched)
