"""No page, download, feed, calendar or admin page shows a record outside its reader's
effective visibility: random graphs of linked records, a canary in each, crawled as every role
(tests/leaks.py). ``benchmarks/leaks.py --graphs N`` runs the same for many graphs."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.leaks import READERS, check_graph

pytestmark = pytest.mark.django_db

#: Fixed seeds: the same graphs on every run, in bounded time (side by side, one crawl).
SEEDS = (1, 2, 3)


class Rollback(Exception):
    """Undoes the graphs."""


@pytest.mark.slow
def test_no_reader_finds_a_canary_they_may_not_see(roles, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    try:
        with transaction.atomic():
            checked, leaks, found_visible = check_graph(SEEDS, roles, roles["ma_member"])
            raise Rollback
    except Rollback:
        pass
    assert leaks == [], "\n".join(map(str, leaks))
    assert found_visible > 0, "the crawl found no canary at all: it proves nothing"
    assert checked == len(READERS) * len(SEEDS)
