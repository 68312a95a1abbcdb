"""``send_reminders``: due soon, overdue, stale and pending, once each, in the reader's language."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from committee.bilateral import Visibility
from committee.recommendations import services
from committee.recommendations.models import Recommendation, ReminderLog
from committee.subcommittees.models import MembershipRole
from tests import factories as f
from tests.factories import seated

pytestmark = pytest.mark.django_db

TODAY = dt.date(2015, 6, 1)


@pytest.fixture
def chairs(body):
    return (
        seated("ma_chair", "MA", body, role=MembershipRole.CO_CHAIR, language="ar"),
        seated("es_chair", "ES", body, role=MembershipRole.CO_CHAIR, language="es"),
    )


def subjects_to(user):
    return [message.subject for message in mail.outbox if message.to == [user.email]]


def test_overdue_and_due_soon_reminders_go_to_the_owners_once(chairs, body):
    ma_chair, es_chair = chairs
    late = f.RecommendationFactory(
        body=body, visibility=Visibility.COMMITTEE, due_date=TODAY - dt.timedelta(days=1)
    )
    soon = f.RecommendationFactory(
        body=body, visibility=Visibility.COMMITTEE, due_date=TODAY + dt.timedelta(days=10)
    )
    f.RecommendationFactory(body=body, due_date=TODAY + dt.timedelta(days=90))
    f.RecommendationFactory(
        body=body,
        due_date=TODAY - dt.timedelta(days=9),
        status="implemented",
        completion="complete",
    )
    Recommendation.objects.update(created_at=dt.datetime(2015, 5, 20, tzinfo=dt.UTC))
    call_command("send_reminders", "--today", TODAY.isoformat())
    assert len(mail.outbox) == 4
    assert any(late.reference in s for s in subjects_to(ma_chair))
    assert any(soon.reference in s for s in subjects_to(es_chair))
    call_command("send_reminders", "--today", TODAY.isoformat())
    assert len(mail.outbox) == 4  # idempotent: each reminder once
    assert ReminderLog.objects.count() == 4


def test_reminders_are_in_the_recipients_language(chairs, body):
    ma_chair, es_chair = chairs
    rec = f.RecommendationFactory(
        body=body, visibility=Visibility.COMMITTEE, due_date=TODAY - dt.timedelta(days=1)
    )
    Recommendation.objects.update(created_at=dt.datetime(2015, 5, 20, tzinfo=dt.UTC))
    call_command("send_reminders", "--today", TODAY.isoformat())
    spanish = next(m for m in mail.outbox if m.to == [es_chair.email])
    arabic = next(m for m in mail.outbox if m.to == [ma_chair.email])
    assert f"/es/me/recommendations/{rec.reference}/" in spanish.body
    assert f"/ar/me/recommendations/{rec.reference}/" in arabic.body


def test_a_recommendation_without_published_progress_for_90_days_is_stale(chairs, body):
    rec = f.RecommendationFactory(body=body, visibility=Visibility.COMMITTEE)
    Recommendation.objects.update(created_at=dt.datetime(2014, 1, 1, tzinfo=dt.UTC))
    with time_machine.travel(dt.datetime(2015, 6, 1, 12, tzinfo=dt.UTC)):
        call_command("send_reminders", "--today", "2015-06-01")
    assert {m.to[0] for m in mail.outbox} == {u.email for u in chairs}
    assert all(rec.reference in m.subject for m in mail.outbox)


def test_a_proposal_waiting_a_week_is_recalled_to_the_other_side(chairs, body, ma_seated):
    _ma_chair, es_chair = chairs
    rec = f.RecommendationFactory(body=body, visibility=Visibility.COMMITTEE, status="in_progress")
    with time_machine.travel(dt.datetime(2015, 5, 1, 12, tzinfo=dt.UTC)):
        services.propose_status_change(recommendation=rec, by=ma_seated, to_status="implemented")
    Recommendation.objects.update(created_at=dt.datetime(2015, 5, 1, tzinfo=dt.UTC))
    with time_machine.travel(dt.datetime(2015, 5, 20, 12, tzinfo=dt.UTC)):
        call_command("send_reminders", "--today", "2015-05-20")
        call_command("send_reminders", "--today", "2015-05-21")
    assert [m.to for m in mail.outbox] == [[es_chair.email]]


def test_nobody_is_reminded_of_a_record_they_may_not_see(chairs, body):
    ma_chair, _es_chair = chairs
    f.RecommendationFactory(body=body, visibility=Visibility.MA, due_date=TODAY)
    Recommendation.objects.update(created_at=dt.datetime(2015, 5, 20, tzinfo=dt.UTC))
    call_command("send_reminders", "--today", TODAY.isoformat())
    assert [m.to for m in mail.outbox] == [[ma_chair.email]]


def test_a_bad_date_is_a_clear_error():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--today", "yesterday")
