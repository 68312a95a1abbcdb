"""``manage.py export_data --format json|csv [--output PATH] [--visibility LEVEL]``.

The open-data export (docs/design.md §8): the same document ``GET /data/committee.json`` serves,
public records only unless ``--visibility`` names a wider audience. JSON goes to standard output
or ``--output``. CSV is one file per collection: ``--output`` names a directory (created when
missing), or ``--collection NAME`` writes that one collection to standard output or ``--output``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from committee.public import opendata


class Command(BaseCommand):
    help = "Export the committee's records as open data (JSON or CSV)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--output", type=Path, help="file (JSON, one CSV) or directory (CSV)")
        parser.add_argument(
            "--visibility",
            choices=opendata.AUDIENCES,
            default="public",
            help="whose view to export: public (default), committee, ma, es or all",
        )
        parser.add_argument(
            "--collection", choices=list(opendata.COLLECTIONS), help="CSV: only this collection"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        viewer = opendata.audience(options["visibility"])
        output: Path | None = options["output"]
        if options["format"] == "json":
            self._write(opendata.json_document(None, viewer), output)
            return
        name = options["collection"]
        if name is not None:
            collection = opendata.COLLECTIONS[name]
            self._write(collection.csv_lines(collection.queryset(viewer), viewer), output)
            return
        if output is None:
            raise CommandError(
                "CSV is one file per collection: give --output DIRECTORY, or --collection NAME."
            )
        if output.exists() and not output.is_dir():
            raise CommandError(f"{output} exists and is not a directory.")
        output.mkdir(parents=True, exist_ok=True)
        for name, collection in opendata.COLLECTIONS.items():
            self._write(
                collection.csv_lines(collection.queryset(viewer), viewer), output / f"{name}.csv"
            )
        if options["verbosity"] > 0:
            self.stderr.write(f"Wrote {len(opendata.COLLECTIONS)} CSV files to {output}.")

    def _write(self, chunks: Any, output: Path | None) -> None:
        if output is None:
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
            self.stdout.flush()
            return
        if output.is_dir():
            raise CommandError(f"{output} is a directory; give a file name.")
        try:
            with output.open("w", encoding="utf-8", newline="") as handle:
                for chunk in chunks:
                    handle.write(chunk)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}") from None
