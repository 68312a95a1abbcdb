"""Minutes: drafted by the secretariat, approved once by each delegation, then locked."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, transaction

from committee.bilateral import Visibility
from committee.meetings import services as service
from committee.meetings.models import Minutes, MinutesApproval, MinutesState
from committee.write_paths import through_service
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.server]


@pytest.fixture
def item(db):
    meeting = f.MeetingFactory(visibility=Visibility.COMMITTEE)
    return f.AgendaItemFactory(meeting=meeting, visibility=Visibility.COMMITTEE)


@pytest.fixture
def draft(item, ma_secretariat):
    return service.draft_minutes(
        meeting=item.meeting,
        agenda_item=item,
        language="es",
        text="Se presentó el balance de la cooperación.",
        by=ma_secretariat,
    )


def test_a_draft_is_version_one_of_its_item_and_language(draft, item, ma_secretariat):
    assert (draft.number, draft.state, draft.language) == (1, MinutesState.DRAFT, "es")
    assert draft.agenda_item == item and draft.drafted_side == "MA"
    assert draft.visibility == Visibility.COMMITTEE  # the item's, unless chosen


def test_both_delegations_approve_then_the_minutes_are_adopted_and_dated(
    draft, ma_secretariat, es_secretariat
):
    service.approve_minutes(minutes=draft, by=es_secretariat)
    draft.refresh_from_db()
    assert draft.state == MinutesState.DRAFT and draft.adopted_at is None
    adopted = service.approve_minutes(minutes=draft, by=ma_secretariat)
    assert adopted.state == MinutesState.ADOPTED
    assert adopted.adopted_at is not None
    assert sorted(draft.approvals.values_list("side", flat=True)) == ["ES", "MA"]


def test_one_delegation_approves_a_version_once(draft, ma_secretariat, superuser):
    service.approve_minutes(minutes=draft, by=ma_secretariat)
    other_ma = f.UserFactory(
        username="ma_secretariat_2", side="MA", role="secretariat", is_staff=True
    )
    with pytest.raises(ValidationError, match="already"):
        service.approve_minutes(minutes=draft, by=other_ma)
    with pytest.raises(ValidationError, match="already"):
        service.approve_minutes(minutes=draft, by=ma_secretariat)
    assert draft.approvals.count() == 1
    # and the database says so too, whoever writes
    with pytest.raises(IntegrityError), transaction.atomic():
        MinutesApproval.objects.create(minutes=draft, side="MA", approved_by=other_ma)


def test_adopted_minutes_cannot_be_approved_again(draft, ma_secretariat, es_secretariat):
    service.approve_minutes(minutes=draft, by=ma_secretariat)
    service.approve_minutes(minutes=draft, by=es_secretariat)
    with pytest.raises(ValidationError, match="adopted already"):
        service.approve_minutes(minutes=draft, by=es_secretariat)
    assert draft.approvals.count() == 2


def test_members_observers_and_operators_hold_no_key(draft, ma_member, superuser):
    with pytest.raises(PermissionDenied):
        service.approve_minutes(minutes=draft, by=ma_member)
    with pytest.raises(PermissionDenied):
        service.approve_minutes(minutes=draft, by=superuser)
    with pytest.raises(PermissionDenied):
        service.draft_minutes(meeting=draft.meeting, language="fr", text="x", by=ma_member)


def test_the_other_delegations_private_meeting_is_out_of_reach(ma_secretariat, es_secretariat):
    private = f.MeetingFactory(visibility=Visibility.MA)
    minutes = service.draft_minutes(
        meeting=private, language="ar", text="محضر داخلي", by=ma_secretariat
    )
    with pytest.raises(PermissionDenied):
        service.approve_minutes(minutes=minutes, by=es_secretariat)
    with pytest.raises(PermissionDenied):
        service.draft_minutes(meeting=private, language="es", text="Acta", by=es_secretariat)


def test_editing_a_draft_nobody_approved_changes_it_in_place(draft, es_secretariat):
    edited = service.edit_minutes(
        minutes=draft, text="Texto corregido.", by=es_secretariat, seen_version=draft.version
    )
    assert edited.pk == draft.pk and edited.text == "Texto corregido."
    assert edited.version == draft.version + 1


def test_a_stale_edit_is_refused(draft, es_secretariat):
    from committee.two_keys import StaleEdit

    service.edit_minutes(minutes=draft, text="Primera corrección.", by=es_secretariat)
    with pytest.raises(StaleEdit):
        service.edit_minutes(
            minutes=draft, text="Otra.", by=es_secretariat, seen_version=draft.version
        )


def test_editing_an_approved_draft_makes_a_new_version_both_approve_again(
    draft, ma_secretariat, es_secretariat
):
    service.approve_minutes(minutes=draft, by=ma_secretariat)
    new = service.edit_minutes(minutes=draft, text="Texto nuevo.", by=es_secretariat)
    draft.refresh_from_db()
    assert draft.state == MinutesState.REPLACED
    assert draft.text == "Se presentó el balance de la cooperación."  # what MA approved
    assert (new.number, new.state, new.replaces) == (2, MinutesState.DRAFT, draft)
    assert not new.approvals.exists()
    with pytest.raises(ValidationError, match="replaced"):
        service.approve_minutes(minutes=draft, by=es_secretariat)


def test_editing_adopted_minutes_makes_a_new_version_and_keeps_the_adopted_one(
    draft, ma_secretariat, es_secretariat
):
    service.approve_minutes(minutes=draft, by=ma_secretariat)
    service.approve_minutes(minutes=draft, by=es_secretariat)
    new = service.edit_minutes(minutes=draft, text="Versión revisada.", by=ma_secretariat)
    draft.refresh_from_db()
    assert draft.state == MinutesState.ADOPTED
    assert draft.text == "Se presentó el balance de la cooperación."
    assert new.number == 2 and new.state == MinutesState.DRAFT
    assert list(Minutes.objects.current()) == [draft]  # until both approve version 2
    service.approve_minutes(minutes=new, by=es_secretariat)
    service.approve_minutes(minutes=new, by=ma_secretariat)
    assert list(Minutes.objects.current()) == [Minutes.objects.get(pk=new.pk)]
    assert Minutes.objects.adopted().count() == 2  # both versions are kept


def test_the_database_itself_refuses_to_change_or_delete_adopted_minutes(
    draft, ma_secretariat, es_secretariat
):
    service.approve_minutes(minutes=draft, by=ma_secretariat)
    service.approve_minutes(minutes=draft, by=es_secretariat)
    with pytest.raises(DatabaseError, match="Cannot update"), transaction.atomic():
        Minutes.objects.filter(pk=draft.pk).update(text="Reescrito a escondidas.")
    with pytest.raises(DatabaseError, match="Cannot update"), transaction.atomic():
        Minutes.objects.filter(pk=draft.pk).update(state=MinutesState.DRAFT, adopted_at=None)
    with pytest.raises(DatabaseError, match="Cannot delete"), transaction.atomic():
        Minutes.objects.filter(pk=draft.pk).delete()
    with pytest.raises(DatabaseError, match="Cannot"), transaction.atomic():
        MinutesApproval.objects.filter(minutes=draft).delete()
    draft.refresh_from_db()
    assert draft.text == "Se presentó el balance de la cooperación."
    # who may read it is not locked by adoption, but only a service changes it (two keys)
    with pytest.raises(DatabaseError, match="services"), transaction.atomic():
        Minutes.objects.filter(pk=draft.pk).update(visibility=Visibility.PUBLIC)
    with through_service():
        Minutes.objects.filter(pk=draft.pk).update(visibility=Visibility.PUBLIC)


def test_only_one_draft_at_a_time(draft, es_secretariat):
    with pytest.raises(ValidationError, match="exists already"):
        service.draft_minutes(
            meeting=draft.meeting,
            agenda_item=draft.agenda_item,
            language="es",
            text="Otro borrador.",
            by=es_secretariat,
        )
    # another language is other minutes
    other = service.draft_minutes(
        meeting=draft.meeting,
        agenda_item=draft.agenda_item,
        language="ar",
        text="عرض حصيلة التعاون",
        by=es_secretariat,
    )
    assert other.number == 1


def test_an_item_of_another_meeting_is_refused(item, ma_secretariat):
    elsewhere = f.AgendaItemFactory()
    with pytest.raises(ValidationError):
        service.draft_minutes(
            meeting=item.meeting, agenda_item=elsewhere, language="es", text="x", by=ma_secretariat
        )
