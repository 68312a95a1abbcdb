"""Reminders: due soon, overdue, stale, pending confirmation — each sent once."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from committee.recommendations.notices import due_reminders
from committee.recommendations.tasks import deliver


def send_reminders(*, today: dt.date) -> Counter[str]:
    """Send every due-soon, overdue, stale and pending-confirmation reminder not sent before.

    Not one transaction on purpose: each reminder commits with its log row as it is sent
    (``tasks.deliver``), so a failure half-way cannot make a later run send anything twice.
    """
    counts: Counter[str] = Counter()
    for notice in due_reminders(today):
        counts[notice.kind] += deliver(notice)
    return counts
