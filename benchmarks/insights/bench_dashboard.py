"""Dashboard data endpoints for the Polres scope over 1,000,000 sessions and 1,000,000 cases.

    DATABASE_URL=sqlite:////tmp/polmas_bench_insights.sqlite3 \
        python -m benchmarks.insights.bench_dashboard
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/polmas_bench_insights \
        python -m benchmarks.insights.bench_dashboard

Builds its data once and reuses it: sessions with patrols' generator (365 days), cases and hoax
reports with bulk inserts, then the roll-ups (`rebuild_coverage`, `rebuild_rollups` over 365
days). Before timing it runs the live roll-up once (`refresh_live`, what the scheduler does every
minute) and reports its cost. Times every data endpoint through Django's test client as the
Kapolres (median/p95 wall time over --runs requests, CPU time of this process per request and
SQL statements per request) and prints the map page's transferred size (gzip, as whitenoise
serves static files and the boundaries endpoint serves itself).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import random
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.patrols.common import setup_django, summary

CATEGORY_WEIGHTS = {
    "ketertiban_umum": 5,
    "lalu_lintas": 4,
    "kriminalitas": 3,
    "lainnya": 3,
    "non_kepolisian": 3,
    "pemilu_politik_uang": 1,
    "pemilu_logistik_tps": 1,
    "hoaks": 1,
    "konflik_sara": 1,
    "narkoba": 1,
}


def _cases(n: int, days: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from polmas.aspirations.categories import load_categories
    from polmas.aspirations.models import Case, Category, Origin, Status, Urgency
    from polmas.insights.selectors.layers import deployment_area

    load_categories()
    have = Case.objects.count()
    if have >= n:
        return
    rng = random.Random(11)
    area = deployment_area()
    desa = area.codes
    owner = {c: area.owners[c].pk for c in desa if c in area.owners}
    fallback = next(iter(owner.values()))
    cats = {c.code: c.pk for c in Category.objects.all()}
    cat_codes = [c for c in CATEGORY_WEIGHTS if c in cats]
    cat_weights = [CATEGORY_WEIGHTS[c] for c in cat_codes]
    now = timezone.now()
    urgencies = [Urgency.DARURAT, Urgency.TINGGI, Urgency.NORMAL, Urgency.RENDAH]
    t0 = time.perf_counter()
    made = have
    while made < n:
        rows = []
        for _ in range(min(20_000, n - made)):
            code = rng.choice(desa)
            age = rng.random() ** 1.5 * days
            created = now - dt.timedelta(days=age)
            open_case = (age < 20 and rng.random() < 0.5) or rng.random() < 0.02
            closed_at = None if open_case else created + dt.timedelta(hours=rng.uniform(1, 200))
            triage = (
                None
                if rng.random() < 0.3
                else {
                    "sentiment": rng.choice(["negative", "neutral", "neutral", "positive"]),
                    "hate_speech": rng.random() < 0.03,
                    "abusive": rng.random() < 0.05,
                    "category": "",
                    "urgency": "",
                }
            )
            made += 1
            rows.append(
                Case(
                    tracking_code=f"B{made:010d}",
                    category_id=cats[rng.choices(cat_codes, cat_weights)[0]],
                    urgency=rng.choices(urgencies, [1, 10, 70, 19])[0],
                    status=rng.choice([Status.BARU, Status.DITUGASKAN, Status.DITINDAKLANJUTI])
                    if open_case
                    else rng.choices([Status.SELESAI, Status.DITOLAK, Status.DUPLIKAT], [90, 5, 5])[
                        0
                    ],
                    description="Laporan warga (benchmark)",
                    desa_id=code if rng.random() < 0.95 else None,
                    origin=Origin.WEB,
                    unit_id=owner.get(code, fallback),
                    created_at=created,
                    due_at=created + dt.timedelta(hours=rng.uniform(8, 150)),
                    closed_at=closed_at,
                    breached_at=created + dt.timedelta(hours=100)
                    if closed_at and rng.random() < 0.2
                    else None,
                    triage=triage,
                )
            )
        with transaction.atomic():
            Case.objects.bulk_create(rows, batch_size=2000)
        if made % 200_000 < 20_000:
            print(f"  cases {made:,} ({made / (time.perf_counter() - t0):,.0f}/s)", flush=True)


def _reports(n: int, days: int) -> None:
    from django.utils import timezone

    from polmas.hoaxes.models import Channel, HoaxReport
    from polmas.insights.selectors.layers import deployment_area

    if HoaxReport.objects.count() >= n:
        return
    rng = random.Random(5)
    desa = deployment_area().codes
    today = timezone.localdate()
    rows = [
        HoaxReport(
            reference=f"BH{i:08d}",
            text="Pesan berantai (benchmark)",
            channel=Channel.WEB,
            desa_id=rng.choice(desa),
            reported_on=today - dt.timedelta(days=rng.randrange(days)),
        )
        for i in range(n)
    ]
    HoaxReport.objects.bulk_create(rows, batch_size=5000)


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from polmas.aspirations.models import Case
    from polmas.insights.models import DesaDaily
    from polmas.insights.services.rollup import rebuild_rollups
    from polmas.org.models import Person, Role, Unit
    from polmas.org.testing import ensure_reference_data, make_officer
    from polmas.patrols.generate import generate
    from polmas.patrols.models import CoverageDaily, DialogueSession
    from polmas.patrols.services.rollup import rebuild_coverage

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - t0:.1f} s", flush=True)
    ensure_reference_data()
    today = timezone.localdate()
    have = DialogueSession.objects.count()
    if have < args.sessions:
        t0 = time.perf_counter()
        generate(
            sessions=args.sessions - have,
            end_day=today,
            days=365,
            seed=7,
            is_demo=False,
            batch_patrols=5000,
        )
        rebuild_coverage()
        print(f"sessions generated in {time.perf_counter() - t0:.0f} s", flush=True)
    if not CoverageDaily.objects.exists():
        t0 = time.perf_counter()
        rebuild_coverage()
        print(f"rebuild_coverage: {time.perf_counter() - t0:.0f} s", flush=True)
    t0 = time.perf_counter()
    _cases(args.cases, 365)
    _reports(args.reports, 365)
    print(f"cases/reports ready in {time.perf_counter() - t0:.0f} s", flush=True)
    if not DesaDaily.objects.filter(day=today - dt.timedelta(days=1)).exists():
        t0 = time.perf_counter()
        run = rebuild_rollups(today - dt.timedelta(days=366), today - dt.timedelta(days=1))
        print(
            f"rebuild_rollups 366 days: {time.perf_counter() - t0:.1f} s "
            f"({run.desa_rows:,} desa rows, {run.category_rows:,} category rows)",
            flush=True,
        )
    person = Person.objects.filter(nrp="BENCHI01").select_related("user").first()
    kapolres = (
        person.user
        if person
        else make_officer(
            Unit.objects.get(code="polres-indramayu"),
            "bench.insights.kapolres",
            Role.KAPOLRES,
            "BENCHI01",
        )
    )
    _refresh_live()
    client = Client()
    client.force_login(kapolres)  # type: ignore[arg-type]
    print(
        f"{connection.vendor}: {DialogueSession.objects.count():,} sessions, "
        f"{Case.objects.count():,} cases, {DesaDaily.objects.count():,} desa-day rows"
    )
    desa = "32.12.01.2007"
    endpoints = [
        ("layers (30 days)", "/api/v1/insights/layers"),
        (
            "layers (366 days)",
            f"/api/v1/insights/layers?from={(today - dt.timedelta(days=365)).isoformat()}",
        ),
        ("layers Polsek drill-down", "/api/v1/insights/layers?unit=polsek-lohbener"),
        ("desa figures", f"/api/v1/insights/desa/{desa}"),
        ("charts (30 days)", "/api/v1/insights/charts"),
        (
            "charts (366 days)",
            f"/api/v1/insights/charts?from={(today - dt.timedelta(days=365)).isoformat()}",
        ),
        ("alerts", "/api/v1/insights/alerts"),
        ("boundaries desa (org API)", "/api/v1/regions/boundaries?level=desa"),
        ("map boundaries desa", "/api/v1/insights/boundaries?level=desa"),
        ("map boundaries desa gzip", "/api/v1/insights/boundaries?level=desa"),
        ("map boundaries desa 304", "/api/v1/insights/boundaries?level=desa"),
        ("desa panel (htmx)", f"/situasi/desa/{desa}/"),
        ("map page", "/situasi/"),
        ("election page", "/pemilu/"),
    ]
    for label, url in endpoints:
        if url.startswith("/api/v1/insights/boundaries") and not _has_route("insights_boundaries"):
            continue
        headers: dict[str, Any] = {"HX-Request": "true"} if "htmx" in label else {}
        if label.endswith("gzip"):
            headers["Accept-Encoding"] = "gzip"
        if label.endswith("304"):
            headers["If-None-Match"] = client.get(url)["ETag"]
        r = client.get(url, headers=headers)
        assert r.status_code in (200, 304), (url, r.status_code)
        times, cpu = [], []
        statements = _Counter()
        with connection.execute_wrapper(statements):
            client.get(url, headers=headers)
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            client.get(url, headers=headers)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        print(
            f"{label:28s} {summary(times)}  cpu median {statistics.median(cpu):.1f} ms  "
            f"{statements.n} queries  {len(r.content):,} B",
            flush=True,
        )
    _page_size(client)


class _Counter:
    """Counts SQL statements (an execute wrapper; the test client resets queries_log)."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, execute: Any, sql: Any, params: Any, many: Any, context: Any) -> Any:
        self.n += 1
        return execute(sql, params, many, context)


