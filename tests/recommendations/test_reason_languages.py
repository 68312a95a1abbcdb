"""The backfill of the language of reasons written before it was recorded (migration 0013)."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.utils import timezone

from committee.bilateral import Side
from committee.recommendations.models import StatusChange
from committee.write_paths import through_service
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.server]

BACKFILL = importlib.import_module(
    "committee.recommendations.migrations.0013_reason_languages"
).BACKFILL


def backfill() -> None:
    with through_service(), connection.cursor() as cursor:
        for statement in BACKFILL:
            cursor.execute(statement)


def test_a_reason_is_not_taken_for_the_writer_s_preferred_language_when_its_script_says_otherwise():
    spaniard = f.UserFactory(username="es_writes_arabic", side=Side.ES, preferred_language="es")
    moroccan = f.UserFactory(username="ma_writes_french", side=Side.MA, preferred_language="ar")
    arabic = f.StatusChangeFactory(
        proposed_by=spaniard, proposed_side=Side.ES, reason="تم التنفيذ", original_language="es"
    )
    french = f.StatusChangeFactory(
        proposed_by=moroccan, proposed_side=Side.MA, reason="Réalisée.", original_language="ar"
    )
    silent = f.StatusChangeFactory(proposed_by=moroccan, reason="", original_language="ar")
    backfill()
    languages = dict(StatusChange.objects.values_list("pk", "original_language"))
    assert languages[arabic.pk] == "ar"
    assert languages[french.pk] == "fr"  # a Moroccan writing in Latin script: French
    assert languages[silent.pk] == "ar"  # no reason, nothing to say


def test_a_reason_for_a_status_takes_the_language_of_the_change_that_gave_it_or_none():
    rec = f.RecommendationFactory(status="not_implemented", status_reason="No procede.")
    other = f.RecommendationFactory(status="not_implemented", status_reason="Sin medios.")
    arabic = f.RecommendationFactory(status="not_implemented", status_reason="لم تنفذ")
    f.StatusChangeFactory(
        recommendation=rec,
        from_status="in_progress",
        to_status="not_implemented",
        reason="No procede.",
        original_language="es",
        proposed_by=f.UserFactory(username="es_writer", side=Side.ES, preferred_language="es"),
        proposed_side=Side.ES,
        decision="confirmed",
        decided_by=f.UserFactory(username="ma_decider", side=Side.MA),
        decided_side=Side.MA,
        decided_at=timezone.now(),
    )
    backfill()
    rec.refresh_from_db()
    other.refresh_from_db()
    arabic.refresh_from_db()
    assert rec.status_reason_language == "es"
    assert other.status_reason_language == ""  # not known: shown with dir="auto"
    assert arabic.status_reason_language == "ar"
