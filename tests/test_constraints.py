"""Business invariants are database constraints: violating rows are refused by PostgreSQL itself."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from committee.bilateral import Side
from committee.recommendations.models import Completion, Decision, Status
from committee.sources.models import SourceDocument
from committee.subcommittees.models import MembershipRole
from committee.write_paths import through_service
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.server]


def refused(**expected):
    """Expect the database to refuse the write, naming ``expected['constraint']`` when given."""
    return pytest.raises(IntegrityError, match=expected.get("constraint", ""))


@pytest.mark.parametrize("reference", ["", "SEM2/2014", "R 01", '"><script>', "-R1"])
def test_a_reference_is_made_of_letters_digits_dots_and_dashes(reference):
    with refused(constraint="recommendations_reference_form"), transaction.atomic():
        f.RecommendationFactory(reference=reference)


def test_recommendation_references_are_unique():
    f.RecommendationFactory(reference="SEM2-2014-R01")
    with refused(constraint="reference"), transaction.atomic():
        f.RecommendationFactory(reference="SEM2-2014-R01")


def test_the_same_article_cannot_be_stored_twice():
    source = f.SourceDocumentFactory()
    with refused(constraint="sha256"), transaction.atomic():
        f.SourceDocumentFactory(text=source.text)


def test_a_source_hash_must_be_hexadecimal():
    source = f.SourceDocumentFactory()
    with refused(constraint="sources_document_sha256_hex"), transaction.atomic():
        SourceDocument.objects.filter(pk=source.pk).update(sha256="not a hash")


def test_one_active_co_chair_per_side_per_body():
    body = f.BodyFactory()
    f.MembershipFactory(body=body, side=Side.MA, role=MembershipRole.CO_CHAIR)
    f.MembershipFactory(body=body, side=Side.ES, role=MembershipRole.CO_CHAIR)
    with refused(constraint="subcommittees_one_active_co_chair_per_side"), transaction.atomic():
        f.MembershipFactory(body=body, side=Side.MA, role=MembershipRole.CO_CHAIR)


def test_a_former_co_chair_does_not_block_the_next():
    body = f.BodyFactory()
    f.MembershipFactory(
        body=body,
        side=Side.MA,
        role=MembershipRole.CO_CHAIR,
        start_date=dt.date(2013, 11, 1),
        end_date=dt.date(2015, 1, 1),
    )
    f.MembershipFactory(
        body=body, side=Side.MA, role=MembershipRole.CO_CHAIR, start_date=dt.date(2015, 1, 1)
    )


def test_a_membership_cannot_end_before_it_starts():
    with refused(constraint="subcommittees_membership_ends_after_start"), transaction.atomic():
        f.MembershipFactory(start_date=dt.date(2015, 1, 1), end_date=dt.date(2014, 1, 1))


def test_a_meeting_cannot_end_before_it_starts():
    with refused(constraint="meetings_meeting_ends_after_start"), transaction.atomic():
        f.MeetingFactory(start_date=dt.date(2014, 3, 7), end_date=dt.date(2014, 3, 6))


@pytest.mark.parametrize(
    ("date", "precision", "constraint"),
    [
        (dt.date(2013, 11, 25), "month", "meetings_meeting_start_month_is_first_day"),
        (dt.date(2013, 11, 1), "year", "meetings_meeting_start_year_is_first_january"),
        (dt.date(2013, 11, 1), "week", "meetings_meeting_start_precision_valid"),
        (dt.date(2013, 11, 1), "", "meetings_meeting_start_precision_valid"),
        (None, "day", "meetings_meeting_start_precision_valid"),
    ],
)
def test_a_partial_date_agrees_with_its_precision(date, precision, constraint):
    with refused(constraint=constraint), transaction.atomic():
        f.MeetingFactory(
            start_date=date, start_precision=precision, end_date=None, end_precision=""
        )


def test_a_month_precise_date_on_the_first_is_accepted():
    f.MeetingFactory(
        start_date=dt.date(2013, 11, 1), start_precision="month", end_date=None, end_precision=""
    )


@pytest.mark.parametrize(
    ("field", "value", "constraint"),
    [
        ("status", "finished", "recommendations_status_valid"),
        ("completion", "most", "recommendations_completion_valid"),
        ("visibility", "everyone", "visibility_valid"),
        ("original_language", "de", "original_language_valid"),
        ("lead_side", "FR", "recommendations_lead_side_valid"),
    ],
)
def test_a_recommendation_takes_only_known_values(field, value, constraint):
    with refused(constraint=constraint), transaction.atomic():
        f.RecommendationFactory(**{field: value})


def test_an_implemented_recommendation_is_complete():
    with refused(constraint="recommendations_implemented_is_complete"), transaction.atomic():
        f.RecommendationFactory(status=Status.IMPLEMENTED, completion=Completion.LIMITED)


def test_not_implemented_needs_a_reason():
    with (
        refused(constraint="recommendations_closing_without_success_has_reason"),
        transaction.atomic(),
    ):
        f.RecommendationFactory(status=Status.NOT_IMPLEMENTED, status_reason="")


def test_the_authentic_text_exists_in_the_original_language():
    with refused(constraint="recommendations_text_in_original_language"), transaction.atomic():
        f.RecommendationFactory(original_language="es", text_es="", text_ar="نص")


def test_a_status_change_is_decided_by_the_other_side():
    change = f.StatusChangeFactory(proposed_side=Side.MA)
    decider = f.UserFactory(side=Side.MA)
    change.decision = Decision.CONFIRMED
    change.decided_by = decider
    change.decided_side = Side.MA
    change.decided_at = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    with (
        refused(constraint="recommendations_statuschange_other_side_decides"),
        transaction.atomic(),
        through_service(),  # past the services' guard, the constraint still refuses it
    ):
        change.save()


def test_a_rejection_gives_a_reason():
    change = f.StatusChangeFactory(proposed_side=Side.MA)
    change.decision = Decision.REJECTED
    change.decided_by = f.UserFactory(side=Side.ES)
    change.decided_side = Side.ES
    change.decided_at = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    with (
        refused(constraint="recommendations_statuschange_rejection_has_reason"),
        transaction.atomic(),
        through_service(),  # past the services' guard, the constraint still refuses it
    ):
        change.save()


def test_only_one_proposal_waits_per_recommendation():
    change = f.StatusChangeFactory()
    with refused(constraint="recommendations_one_pending_change"), transaction.atomic():
        f.StatusChangeFactory(recommendation=change.recommendation)


def test_a_user_belongs_to_a_delegation_unless_operator():
    with refused(constraint="people_user_side_required_unless_superuser"), transaction.atomic():
        f.UserFactory(side="")
    f.UserFactory(username="root", side="", is_superuser=True)


def test_a_published_progress_update_has_its_publication_date():
    with refused(constraint="recommendations_progress_published_has_date"), transaction.atomic():
        f.ProgressUpdateFactory(state="published", published_at=None)


def test_a_meeting_is_identifiable():
    with refused(constraint="meetings_meeting_identifiable"), transaction.atomic():
        f.MeetingFactory(title_ar="", title_es="", ordinal=None)


def test_the_same_ordinal_is_not_given_twice_in_a_series():
    f.MeetingFactory(ordinal=2)
    with refused(constraint="meetings_meeting_one_per_ordinal"), transaction.atomic():
        f.MeetingFactory(ordinal=2)


def test_a_citation_span_is_not_empty():
    with refused(constraint="sources_citation_span_not_empty"), transaction.atomic():
        f.CitationFactory(start=5, end=5)


def test_bodies_with_recommendations_cannot_be_deleted():
    recommendation = f.RecommendationFactory()
    with pytest.raises(ProtectedError):
        recommendation.body.delete()


def test_a_meeting_that_adopted_recommendations_cannot_be_deleted():
    adoption = f.AdoptionFactory()
    with pytest.raises(ProtectedError):
        adoption.meeting.delete()


def test_a_source_with_citations_cannot_be_deleted():
    citation = f.CitationFactory()
    with pytest.raises(ProtectedError):
        citation.source.delete()
