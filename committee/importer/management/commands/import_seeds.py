"""import_seeds: import every article of seeds/ (idempotent; run at every start)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from committee.importer.reading import ArticleRefused
from committee.importer.services import import_file


class Command(BaseCommand):
    help = "Import the articles in seeds/ (each NAME.txt with its NAME.json metadata)."

    def handle(self, *args: Any, **options: Any) -> None:
        paths = sorted(settings.SEEDS_DIR.glob("*.txt"))
        if not paths:
            self.stdout.write(f"No articles in {settings.SEEDS_DIR}.")
            return
        for path in paths:
            try:
                report = import_file(path)
            except ArticleRefused as refusal:
                raise CommandError(f"{path.name}: refused: {refusal}") from None
            self.stdout.write(
                f"{path.name}: {report.status} — {len(report.created)} created, "
                f"{len(report.updated)} updated, {report.unchanged} unchanged"
            )
