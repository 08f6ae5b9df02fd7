"""Benchmark: cases created per second through the service layer, and the scoped inbox page
plus filtered counts at N cases (median/p95), on the database named by DATABASE_URL.

    PYTHONPATH=. DATABASE_URL=sqlite:////tmp/polmas_bench_cases.sqlite3 \
        python benchmarks/aspirations/bench_cases.py 100000
    PYTHONPATH=. DATABASE_URL=postgres://postgres@127.0.0.1:5432/polmas_bench_cases \
        python benchmarks/aspirations/bench_cases.py 1000000

It builds its own data (never in tests): migrates, loads Indramayu and the default units, makes a
Kapolsek and a Kapolres user, then tops the case table up to N rows with bulk_create (and rebuilds
the roll-up, which bulk_create bypasses). Each inbox figure is the whole view (queries, template)
over 15 requests after one uncounted warm-up request; create_case is measured in a warm process.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import time
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polmas.config.settings")
# Jobs go to the database queue as in production (their enqueue cost is measured).
os.environ.setdefault("POLMAS_TASKS_BACKEND", "db")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils import timezone  # noqa: E402

RUNS = 15


def ms(samples: list[float]) -> str:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, round(0.95 * (len(s) - 1)))]
    return f"median {statistics.median(s) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms"


def setup() -> tuple[Any, Any]:
    call_command("migrate", verbosity=0)
    from polmas.aspirations.categories import load_categories
    from polmas.org.models import Person, Role
    from polmas.org.testing import ensure_reference_data, make_officer

    ensure_reference_data()
    load_categories()
    from polmas.org.models import Unit

    users = []
    for code, name, role, nrp in (
        ("polsek-lohbener", "bench.kapolsek", Role.KAPOLSEK, "B0001"),
        ("polres-indramayu", "bench.kapolres", Role.KAPOLRES, "B0002"),
    ):
        p = Person.objects.filter(nrp=nrp).select_related("user").first()
        users.append(p.user if p else make_officer(Unit.objects.get(code=code), name, role, nrp))
    return users[0], users[1]


def top_up(n: int) -> None:
    from polmas.aspirations import sla, tally
    from polmas.aspirations.models import Case, Category, Status, Urgency
    from polmas.org import selectors as org
    from polmas.org.models import Region

    have = Case.objects.count()
    if have >= n:
        if not tally.CaseTally.objects.exists():
            tally.rebuild()
        return
    rng = random.Random(42)
    desa = list(
        Region.objects.filter(level="desa", code__startswith="32.12.").values_list(
            "code", flat=True
        )
    )
    unit_of = {d: org.responsible_unit_for_desa(d) for d in desa}
    cats = list(Category.objects.all())
    statuses = [s.value for s in Status]
    weights = [10, 5, 10, 10, 2, 40, 10, 5, 8]
    urgencies = [u.value for u in Urgency]
    policy = {u: sla.policy_for(None, u) for u in urgencies}
    now = timezone.now()
    batch: list[Case] = []
    t0 = time.perf_counter()
    for i in range(have, n):
        d = rng.choice(desa)
        st = rng.choices(statuses, weights)[0]
        u = rng.choice(urgencies)
        created = now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 365))
        batch.append(
            Case(
                tracking_code=f"PM-B{i:09d}",
                category=rng.choice(cats),
                urgency=u,
                status=st,
                description=f"laporan warga nomor {i}",
                title=f"laporan {i}",
                desa_id=d,
                unit=unit_of[d],
                origin="web",
                created_at=created,
                sla_policy=policy[u],
                due_at=created + dt.timedelta(days=rng.randint(1, 10))
                if st in ("baru", "diverifikasi", "ditugaskan", "ditindaklanjuti")
                else None,
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch, batch_size=1000)
            batch = []
    if batch:
        Case.objects.bulk_create(batch, batch_size=1000)
    tally.rebuild()  # bulk_create bypasses Case.save(), which keeps the roll-up in step
    print(f"  loaded {n - have} cases in {time.perf_counter() - t0:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("ANALYZE aspirations_case")
    else:
        with connection.cursor() as c:
            c.execute("ANALYZE")


def bench_create(user: Any, count: int = 300) -> None:
    """Cases/s through `services.create_case` (warm process: models loaded, memo filled)."""
    from polmas.aspirations import services
    from polmas.org.models import Region

    desa = list(
        Region.objects.filter(level="desa", code__startswith="32.12.").values_list(
            "code", flat=True
        )[:50]
    )
    for d in desa:  # warm-up: triage models and the per-desa route memo
        services.create_case(actor=None, description="pemanasan", desa_code=d)
    variants: tuple[tuple[str, dict[str, str]], ...] = (
        ("category given, triage inline (decides urgency)", {}),
        ("category+urgency given (staff intake), triage as a job", {"urgency": "normal"}),
    )
    for label, extra in variants:
        rates = []
        for _run in range(3):
            t0 = time.perf_counter()
            for i in range(count):
                services.create_case(
                    actor=None,
                    description=f"Ada balap liar di jalan desa setiap malam minggu nomor {i}",
                    desa_code=desa[i % len(desa)],
                    category_code="lalu_lintas",
                    **extra,  # type: ignore[arg-type]
                )
            rates.append(count / (time.perf_counter() - t0))
        print(f"  create_case, {label}: median {statistics.median(rates):.1f} cases/s")


def bench_inbox(label: str, user: Any, params: dict[str, str]) -> None:
    from polmas.aspirations import views

    rf = RequestFactory()
    samples: list[float] = []
    count_samples: list[float] = []
    from polmas.aspirations import selectors

    for run in range(RUNS + 1):  # run 0 warms up (template compile, memo) and is not counted
        req = rf.get("/kasus/", params)
        req.user = user
        from django.contrib.messages.storage.fallback import FallbackStorage

        req.session = {}  # type: ignore[assignment]
        req._messages = FallbackStorage(req)  # type: ignore[attr-defined]
        t0 = time.perf_counter()
        resp = views.inbox(req)
        if run:
            samples.append(time.perf_counter() - t0)
        assert resp.status_code == 200
        t0 = time.perf_counter()
        selectors.counts(user)
        if run:
            count_samples.append(time.perf_counter() - t0)
        # fresh scope next time, as in a new request
        for attr in ("_polmas_scope",):
            if hasattr(user, attr):
                delattr(user, attr)
    print(f"  {label:<44} page {ms(samples)} | counts {ms(count_samples)}")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    kapolsek, kapolres = setup()
    print(f"database: {connection.vendor}, target size {n:,} cases")
    top_up(n)
    from polmas.aspirations.models import Case

    print(f"  cases in table: {Case.objects.count():,}")
    for label, user in (("Kapolsek Lohbener", kapolsek), ("Kapolres (all)", kapolres)):
        bench_inbox(f"{label}: inbox", user, {})
        bench_inbox(f"{label}: open+overdue", user, {"status": "open", "overdue": "on"})
        bench_inbox(
            f"{label}: category+urgency", user, {"category": "narkoba", "urgency": "tinggi"}
        )
        bench_inbox(f"{label}: page 50", user, {"page": "50"})
    bench_create(kapolsek)


if __name__ == "__main__":
    main()
