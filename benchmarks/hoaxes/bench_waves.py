"""Rumour-wave detection time over 100,000 hoax reports spread across Indramayu.

    DATABASE_URL=sqlite:////tmp/polmas_bench_hoaxes.sqlite3 \
        .venv/bin/python benchmarks/hoaxes/bench_waves.py [--reports 100000] [--runs 5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/polmas_bench \
        .venv/bin/python benchmarks/hoaxes/bench_waves.py

Synthetic data (seeded), built in its own database, never the demo one: reports over the 15
days the detector reads (today + the 14-day baseline) in all 317 desa; 80% carry a fact-check
group (as the matcher would give), 20% are unmatched texts made from 400 rumour templates
with per-copy noise, so the near-duplicate grouping has real work. One injected spike.
"cold" runs clear the unmatched reports' group keys first (grouping + counting + storing);
"warm" runs are the idempotent re-run (counting only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time

os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/polmas_bench_hoaxes.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polmas.config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from polmas.hoaxes.models import Alert, FactCheck, HoaxReport, RumourWave  # noqa: E402
from polmas.hoaxes.services.waves import detect_rumour_waves  # noqa: E402
from polmas.org.models import Region  # noqa: E402
from polmas.org.reference_data import ensure_default_units, load_regions  # noqa: E402

DAY = dt.date(2026, 1, 15)
WORDS = (
    "bantuan",
    "sembako",
    "gratis",
    "desa",
    "kantor",
    "besok",
    "pagi",
    "penculikan",
    "anak",
    "mobil",
    "putih",
    "listrik",
    "padam",
    "jalan",
    "ditutup",
    "air",
    "sumur",
    "tercemar",
    "limbah",
    "vaksin",
    "posyandu",
    "surat",
    "suara",
    "dicoblos",
    "tps",
    "kpu",
    "lowongan",
    "kerja",
    "pabrik",
    "daftar",
    "tautan",
    "hadiah",
    "undian",
    "bank",
    "pulsa",
    "gempa",
    "banjir",
    "tanggul",
    "jebol",
)


def build(n: int, rng: random.Random) -> None:
    HoaxReport.objects.all().delete()
    RumourWave.objects.all().delete()
    FactCheck.objects.filter(source="claimreview", external_id__startswith="bench-").delete()
    fcs = FactCheck.objects.bulk_create(
        FactCheck(source="claimreview", external_id=f"bench-{i}", title=f"Isu {i}", verdict="SALAH")
        for i in range(300)
    )
    desa = list(
        Region.objects.filter(level="desa", code__startswith="32.12.").values_list(
            "code", flat=True
        )
    )
    templates = [" ".join(rng.choice(WORDS) for _ in range(18)) for _ in range(400)]
    rows: list[HoaxReport] = []
    for i in range(n):
        day = DAY - dt.timedelta(days=rng.randint(0, 14))
        code = rng.choice(desa)
        if rng.random() < 0.8:
            fc = fcs[min(int(rng.expovariate(1 / 30)), 299)]
            key, text = f"fc:{fc.pk}", fc.title
        else:
            base = rng.choice(templates)
            text = f"{rng.choice(['Info', 'Waspada', 'Katanya', ''])} {base} {rng.randint(1, 99)}"
            key = ""
        rows.append(
            HoaxReport(
                reference=f"BX-{i:08d}",
                text=text,
                channel="web",
                desa_id=code,
                reported_on=day,
                cluster_key=key,
                status="menunggu_humas",
            )
        )
    for i in range(40):  # the spike: one rumour in one kecamatan today
        rows.append(
            HoaxReport(
                reference=f"BS-{i:08d}",
                text="spike",
                channel="web",
                desa_id="32.12.05.2001",
                reported_on=DAY,
                cluster_key=f"fc:{fcs[299].pk}",
                status="menunggu_humas",
            )
        )
    HoaxReport.objects.bulk_create(rows, batch_size=5000)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"database: {connection.vendor}; python {sys.version.split()[0]}")
    call_command("migrate", verbosity=0)
    if not Region.objects.filter(code="32.12.05.2001").exists():
        load_regions(only="32.12")
    ensure_default_units()
    rng = random.Random(7)
    started = time.perf_counter()
    build(args.reports, rng)
    total = HoaxReport.objects.count()
    unmatched = HoaxReport.objects.filter(cluster_key="").count()
    print(
        f"built {total:,} reports ({unmatched:,} unmatched) in "
        f"{time.perf_counter() - started:.1f} s"
    )
    unmatched_ids = list(HoaxReport.objects.filter(cluster_key="").values_list("id", flat=True))
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(args.runs):
        for i in range(0, len(unmatched_ids), 5000):
            HoaxReport.objects.filter(id__in=unmatched_ids[i : i + 5000]).update(cluster_key="")
        Alert.objects.all().delete()
        RumourWave.objects.all().delete()
        t0 = time.perf_counter()
        run = detect_rumour_waves(day=DAY)
        cold.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        again = detect_rumour_waves(day=DAY)
        warm.append(time.perf_counter() - t0)
        assert again.alerts_created == 0 and len(again.waves) == len(run.waves)
    groups = HoaxReport.objects.filter(cluster_key__startswith="tx:").values("cluster_key")
    print(
        f"text groups for the unmatched: {groups.distinct().count():,}; "
        f"waves: {len(run.waves)}; alerts: {Alert.objects.count()}"
    )
    print(
        f"cold (group + count + store), median of {args.runs}: {statistics.median(cold):.2f} s "
        f"(min {min(cold):.2f}, max {max(cold):.2f})"
    )
    print(
        f"warm (idempotent re-run), median of {args.runs}: {statistics.median(warm):.2f} s "
        f"(min {min(warm):.2f}, max {max(warm):.2f})"
    )


if __name__ == "__main__":
    main()
