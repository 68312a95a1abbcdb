"""With ``TASKS_BACKEND=database`` the proposal e-mails wait in PostgreSQL for the worker
(``manage.py db_worker``) instead of being sent inside the request."""

from __future__ import annotations

import pytest
from asgiref.local import Local
from django.core import mail
from django.tasks import task_backends
from django_tasks_db.models import DBTaskResult

from committee.recommendations import services
from committee.recommendations.models import ReminderLog
from tests.processes import manage, manage_process

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _forget_backends() -> None:
    """Make ``task_backends`` read TASKS again (Django resets it on no setting change)."""
    task_backends.__dict__.pop("settings", None)
    task_backends._settings = None
    task_backends._connections = Local(False)


@pytest.fixture
def queued(settings, monkeypatch):
    settings.TASKS = DATABASE_QUEUE
    monkeypatch.setenv("TASKS_BACKEND", "database")  # for the worker's process
    _forget_backends()
    yield
    _forget_backends()


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_a_proposal_waits_in_the_queue_and_the_worker_sends_it(queued, ma_seated, es_co_chair, rec):
    services.propose_status_change(recommendation=rec, by=ma_seated, to_status="implemented")
    assert mail.outbox == [], "sent inside the request"
    waiting = DBTaskResult.objects.get()
    assert waiting.status == "READY"
    assert not ReminderLog.objects.exists()
    worker = manage_process("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    _out, errors = worker.communicate(timeout=120)
    assert worker.returncode == 0, errors
    waiting.refresh_from_db()
    assert waiting.status == "SUCCESSFUL"
    assert waiting.return_value == 1  # one recipient: the other side's co-chair
    assert ReminderLog.objects.get().recipient == es_co_chair


@pytest.mark.slow
def test_an_unknown_task_backend_is_refused_by_name():
    result = manage("check", env={"DEBUG": "true", "TASKS_BACKEND": "celery"})
    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of immediate, database" in result.stderr
    assert "Traceback" not in result.stderr
