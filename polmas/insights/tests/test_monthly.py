"""Complete months read from `DesaMonthly` give the same map as summing the daily rows."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from polmas.aspirations.models import Status
from polmas.insights.figures import COUNTERS
from polmas.insights.models import DesaMonthly
from polmas.insights.selectors.area import resolve_area
from polmas.insights.selectors.layers import compute_layers
from polmas.insights.selectors.sums import monthly_window, split
from polmas.insights.services.rollup import rebuild_monthly, rebuild_rollups
from polmas.insights.tests.factories import make_case, make_report
from polmas.org.models import Region
from polmas.org.testing import World
from polmas.patrols.generate import generate
from polmas.patrols.selectors.coverage import Period
from polmas.patrols.selectors.coverage import desa_figures as coverage_figures
from polmas.patrols.services.rollup import rebuild_coverage

D = dt.date


def test_split_into_edge_days_and_complete_months() -> None:
    window = (D(2025, 11, 1), D(2026, 10, 1))
    assert split(D(2026, 1, 15), D(2026, 5, 10), window) == (
        [(D(2026, 1, 15), D(2026, 1, 31)), (D(2026, 5, 1), D(2026, 5, 10))],
        (D(2026, 2, 1), D(2026, 4, 1)),
    )
    assert split(D(2026, 2, 1), D(2026, 3, 31), window) == ([], (D(2026, 2, 1), D(2026, 3, 1)))
    # Months outside the window stay daily; no complete month -> one daily range.
    assert split(D(2025, 9, 1), D(2025, 12, 31), window) == (
        [(D(2025, 9, 1), D(2025, 10, 31))],
        (D(2025, 11, 1), D(2025, 12, 1)),
    )
    assert split(D(2026, 3, 5), D(2026, 4, 20), window) == ([(D(2026, 3, 5), D(2026, 4, 20))], None)
    assert split(D(2026, 1, 1), D(2026, 12, 31), None) == ([(D(2026, 1, 1), D(2026, 12, 31))], None)


def test_monthly_rows_give_the_same_layers_as_daily_rows(world: World) -> None:
    today = timezone.localdate()
    rng = random.Random(8)
    desa = list(Region.objects.filter(parent__name="Lohbener", level="desa")[:6])
    now = timezone.now()
    for _ in range(150):
        created = now - dt.timedelta(days=rng.uniform(0, 120))
        closed = rng.random() < 0.5
        make_case(
            rng.choice(desa),
            world.unit_in,
            status=Status.SELESAI if closed else Status.BARU,
            created_at=created,
            closed_at=created + dt.timedelta(hours=5) if closed else None,
            due_at=created + dt.timedelta(hours=48),
            triage={
                "sentiment": rng.choice(["negative", "neutral"]),
                "abusive": rng.random() < 0.3,
            },
        )
    for _ in range(40):
        make_report(rng.choice(desa), day=today - dt.timedelta(days=rng.randrange(120)))
    generate(sessions=300, end_day=today, days=120, seed=8, is_demo=False)
    rebuild_coverage()
    rebuild_rollups(today - dt.timedelta(days=130), today - dt.timedelta(days=1))
    assert rebuild_monthly() > 0
    assert monthly_window() is not None and DesaMonthly.objects.count() > 6
    area = resolve_area(world.user_polres)
    for days in (366, 100, 45, 30, 7):
        period = Period(today - dt.timedelta(days=days - 1), today)
        if days >= 100:
            assert split(period.start, today - dt.timedelta(days=1), monthly_window())[1]
        months = compute_layers(area, period)
        daily = compute_layers(area, period, use_months=False)
        direct = coverage_figures(area.codes, period, method="direct")
        for code, v in daily.desa.items():
            w = months.desa[code]
            assert (v.sessions, v.residents) == (w.sessions, w.residents), (days, code)
            d = direct.get(code)
            assert (w.sessions, w.residents) == ((d.sessions, d.residents) if d else (0, 0)), code
            for name in COUNTERS:
                assert getattr(v.period, name) == getattr(w.period, name), (days, code, name)
        assert sum(v.sessions for v in months.desa.values()) > 0
        assert sum(v.period.cases_opened for v in months.desa.values()) > 0
    # Idempotent.
    rows = DesaMonthly.objects.count()
    rebuild_monthly()
    assert DesaMonthly.objects.count() == rows
