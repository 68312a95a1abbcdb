"""Leak hunt: random graphs of linked records, a canary in each, crawled as every role.

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/leaks.py --graphs N [--seed S]
        [--workers W] [--batch K] [--follow]

For each of N random graphs (tests/graphs.py: chains of bodies, meetings, statements, minutes,
recommendations, progress updates, evidence, status changes, period checks, a random visibility
at every level) it fetches, as anonymous, a member and a secretariat of each delegation, the
public pages, the members' pages, the downloads, /data/*, the feed and the calendars, the page
of every record (``--follow``: and the pages their links lead to) and, for the secretariats,
the admin's lists, change and history pages of every record; and looks for the canary of every
record the reader may not see (tests/leaks.py). Each graph is rolled back.

``--batch K`` builds K graphs side by side (disjoint) and crawls them together: the lists,
downloads, feeds and searches are fetched once per batch, every record's own pages as always.
``--workers W`` shares the graphs among W processes, each in a test database of its own
(``test_<name>_leaks<i>``, kept between runs, migrated if missing), with the test settings.
Prints the graphs×roles checked and every leak; exits 1 on any leak.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


class Rollback(Exception):
    """Undoes one graph."""


def work(seeds: range, worker: int) -> dict[str, object]:
    """Check the graphs of ``seeds`` in this worker's own test database."""
    import django  # noqa: PLC0415  (after the settings are named)

    django.setup()
    from django.conf import settings  # noqa: PLC0415
    from django.db import connection, transaction  # noqa: PLC0415
    from django.test.utils import setup_databases, setup_test_environment  # noqa: PLC0415

    from committee.bilateral import Role, Side  # noqa: PLC0415
    from tests.factories import UserFactory  # noqa: PLC0415
    from tests.leaks import check_graph  # noqa: PLC0415

    database = settings.DATABASES["default"]
    database.setdefault("TEST", {})["NAME"] = f"test_{database['NAME']}_leaks{worker}"
    setup_test_environment()
    setup_databases(verbosity=0, interactive=False, keepdb=True)
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="leaks-")

    checked, shown, leaks = 0, 0, []
    batches = [seeds[i : i + arguments.batch] for i in range(0, len(seeds), arguments.batch)]
    for done, batch in enumerate(batches, start=1):
        try:
            with transaction.atomic():
                users = {
                    "anonymous": None,
                    "ma_member": UserFactory(username="leak_ma", side=Side.MA, role=Role.MEMBER),
                    "es_member": UserFactory(username="leak_es", side=Side.ES, role=Role.MEMBER),
                    "ma_secretariat": UserFactory(
                        username="leak_ma_s", side=Side.MA, role=Role.SECRETARIAT, is_staff=True
                    ),
                    "es_secretariat": UserFactory(
                        username="leak_es_s", side=Side.ES, role=Role.SECRETARIAT, is_staff=True
                    ),
                }
                readers, found, visible = check_graph(
                    batch, users, users["ma_member"], follow=arguments.follow
                )
                raise Rollback
        except Rollback:
            pass
        checked += readers
        shown += visible
        for leak in found:
            seed = batch[int(leak.canary[4 : 4 + len(str(len(batch)))])]  # zqxl<i>…: graph i
            leaks.append(f"graph {seed}: {leak.reader} sees {leak.canary} at {leak.url}")
            print(f"LEAK {leaks[-1]}", file=sys.stderr, flush=True)
        if done % 10 == 0:
            print(
                f"worker {worker}: {checked} graphs×roles, {len(leaks)} leaks",
                file=sys.stderr,
                flush=True,
            )
    connection.close()
    return {"graphs": len(seeds), "checked": checked, "shown": shown, "leaks": leaks}


def main() -> int:
    first, last = arguments.seed, arguments.seed + arguments.graphs
    if arguments.worker is not None:
        seeds = range(first + arguments.worker, last, arguments.workers)
        print(json.dumps(work(seeds, arguments.worker)))
        return 0
    started = time.monotonic()
    command = [sys.executable, __file__, *sys.argv[1:]]
    workers = [
        subprocess.Popen([*command, "--worker", str(i)], stdout=subprocess.PIPE, text=True)
        for i in range(arguments.workers)
    ]
    results = [json.loads(worker.communicate()[0].strip().splitlines()[-1]) for worker in workers]
    if any(worker.returncode for worker in workers):
        print("a worker failed", file=sys.stderr)
        return 2
    checked = sum(result["checked"] for result in results)
    shown = sum(result["shown"] for result in results)
    leaks = [leak for result in results for leak in result["leaks"]]
    for leak in leaks:
        print(f"LEAK {leak}")
    print(
        f"checked {arguments.graphs} graphs (seeds {first}–{last - 1}) × 5 roles = {checked} "
        f"graphs×roles in {time.monotonic() - started:.0f} s with {arguments.workers} workers; "
        f"canaries of visible records found: {shown}; leaks: {len(leaks)}"
    )
    return 1 if leaks else 0


parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--graphs", type=int, default=100, help="how many random graphs")
parser.add_argument("--seed", type=int, default=1000, help="the first graph's seed")
parser.add_argument("--workers", type=int, default=1, help="processes sharing the graphs")
parser.add_argument(
    "--batch", type=int, default=4, help="graphs side by side in the database per crawl"
)
parser.add_argument("--follow", action="store_true", help="also follow the pages' links")
parser.add_argument("--worker", type=int, default=None, help=argparse.SUPPRESS)
arguments = parser.parse_args()

if __name__ == "__main__":
    sys.exit(main())
