"""``manage.py generate_demo_data --scale N [--seed S] [--audited]``.

A committee with ``N`` recommendations and proportional meetings, bodies, people, progress,
status changes, sources and citations (``committee.demo.data``): deterministic for a seed,
multilingual, written with ``COPY`` in one transaction. For benchmarks and demonstrations —
never on a production database.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from committee.demo import data as demo


class Command(BaseCommand):
    help = "Fill the database with deterministic, multilingual demo data at a given scale."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=int, required=True, help="number of recommendations")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same data")
        parser.add_argument(
            "--audited",
            action="store_true",
            help="let the audit triggers record every demo row (slower; off by default)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scale: int = options["scale"]
        if scale < 1 or scale > 10_000_000:
            raise CommandError("--scale must be between 1 and 10,000,000")
        started = time.perf_counter()
        data = demo.plan(scale, options["seed"])
        self.stdout.write(
            f"planned {sum(data.counts().values()):,} rows in {time.perf_counter() - started:.1f} s"
        )
        try:
            demo.load(data, audited=options["audited"], report=self.stdout.write)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{scale:,} recommendations and their records in {time.perf_counter() - started:.1f} s"
        )
