"""The short run of benchmarks/load_with_faults.py (docs/security.md item 25): PostgreSQL restarts under
load; every acknowledged write survives exactly once, errors only while it is down."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.processes import ROOT

pytestmark = pytest.mark.slow


def test_postgresql_restarting_under_load_loses_no_acknowledged_write():
    result = subprocess.run(
        [sys.executable, "benchmarks/load_with_faults.py", "--duration", "20", "--clients", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    report = json.loads(result.stdout[result.stdout.index("{") :])
    assert report["writes acknowledged"] > 10
    assert report["errors during outages"] > 0, "the outage was not felt: the test proved nothing"
    assert set(report["checks"]) == {
        "every acknowledged write stored exactly once",
        "no write stored twice",
        "errors only while the database was down",
        "the first requests after recovery succeeded",
        "the database went down and came back",
    }
    assert all(report["checks"].values()), report
