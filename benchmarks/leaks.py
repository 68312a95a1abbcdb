"""Leak hunt: random graphs of linked records, a canary in each, crawled as three readers.

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/leaks.py --graphs N [--seed S] [--follow]

For each of N random graphs (tests/graphs.py: chains of bodies, meetings, statements, minutes,
recommendations, progress updates, evidence, status changes, period checks, a random visibility
at every level) it fetches, as anonymous, a Moroccan and a Spanish member, the public pages,
the members' pages, the downloads, /data/*, the feed and the calendars, and the page of every
record (``--follow``: and the pages their links lead to), and looks for the canary of every
record the reader may not see (tests/leaks.py). Each graph is rolled back. It runs in the test
database of DATABASE_URL (``test_<name>``, kept between runs, migrated if missing), with the
test settings. Prints the graphs×readers checked and every leak; exits 1 on any leak.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


class Rollback(Exception):
    """Undoes one graph."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graphs", type=int, default=100, help="how many random graphs")
    parser.add_argument("--seed", type=int, default=1000, help="the first graph's seed")
    parser.add_argument("--follow", action="store_true", help="also follow the pages' links")
    arguments = parser.parse_args()

    import django  # noqa: PLC0415  (after the settings are named)

    django.setup()
    from django.conf import settings  # noqa: PLC0415
    from django.db import transaction  # noqa: PLC0415
    from django.test.utils import setup_databases, setup_test_environment  # noqa: PLC0415

    from committee.bilateral import Role, Side  # noqa: PLC0415
    from tests.factories import UserFactory  # noqa: PLC0415
    from tests.leaks import check_graph  # noqa: PLC0415

    setup_test_environment()
    setup_databases(verbosity=0, interactive=False, keepdb=True)
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="leaks-")

    checked, leaks, shown = 0, [], 0
    started = time.monotonic()
    for seed in range(arguments.seed, arguments.seed + arguments.graphs):
        try:
            with transaction.atomic():
                users = {
                    "anonymous": None,
                    "ma_member": UserFactory(username="leak_ma", side=Side.MA, role=Role.MEMBER),
                    "es_member": UserFactory(username="leak_es", side=Side.ES, role=Role.MEMBER),
                }
                readers, found, visible = check_graph(
                    seed, users, users["ma_member"], follow=arguments.follow
                )
                checked += readers
                shown += visible
                leaks += [(seed, leak) for leak in found]
                raise Rollback
        except Rollback:
            pass
        for seed_of, leak in leaks[-len(found) :] if found else []:
            print(f"LEAK graph {seed_of}: {leak.reader} sees {leak.canary} at {leak.url}")
        done = seed - arguments.seed + 1
        if done % 10 == 0:
            print(f"{done} graphs, {checked} graphs×readers, {len(leaks)} leaks", flush=True)
    elapsed = time.monotonic() - started
    print(
        f"checked {arguments.graphs} graphs × 3 readers = {checked} graphs×readers "
        f"in {elapsed:.0f} s; canaries of visible records found: {shown}; leaks: {len(leaks)}"
    )
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
