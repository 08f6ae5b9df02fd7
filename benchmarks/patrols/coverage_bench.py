"""Polres coverage map over N generated dialogue sessions (default 1,000,000).

    DATABASE_URL=sqlite:////tmp/polmas_bench_patrols.sqlite3 \
        python -m benchmarks.patrols.coverage_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/polmas_bench_patrols \
        python -m benchmarks.patrols.coverage_bench

Generates the data once (bulk inserts, 365 days), rebuilds the roll-up, then times the Polres
coverage map from the roll-up (median/p95) and, as the baseline, the direct computation.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.patrols.common import setup_django, summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--direct-runs", type=int, default=3)
    parser.add_argument("--generate-only", action="store_true")
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from polmas.org.models import Role, Unit
    from polmas.org.testing import ensure_reference_data, make_officer
    from polmas.patrols import selectors
    from polmas.patrols.generate import generate
    from polmas.patrols.models import CoverageDaily, CoverageMessageDaily, DialogueSession
    from polmas.patrols.services.rollup import rebuild_coverage

    call_command("migrate", verbosity=0)
    ensure_reference_data()
    have = DialogueSession.objects.count()
    if have < args.sessions:
        t0 = time.perf_counter()
        made = generate(
            sessions=args.sessions - have,
            end_day=timezone.localdate(),
            days=365,
            seed=7,
            is_demo=False,
            batch_patrols=5000,
            progress=lambda n: (
                print(f"  generated {n:,}", flush=True) if n % 100_000 < 20_000 else None
            ),
        )
        dt = time.perf_counter() - t0
        print(f"generated {made:,} sessions in {dt:.0f} s ({made / dt:,.0f} sessions/s)")
        t0 = time.perf_counter()
        rebuild_coverage()
        print(f"rebuild-coverage: {time.perf_counter() - t0:.1f} s")
    if args.generate_only:
        return
    user = Unit.objects.get(code="polres-indramayu").memberships.filter(role=Role.KAPOLRES).first()
    kapolres = (
        user.person.user
        if user
        else make_officer(
            Unit.objects.get(code="polres-indramayu"), "bench.kapolres", Role.KAPOLRES, "BENCH01"
        )
    )
    print(
        f"{connection.vendor}: {DialogueSession.objects.count():,} sessions, "
        f"{CoverageDaily.objects.count():,} desa-day rows, "
        f"{CoverageMessageDaily.objects.count():,} message-day rows"
    )
    for days in (30, 365):
        period = selectors.Period.last_days(days)
        for label, geometry in (("figures", False), ("GeoJSON with boundaries", True)):
            times = []
            for _ in range(args.runs):
                from django.contrib.auth import get_user_model

                assert kapolres is not None
                fresh = get_user_model().objects.get(pk=kapolres.pk)  # scope computed per request
                t0 = time.perf_counter()
                cmap = selectors.coverage_map(fresh, period)
                if geometry:
                    selectors.coverage_geojson(cmap)
                times.append((time.perf_counter() - t0) * 1000)
            print(f"roll-up, {days} days, {label}: {summary(times)}; desa={len(cmap.desa)}")
        times = []
        direct = None
        for _ in range(args.direct_runs):
            t0 = time.perf_counter()
            direct = selectors.coverage_map(kapolres, period, method="direct")
            times.append((time.perf_counter() - t0) * 1000)
        if direct is not None:
            same = [(d.code, d.last_visit, d.figures) for d in cmap.desa] == [
                (d.code, d.last_visit, d.figures) for d in direct.desa
            ]
            print(f"baseline direct computation, {days} days: {summary(times)}; same map: {same}")


if __name__ == "__main__":
    main()
