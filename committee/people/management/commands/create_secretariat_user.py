"""Create a secretariat account and print its one-time password."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from committee.bilateral import Side
from committee.people.services import create_secretariat_account


class Command(BaseCommand):
    help = "Create a secretariat account for one delegation; prints a generated password once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--side", required=True, choices=Side.values, help="MA or ES")
        parser.add_argument("--email", default="")

    def handle(self, *args: Any, username: str, side: str, email: str, **options: Any) -> None:
        try:
            user, password = create_secretariat_account(username=username, side=side, email=email)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        address = settings.SITE_URL or ""
        self.stdout.write(
            f"Created secretariat account {user.username} ({side}).\n"
            f"One-time password: {password}\n"
            f"It is shown only now. Log in at {address}/en/accounts/login/: after enrolling a "
            "second factor, the account must change this password before anything else."
        )
