"""import_article PATH: turn an article into records that cite its words."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from committee.bilateral import Visibility
from committee.importer.reading import ArticleRefused
from committee.importer.services import import_file


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "Import an article (UTF-8 or Windows-1256 text): extract its meetings, bodies, "
        "recommendations… match them with existing records, and save them with citations."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--published",
            type=str,
            help="publication date YYYY-MM-DD (resolves «today», «last year»)",
        )
        parser.add_argument("--url", default="", help="where the article was published")
        parser.add_argument("--visibility", default=Visibility.PUBLIC, choices=Visibility.values)
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would be saved; save nothing"
        )
        parser.add_argument(
            "--accept",
            action="append",
            default=[],
            metavar="KEY",
            help="record a suggested (doubtful) fact: its key as the report shows it; repeatable",
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        published = iso_date(options["published"]) if options["published"] else None
        try:
            report = import_file(
                options["path"],
                published=published,
                url=options["url"],
                visibility=options["visibility"],
                dry_run=options["dry_run"],
                accepted=options["accept"],
            )
        except ArticleRefused as refusal:
            if options["format"] == "json":
                self.stdout.write(
                    json.dumps({"status": "refused", "message": str(refusal)}, ensure_ascii=False)
                )
            raise CommandError(f"Refused: {refusal} Nothing was saved.") from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(report.as_text())
