"""No page, download, feed or calendar shows a record outside its reader's effective visibility:
random graphs of linked records, a canary in each, crawled as three readers (tests/leaks.py).
``benchmarks/leaks.py --graphs N`` runs the same for many graphs."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.leaks import check_graph

pytestmark = pytest.mark.django_db

#: Fixed seeds: the same graphs on every run, in bounded time.
SEEDS = (1, 2)


class Rollback(Exception):
    """Undoes one graph."""


@pytest.mark.slow
def test_no_reader_finds_a_canary_they_may_not_see(roles, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    checked, found_visible, leaks = 0, 0, []
    for seed in SEEDS:
        try:
            with transaction.atomic():
                readers, graph_leaks, visible = check_graph(seed, roles, roles["ma_member"])
                checked += readers
                found_visible += visible
                leaks += graph_leaks
                raise Rollback
        except Rollback:
            pass
    assert leaks == [], "\n".join(map(str, leaks))
    assert found_visible > 0, "the crawl found no canary at all: it proves nothing"
    assert checked == 3 * len(SEEDS)
