"""Send the reminders that are due (run daily from cron); each one goes out once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from committee.recommendations.models import ReminderKind
from committee.recommendations.services import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail due-soon, overdue, stale (no published update for 90 days) and "
        "pending-confirmation reminders, each once, in the recipient's language."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", help="the date to count from, YYYY-MM-DD (default: today)")

    def handle(self, *args: Any, today: str | None = None, **options: Any) -> None:
        try:
            day = dt.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--today must be a date (YYYY-MM-DD), not {today!r}.") from error
        counts = send_reminders(today=day)
        summary = ", ".join(f"{label}: {counts[kind]}" for kind, label in ReminderKind.choices)
        self.stdout.write(f"Reminders sent for {day.isoformat()}: {summary}.")
