"""Two-key decisions (docs/design.md §5): one delegation proposes, the other confirms or rejects."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from committee.bilateral import Decision, Side, Visibility
from committee.recommendations import services
from committee.recommendations.models import (
    PublicationRequest,
    RecommendationRelation,
    Status,
    StatusChange,
)
from committee.write_paths import through_service
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.server]


def test_an_everyday_change_takes_effect_at_once_by_one_side(ma_seated, rec):
    change = services.propose_status_change(recommendation=rec, by=ma_seated, to_status="on_hold")
    rec.refresh_from_db()
    assert rec.status == Status.ON_HOLD
    assert change.decision == Decision.EFFECTIVE
    assert (change.proposed_by, change.decided_by) == (ma_seated, ma_seated)
    assert rec.version == 2


def test_closing_waits_for_the_other_delegation(ma_seated, rec):
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="implemented"
    )
    rec.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS
    assert change.decision == Decision.PENDING
    assert StatusChange.objects.awaiting(Side.ES).get() == change


def test_a_member_cannot_confirm_their_own_sides_proposal(ma_seated, rec, body):
    other_ma = f.UserFactory(username="ma_other", side=Side.MA, person=f.PersonFactory())
    f.MembershipFactory(body=body, person=other_ma.person, side=Side.MA)
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="implemented"
    )
    with pytest.raises(PermissionDenied):
        services.confirm_status_change(change=change, by=other_ma)
    with pytest.raises(PermissionDenied):
        services.confirm_status_change(change=change, by=ma_seated)
    rec.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS


def test_the_database_refuses_a_confirmation_by_the_proposing_side(ma_seated, rec):
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="implemented"
    )
    # past the services' guard, the constraint still refuses it
    with pytest.raises(IntegrityError), transaction.atomic(), through_service():
        StatusChange.objects.filter(pk=change.pk).update(
            decision="confirmed",
            decided_by=ma_seated,
            decided_side=Side.MA,
            decided_at=change.proposed_at,
        )


def test_the_database_refuses_closing_with_one_key(ma_seated, rec):
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusChange.objects.create(
            recommendation=rec,
            from_status="in_progress",
            to_status="implemented",
            proposed_by=ma_seated,
            proposed_side=Side.MA,
            decision=Decision.EFFECTIVE,
            decided_by=ma_seated,
            decided_side=Side.MA,
            decided_at=rec.created_at,
        )


def test_the_other_side_confirms_and_only_then_the_record_changes(ma_seated, es_seated, rec):
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="implemented", reason="Done in 2015"
    )
    services.confirm_status_change(change=change, by=es_seated)
    rec.refresh_from_db()
    change.refresh_from_db()
    assert (rec.status, rec.completion) == (Status.IMPLEMENTED, "complete")
    assert change.decision == Decision.CONFIRMED
    assert (change.proposed_by, change.proposed_side) == (ma_seated, Side.MA)
    assert (change.decided_by, change.decided_side) == (es_seated, Side.ES)
    assert change.decided_at >= change.proposed_at


def test_a_rejection_needs_a_reason_and_changes_nothing(ma_seated, es_seated, rec):
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="implemented"
    )
    with pytest.raises(ValidationError):
        services.reject_status_change(change=change, by=es_seated, reason="  ")
    services.reject_status_change(change=change, by=es_seated, reason="The seminar was not held")
    rec.refresh_from_db()
    change.refresh_from_db()
    assert rec.status == Status.IN_PROGRESS
    assert (change.decision, change.decision_reason) == (
        Decision.REJECTED,
        "The seminar was not held",
    )


def test_not_implemented_needs_a_reason(ma_seated, rec):
    with pytest.raises(ValidationError):
        services.propose_status_change(
            recommendation=rec, by=ma_seated, to_status="not_implemented"
        )


def test_superseded_names_its_successor_and_records_the_relation(ma_seated, es_seated, rec, body):
    successor = f.RecommendationFactory(body=body, visibility=Visibility.COMMITTEE)
    with pytest.raises(ValidationError):
        services.propose_status_change(recommendation=rec, by=ma_seated, to_status="superseded")
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="superseded", superseded_by=successor
    )
    services.confirm_status_change(change=change, by=es_seated)
    rec.refresh_from_db()
    assert rec.status == Status.SUPERSEDED
    assert rec.status_reason == successor.reference
    assert RecommendationRelation.objects.filter(
        source=successor, kind="supersedes", target=rec
    ).exists()


def test_reopening_needs_both_keys(ma_seated, es_seated, body):
    closed = f.RecommendationFactory(
        body=body, visibility=Visibility.COMMITTEE, status="implemented", completion="complete"
    )
    change = services.propose_status_change(
        recommendation=closed, by=es_seated, to_status="in_progress", completion="substantial"
    )
    assert change.decision == Decision.PENDING
    services.confirm_status_change(change=change, by=ma_seated)
    closed.refresh_from_db()
    assert (closed.status, closed.completion) == (Status.IN_PROGRESS, "substantial")


def test_one_proposal_at_a_time(ma_seated, rec):
    services.propose_status_change(recommendation=rec, by=ma_seated, to_status="implemented")
    with pytest.raises(ValidationError):
        services.propose_status_change(recommendation=rec, by=ma_seated, to_status="on_hold")


def test_the_proposing_side_may_withdraw_but_not_the_other(ma_seated, es_seated, rec):
    change = services.propose_status_change(
        recommendation=rec, by=ma_seated, to_status="implemented"
    )
    with pytest.raises(PermissionDenied):
        services.withdraw_status_change(change=change, by=es_seated)
    services.withdraw_status_change(change=change, by=ma_seated)
    assert StatusChange.objects.get(pk=change.pk).decision == Decision.WITHDRAWN


def test_a_member_outside_the_body_cannot_propose(rec):
    outsider = f.UserFactory(username="outsider", person=f.PersonFactory())
    with pytest.raises(PermissionDenied):
        services.propose_status_change(recommendation=rec, by=outsider, to_status="on_hold")


def test_without_a_body_only_the_secretariat_acts(ma_member, ma_secretariat, es_secretariat):
    orphan = f.RecommendationFactory(body=None, visibility=Visibility.COMMITTEE)
    with pytest.raises(PermissionDenied):
        services.propose_status_change(recommendation=orphan, by=ma_member, to_status="on_hold")
    change = services.propose_status_change(
        recommendation=orphan, by=ma_secretariat, to_status="implemented"
    )
    services.confirm_status_change(change=change, by=es_secretariat)
    orphan.refresh_from_db()
    assert orphan.status == Status.IMPLEMENTED


def test_a_stale_proposal_is_refused(ma_seated, rec):
    with pytest.raises(services.StaleEdit):
        services.propose_status_change(
            recommendation=rec, by=ma_seated, to_status="on_hold", seen_version=rec.version - 1
        )


def test_a_proposal_mails_the_other_sides_co_chair_and_focal_point_in_their_language(
    ma_seated, es_co_chair, es_focal_point, es_seated, rec, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.propose_status_change(recommendation=rec, by=ma_seated, to_status="implemented")
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([es_co_chair.email, es_focal_point.email])
    assert es_seated.email not in recipients
    assert ma_seated.email not in recipients
    by_address = {message.to[0]: message for message in mail.outbox}
    assert rec.reference in by_address[es_co_chair.email].subject
    assert "/es/me/" in by_address[es_co_chair.email].body
    assert "/fr/me/" in by_address[es_focal_point.email].body


def test_nothing_is_mailed_when_the_transaction_rolls_back(
    ma_seated, es_co_chair, rec, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.propose_status_change(recommendation=rec, by=ma_seated, to_status="implemented")
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_nobody_is_mailed_about_a_record_they_cannot_see(
    ma_seated, es_co_chair, body, django_capture_on_commit_callbacks, ma_secretariat
):
    private = f.RecommendationFactory(body=body, visibility=Visibility.MA)
    with django_capture_on_commit_callbacks(execute=True):
        services.propose_status_change(
            recommendation=private, by=ma_seated, to_status="implemented"
        )
    assert es_co_chair.email not in [m.to[0] for m in mail.outbox]


# --- Publication ---------------------------------------------------------------------------------


def test_publication_takes_both_delegations(ma_seated, es_seated, rec):
    request = services.propose_publication(record=rec, by=ma_seated, reason="Press release")
    rec.refresh_from_db()
    assert rec.visibility == Visibility.COMMITTEE
    with pytest.raises(PermissionDenied):
        services.confirm_publication(request=request, by=ma_seated)
    services.confirm_publication(request=request, by=es_seated)
    rec.refresh_from_db()
    request.refresh_from_db()
    assert rec.visibility == Visibility.PUBLIC
    assert (request.decided_by, request.decided_side) == (es_seated, Side.ES)


def test_a_rejected_publication_keeps_the_record_for_the_committee(ma_seated, es_seated, rec):
    request = services.propose_publication(record=rec, by=ma_seated)
    services.reject_publication(request=request, by=es_seated, reason="Operational details")
    rec.refresh_from_db()
    assert rec.visibility == Visibility.COMMITTEE
    assert PublicationRequest.objects.get().decision == Decision.REJECTED


def test_only_committee_records_can_be_proposed_for_publication(ma_seated, body):
    private = f.RecommendationFactory(body=body, visibility=Visibility.MA)
    with pytest.raises(ValidationError):
        services.propose_publication(record=private, by=ma_seated)


def test_the_database_refuses_a_publication_decided_by_the_proposing_side(ma_seated, rec):
    request = services.propose_publication(record=rec, by=ma_seated)
    with pytest.raises(IntegrityError), transaction.atomic(), through_service():
        PublicationRequest.objects.filter(pk=request.pk).update(
            decision="confirmed",
            decided_by=ma_seated,
            decided_side=Side.MA,
            decided_at=request.proposed_at,
        )


def test_a_published_progress_update_can_be_proposed_for_publication(ma_seated, es_seated, rec):
    update = services.record_progress(
        recommendation=rec,
        author=ma_seated,
        as_of=rec.created_at.date(),
        narrative="دورة تكوينية",
        language="ar",
    )
    with pytest.raises(ValidationError):
        services.propose_publication(record=update, by=ma_seated)
    update = services.publish_progress(update=update, by=ma_seated)
    request = services.propose_publication(record=update, by=ma_seated)
    services.confirm_publication(request=request, by=es_seated)
    update.refresh_from_db()
    assert update.visibility == Visibility.PUBLIC
