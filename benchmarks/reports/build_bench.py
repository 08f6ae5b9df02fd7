"""Time to build the Polres daily and weekly report over the demo data.

    DATABASE_URL=sqlite:////tmp/polmas_bench_reports.sqlite3 \
        POLMAS_VAR_DIR=/tmp/polmas-bench-reports-var python -m benchmarks.reports.build_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/polmas_bench_reports \
        python -m benchmarks.reports.build_bench

Sets the database up (migrate, regions, units, categories, `load-demo`; idempotent), picks the
busiest demo day, then builds the Polres harian and mingguan reports `--runs` times each
(`services.build(force=True)`: figures, charts, map, PDF, XLSX) and prints median/p95, the
time spent on the figures alone, file sizes and the headline numbers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def setup_django() -> None:
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL (sqlite:////tmp/polmas_bench_reports.sqlite3); not the dev DB.")
    os.environ.setdefault("POLMAS_VAR_DIR", "/tmp/polmas-bench-reports-var")  # noqa: S108
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polmas.config.settings")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()


def summary(times_ms: list[float]) -> str:
    ordered = sorted(times_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):.0f} ms, p95 {p95:.0f} ms (n={len(ordered)})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.db.models import Count

    from polmas.org.models import Unit
    from polmas.patrols.models import DialogueSession
    from polmas.reports import services
    from polmas.reports.figures import SYSTEM, report_figures
    from polmas.reports.models import Report, ReportStatus

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    for command in ("load_regions", "load_units", "load_categories", "load_demo"):
        call_command(command, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"setup (migrate + reference + load-demo): {time.perf_counter() - t0:.1f} s")
    busiest = (
        DialogueSession.objects.filter(deleted_at__isnull=True)
        .values("day")
        .annotate(n=Count("id"))
        .order_by("-n", "-day")
        .first()
    )
    if busiest is None:
        sys.exit("no demo sessions")
    day = busiest["day"]
    total = DialogueSession.objects.filter(deleted_at__isnull=True).count()
    print(f"demo: {total} sessions; busiest day {day} ({busiest['n']} sessions)")
    polres = Unit.objects.get(level="polres")
    for kind in ("harian", "mingguan"):
        report, _ = services.request_report(
            actor=None, unit=polres, kind=kind, day=day, enqueue=False
        )
        build_ms: list[float] = []
        figures_ms: list[float] = []
        for _i in range(args.runs):
            t = time.perf_counter()
            report_figures(SYSTEM, polres, report.period_start, report.period_end)
            figures_ms.append(1000 * (time.perf_counter() - t))
            t = time.perf_counter()
            built = services.build(report.pk, force=True)
            build_ms.append(1000 * (time.perf_counter() - t))
            assert built is not None and built.status == ReportStatus.SELESAI, built and built.error
        report = Report.objects.get(pk=report.pk)
        f = report_figures(SYSTEM, polres, report.period_start, report.period_end)
        print(
            f"{polres.name} {kind} {report.period_start}..{report.period_end}: "
            f"build {summary(build_ms)}; figures only {summary(figures_ms)}; "
            f"PDF {report.pdf.size / 1024:.0f} KiB, XLSX {report.xlsx.size / 1024:.0f} KiB; "
            f"sessions {f.sessions}, desa {f.desa_covered}/{f.desa_total}, "
            f"residents {f.residents}, cases {f.cases_opened}/{f.cases_closed}/{f.cases_overdue}, "
            f"hoaxes {f.hoaxes_received}/{f.hoaxes_answered}"
        )


if __name__ == "__main__":
    main()
