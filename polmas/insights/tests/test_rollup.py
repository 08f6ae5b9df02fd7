"""Roll-ups equal the direct computation; the layers need a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from polmas.aspirations.models import Status, Urgency
from polmas.core.formatting import WIB
from polmas.insights.figures import direct_figures, rollup_figures
from polmas.insights.models import DesaDaily, KondusifSnapshot
from polmas.insights.presenters import LAYER_KEYS
from polmas.insights.selectors.area import resolve_area
from polmas.insights.selectors.layers import compute_layers
from polmas.insights.services.rollup import daily_job, rebuild_rollups
from polmas.insights.tests.factories import make_case, make_report
from polmas.org.models import Region
from polmas.org.testing import World
from polmas.patrols.selectors.coverage import Period

CATEGORIES = ["kriminalitas", "ketertiban_umum", "pemilu_politik_uang", "hoaks", "lainnya"]


def _random_data(world: World, rng: random.Random, today: dt.date) -> list[str]:
    desa = list(
        Region.objects.filter(parent__name__in=["Lohbener", "Indramayu"], level="desa").values_list(
            "code", flat=True
        )[:8]
    )
    regions = {r.code: r for r in Region.objects.filter(code__in=desa)}
    for _ in range(120):
        code = rng.choice(desa)
        created = dt.datetime.combine(
            today - dt.timedelta(days=rng.randrange(20)),
            dt.time(rng.randrange(24), rng.randrange(60)),
            WIB,
        )
        closed = rng.random() < 0.4
        triage = (
            None
            if rng.random() < 0.3
            else {
                "sentiment": rng.choice(["negative", "neutral", "positive"]),
                "hate_speech": rng.random() < 0.2,
                "abusive": rng.random() < 0.2,
            }
        )
        make_case(
            regions[code],
            world.unit_in,
            category=rng.choice(CATEGORIES),
            urgency=rng.choice(list(Urgency)),
            status=Status.SELESAI if closed else Status.DITUGASKAN,
            created_at=created,
            closed_at=created + dt.timedelta(hours=rng.randrange(1, 90)) if closed else None,
            breached_at=created + dt.timedelta(hours=1) if closed and rng.random() < 0.3 else None,
            due_at=created + dt.timedelta(hours=rng.randrange(1, 200)),
            triage=triage,
            deleted=rng.random() < 0.05,
        )
    for _ in range(40):
        make_report(
            regions[rng.choice(desa)],
            day=today - dt.timedelta(days=rng.randrange(20)),
            deleted=rng.random() < 0.05,
            triage=None
            if rng.random() < 0.3
            else {"sentiment": "negative", "hate_speech": rng.random() < 0.3, "abusive": False},
        )
    return desa


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rollup_equals_direct_computation(world: World, seed: int) -> None:
    today = timezone.localdate()
    _random_data(world, random.Random(seed), today)
    period = Period(today - dt.timedelta(days=25), today)
    rebuild_rollups(period.start, period.end)
    assert rollup_figures(period) == direct_figures(period)
    assert sum(f.cases_opened for f in direct_figures(period).values()) > 50
    # Idempotent: a second run leaves the same rows.
    rows = DesaDaily.objects.count()
    rebuild_rollups(period.start, period.end)
    assert DesaDaily.objects.count() == rows
    assert rollup_figures(period) == direct_figures(period)
    # Sub-periods too (chunk borders inside).
    sub = Period(today - dt.timedelta(days=9), today - dt.timedelta(days=3))
    assert rollup_figures(sub) == direct_figures(sub)


def test_layers_match_the_source_rows(world: World) -> None:
    today = timezone.localdate()
    desa = _random_data(world, random.Random(7), today)
    rebuild_rollups(today - dt.timedelta(days=30), today - dt.timedelta(days=1))
    period = Period(today - dt.timedelta(days=14), today)
    layers = compute_layers(resolve_area(world.user_polres), period)
    direct = direct_figures(period)
    for code in desa:
        v = layers.desa[code]
        assert v.period.cases_opened == sum(
            f.cases_opened for (c, _), f in direct.items() if c == code
        )
        assert v.period.hoax_reports == sum(
            f.hoax_reports for (c, _), f in direct.items() if c == code
        )
    from polmas.aspirations.models import OPEN_STATUSES, Case

    open_total = Case.objects.filter(
        deleted_at__isnull=True, status__in=OPEN_STATUSES, desa__isnull=False
    ).count()
    assert sum(v.open_cases for v in layers.desa.values()) == open_total


def _queries(fn: Any) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_no_query_per_desa(world: World) -> None:
    today = timezone.localdate()
    _random_data(world, random.Random(3), today)
    period = Period(today - dt.timedelta(days=29), today)
    polres = _queries(lambda: compute_layers(resolve_area(world.user_polres), period))
    polsek = _queries(lambda: compute_layers(resolve_area(world.user_in), period))
    assert len(resolve_area(world.user_polres).desa) == 317
    assert len(resolve_area(world.user_in).desa) < 30
    assert polres <= polsek + 1  # the whole-deployment case skips nothing but the IN list
    assert polres < 20, polres


def test_daily_job_snapshots_every_desa(world: World) -> None:
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    run = daily_job(yesterday)
    assert run.snapshots == 317
    assert KondusifSnapshot.objects.filter(day=yesterday).count() == 317
    daily_job(yesterday)
    assert KondusifSnapshot.objects.filter(day=yesterday).count() == 317


def test_layer_keys_are_stable() -> None:
    assert LAYER_KEYS[0] == "kondusif" and "tps" in LAYER_KEYS
