"""translate_missing [--language es] [--dry-run]: machine drafts of every missing translation."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from committee.languages import CODES
from committee.translations.backends import TranslationError
from committee.translations.services import DraftFailed, DraftReport, draft_missing


class Command(BaseCommand):
    help = (
        "Ask the translation service (TRANSLATION_SERVICE_URL) for every field empty in a "
        "language but written in its record's original language, and store each answer as a "
        "machine draft. Never overwrites a text someone wrote."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--language", choices=CODES, help="only this language")
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would be drafted; ask nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = draft_missing(options["language"], dry_run=options["dry_run"])
        except DraftFailed as failure:
            self.summary(failure.report)
            raise CommandError(f"The translation service failed on {failure}") from failure
        except TranslationError as error:
            raise CommandError(str(error)) from error
        if not report.service:
            self.stdout.write(
                "No translation service configured (TRANSLATION_SERVICE_URL): nothing drafted."
            )
            return
        self.summary(report)

    def summary(self, report: DraftReport) -> None:
        for item in report.pending:
            self.stdout.write(f"would draft {item}")
        for item in report.drafted:
            self.stdout.write(f"drafted {item}")
        for item in report.skipped:
            self.stdout.write(f"skipped {item} (written meanwhile)")
        self.stdout.write(
            f"{report.service}: {len(report.drafted)} drafted, {len(report.skipped)} skipped"
            + (f", {len(report.pending)} to draft (dry run)" if report.pending else "")
            + "."
        )
