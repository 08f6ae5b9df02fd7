"""The worker killed mid-stream loses and doubles nothing: a small run of the benchmark's
kill-restart scenario (benchmarks/channels/bench_webhooks.py) with its own SQLite database,
gunicorn and db_worker processes, checked from the figures it prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[3]


def test_sigkilled_worker_loses_and_doubles_nothing() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DATABASE_URL", None)  # the benchmark makes its own temporary database
    script = REPO / "benchmarks" / "channels" / "bench_webhooks.py"
    args = ["--db", "sqlite", "--kill-restart", "--backlog", "20", "--n", "200"]
    out = subprocess.run(
        [sys.executable, str(script), *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("KILL-RESTART")), "")
    assert out.returncode == 0 and "SIGKILL db_worker" in out.stdout, out.stdout + out.stderr
    figures = dict(re.findall(r"(\w+)=(\d+)", line))
    assert line.startswith("KILL-RESTART sqlite OK")
    assert figures["acknowledged"] == figures["raw_events"] == figures["processed"] == "200"
    assert figures["lost"] == figures["doubled"] == figures["errors"] == "0"
    assert figures["redeliveries_ignored"] == "2"
    assert int(figures["cases"]) > 0 and figures["replies_sent"] == "200"  # one answer each
