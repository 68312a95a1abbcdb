"""restore PATH: a backup archive into an empty database, verified against its manifest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from committee.database.backups import BackupError, describe, restore_backup


class Command(BaseCommand):
    help = "Restore a backup archive into the configured (empty) database and media directory."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)

    def handle(self, *args: Any, archive: Path, **options: Any) -> None:
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(f"Restore refused: {error}") from None
        summary = describe(manifest)
        self.stdout.write(
            f"Restored {archive.name}: {summary['tables']} tables, {summary['rows']} rows and "
            f"{summary['files']} files, all matching the backup's manifest."
        )
        if manifest.media_elsewhere:
            self.stdout.write(
                f"The uploaded files were not in this archive: they were kept in "
                f"{manifest.media_elsewhere}; the restored records name them there."
            )
