"""Point -> desa lookups per second over Indramayu's 317 polygons, and the time of
`polmas load-regions` for all of Indonesia.

    DATABASE_URL=sqlite:////tmp/polmas_bench_regions.sqlite3 \
        .venv/bin/python benchmarks/org/bench_regions.py

Runs on its own database (created and migrated here), never the demo one.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time

os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/polmas_bench_regions.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polmas.config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from polmas.org.models import Region  # noqa: E402
from polmas.org.reference_data import load_regions  # noqa: E402
from polmas.org.regions import desa_index, reset_caches  # noqa: E402

RUNS = 5
POINTS = 20_000


def main() -> None:
    print(f"database: {django.db.connection.vendor}; python {sys.version.split()[0]}")
    call_command("migrate", verbosity=0)
    load_times = []
    for run in range(3):
        if run == 0 and Region.objects.exists():
            Region.objects.all().delete()
        started = time.perf_counter()
        report = load_regions()
        load_times.append((time.perf_counter() - started, report.created, report.unchanged))
    first, *again = load_times
    print(
        f"load-regions, all Indonesia ({first[1]:,} rows) into an empty database: {first[0]:.2f} s"
    )
    print(
        "load-regions again (nothing changes): median "
        f"{statistics.median(t for t, _, _ in again):.2f} s over {len(again)} runs"
    )

    reset_caches()
    started = time.perf_counter()
    index = desa_index()
    build_ms = (time.perf_counter() - started) * 1000
    print(f"index build over {len(index)} desa polygons: {build_ms:.0f} ms")
    rng = random.Random(42)
    # Points over Indramayu's bounding box: most fall inside a desa, some in the sea/outside.
    points = [(rng.uniform(-6.75, -6.2), rng.uniform(107.85, 108.55)) for _ in range(POINTS)]
    single, batch = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        hits = sum(index.locate(lat, lng) is not None for lat, lng in points)
        single.append(POINTS / (time.perf_counter() - started))
        started = time.perf_counter()
        index.locate_many(points)
        batch.append(POINTS / (time.perf_counter() - started))
    print(f"points: {POINTS:,} random points over Indramayu's bounding box, {hits:,} inside a desa")
    print(
        f"point -> desa, one at a time: median {statistics.median(single):,.0f} lookups/s "
        f"(runs: {', '.join(f'{v:,.0f}' for v in single)})"
    )
    print(f"point -> desa, vectorised batch: median {statistics.median(batch):,.0f} lookups/s")


if __name__ == "__main__":
    main()
