"""Shared setup for the patrols benchmarks: a separate database named by DATABASE_URL."""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def setup_django() -> None:
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL (sqlite:////tmp/polmas_bench_patrols.sqlite3); not the dev DB.")
    var = Path(os.environ.setdefault("POLMAS_VAR_DIR", "/tmp/polmas-bench-patrols-var"))  # noqa: S108
    # The served app's static files middleware warns on every start without this folder.
    (var / "static").mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polmas.config.settings")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


def summary(times_ms: list[float]) -> str:
    ordered = sorted(times_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms (n={len(ordered)})"
