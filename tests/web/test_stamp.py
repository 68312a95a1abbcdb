"""The data stamp changes with every committed write to a watched table, and only then."""

from __future__ import annotations

import pytest
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection, transaction

from committee.web import stamp
from tests import factories as f

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.server]


def test_every_table_is_watched_or_listed_as_unwatched():
    watched = stamp.watched_tables(connection)
    triggers = stamp.triggered_tables(connection)
    both = {stamp.ROW_TRIGGER, stamp.TRUNCATE_TRIGGER}
    assert len(watched) > 50
    assert [table for table in sorted(watched) if triggers.get(table) != both] == []
    assert [table for table in stamp.UNWATCHED if table in triggers] == []


def test_install_puts_back_a_dropped_trigger_and_is_idempotent():
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {stamp.ROW_TRIGGER} ON recommendations_recommendation")
    stamp.install()
    stamp.install()
    triggers = stamp.triggered_tables(connection)["recommendations_recommendation"]
    assert triggers == {stamp.ROW_TRIGGER, stamp.TRUNCATE_TRIGGER}


def test_a_committed_write_changes_the_stamp():
    before = stamp.current()
    assert before
    body = f.BodyFactory()
    after_insert = stamp.current()
    assert after_insert not in {None, before}
    body.name_es = "Otro nombre"
    body.save()
    after_update = stamp.current()
    assert after_update not in {None, after_insert}
    body.delete()
    assert stamp.current() not in {None, after_update}


def test_a_write_is_seen_only_once_committed_and_a_rollback_changes_nothing():
    before = stamp.current()
    with transaction.atomic():
        f.BodyFactory()
        # This transaction sees a row nobody else sees yet: nothing may be kept from it.
        assert stamp.current() is None
    assert stamp.current() != before
    committed = stamp.current()

    def write_then_fail():
        with transaction.atomic():
            f.BodyFactory()
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert stamp.current() == committed


def test_a_transaction_of_many_writes_gives_one_new_stamp():
    before = stamp.current()
    with transaction.atomic():
        for _ in range(3):
            f.RecommendationFactory()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT stamp::text FROM {stamp.TABLE}")
        (only,) = cursor.fetchone()
    assert only == stamp.current() != before


def test_truncate_and_raw_sql_change_the_stamp():
    f.PersonFactory()
    before = stamp.current()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE people_person SET name_es = name_es || '.'")
    after_sql = stamp.current()
    assert after_sql != before
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE meetings_statement")
    assert stamp.current() not in {None, after_sql}


def test_sessions_and_lockout_records_leave_the_stamp_alone(client, ma_member):
    before = stamp.current()
    client.force_login(ma_member)  # writes a session (and the user's last login: watched)
    logged_in = stamp.current()
    assert logged_in != before
    client.get("/en/me/")  # the session is renewed: written, not watched
    client.post("/en/accounts/login/", {"login": "nobody", "password": "wrong password!"})
    assert stamp.current() == logged_in


def test_without_the_stamp_row_nothing_is_kept():
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {stamp.TABLE}")
    assert stamp.current() is None
    stamp.install()
    assert stamp.current()


def test_migrate_renews_the_stamp():
    """A schema change (a column added with a default) changes pages without a row trigger."""
    before = stamp.current()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert stamp.current() not in {None, before}
