"""E-mails of the members' area, sent as tasks after the transaction commits."""

from __future__ import annotations

import logging
import smtplib
from functools import partial

from django.db import IntegrityError, transaction
from django.tasks import task

from committee.recommendations.models import ReminderLog
from committee.recommendations.notices import Notice, proposal_notice, render_notice

logger = logging.getLogger(__name__)


def deliver(notice: Notice) -> int:
    """Send ``notice`` to each recipient who has not had it yet; returns how many got it.

    The log row is written first, under its unique constraint, so that a run that is repeated
    (or two that overlap) sends each reminder once.
    """
    sent = 0
    for recipient in notice.recipients:
        try:
            with transaction.atomic():
                ReminderLog.objects.create(kind=notice.kind, recipient=recipient, key=notice.key)
                render_notice(notice, recipient).send()
        except IntegrityError:
            continue  # sent before
        except (OSError, smtplib.SMTPException):
            logger.exception(
                "could not send %s %s to user %s", notice.kind, notice.key, recipient.pk
            )
            continue  # not logged: the next run tries again
        sent += 1
    return sent


@task
def notify_proposal(kind: str, pk: int) -> int:
    """Tell the other delegation's co-chair and focal points that a proposal waits for them."""
    notice = proposal_notice(kind, pk)
    return deliver(notice) if notice is not None else 0


def announce_proposal(*, kind: str, pk: int) -> None:
    """Queue ``notify_proposal`` for when the current transaction commits."""
    transaction.on_commit(partial(notify_proposal.enqueue, kind, pk))