def _has_route(name: str) -> bool:
    from django.urls import NoReverseMatch, reverse

    try:
        reverse(f"api:{name}")
    except NoReverseMatch:
        return False
    return True


def _refresh_live() -> None:
    """What the scheduler does every minute (absent before the live roll-up existed)."""
    try:
        from polmas.insights.services.live import refresh_live
    except ImportError:
        print("live roll-up: not in this version")
        return
    from polmas.insights.models import LiveRefresh
    from polmas.insights.services.rollup import rebuild_monthly

    if not LiveRefresh.objects.filter(name="monthly").exists():
        t0 = time.perf_counter()
        rows = rebuild_monthly()
        print(f"rebuild_monthly: {time.perf_counter() - t0:.1f} s ({rows:,} rows)", flush=True)
    c0 = time.process_time()
    run = refresh_live()
    print(
        f"live roll-up refresh: {run.took_ms} ms wall, {(time.process_time() - c0) * 1000:.0f} ms "
        f"CPU ({run.desa_rows} desa rows today, {run.open_rows} open-case rows)",
        flush=True,
    )


def _page_size(client: Any) -> None:
    from django.conf import settings
    from django.contrib.staticfiles import finders

    parts: list[tuple[str, int, int]] = []
    html = client.get("/situasi/").content
    parts.append(("HTML /situasi/", len(html), _gzip_size(html)))
    for rel in (
        "web/polmas.css",
        "vendor/leaflet/leaflet.css",
        "insights/insights.css",
        "vendor/htmx/htmx.min.js",
        "vendor/leaflet/leaflet.js",
        "insights/command_map.js",
    ):
        path = finders.find(rel)
        data = Path(str(path)).read_bytes() if path else b""
        parts.append((rel, len(data), _gzip_size(data)))
    api = "insights" if _has_route("insights_boundaries") else "regions"
    for label, url in (
        ("boundaries desa", f"/api/v1/{api}/boundaries?level=desa"),
        ("boundaries kecamatan", f"/api/v1/{api}/boundaries?level=kecamatan"),
        ("layers JSON", "/api/v1/insights/layers"),
    ):
        data = client.get(url).content
        parts.append((label, len(data), _gzip_size(data)))
    for name, raw, gz in parts:
        print(f"  {name:28s} {raw:>10,} B  gzip {gz:>9,} B")
    print(
        f"  {'total':28s} {sum(p[1] for p in parts):>10,} B  gzip {sum(p[2] for p in parts):>9,} B"
        f"  (repeat visit: boundaries and static cached; layers JSON only)"
    )
    del settings


if __name__ == "__main__":
    main()
