"""backup [--output PATH]: the database and uploaded files in one archive."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from committee.database.backups import BackupError, create_backup, describe


class Command(BaseCommand):
    help = "Write a backup archive (pg_dump of the database + uploaded files + manifest)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", type=Path, help="archive path (default var/backups/committee-<time>.tar)"
        )

    def handle(self, *args: Any, output: Path | None, **options: Any) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        destination = output or Path(settings.VAR_DIR) / "backups" / f"committee-{stamp}.tar"
        try:
            manifest = create_backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from None
        summary = describe(manifest)
        self.stdout.write(
            f"Backup written to {destination}: {summary['tables']} tables, {summary['rows']} rows, "
            f"{summary['files']} files."
        )
        if manifest.media_elsewhere:
            self.stdout.write(
                f"Uploaded files are not in this archive: they are kept in "
                f"{manifest.media_elsewhere}, whose own versioning and backups keep them."
            )
