"""The live roll-up (today's rows, open cases, patrols per day) equals the direct computation,
and readers only trust it while it is fresh."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from polmas.aspirations.models import Status, Urgency
from polmas.insights.figures import (
    COUNTERS,
    area_days,
    direct_figures,
    direct_open_categories,
    direct_open_counts,
    direct_patrol_days,
    rollup_area_days,
    rollup_figures,
    rollup_open_categories,
    rollup_open_counts,
    rollup_patrol_days,
)
from polmas.insights.models import LiveRefresh, OpenCaseCount, PatrolDaily
from polmas.insights.selectors.area import resolve_area
from polmas.insights.selectors.charts import chart_data
from polmas.insights.selectors.layers import compute_layers
from polmas.insights.services.live import refresh_live
from polmas.insights.services.rollup import rebuild_rollups
from polmas.insights.tests.factories import make_case
from polmas.insights.tests.test_rollup import _queries, _random_data
from polmas.org.testing import World
from polmas.patrols.generate import generate
from polmas.patrols.models import Patrol, PatrolStatus
from polmas.patrols.selectors.coverage import Period
from polmas.patrols.services.rollup import rebuild_coverage


def _patrols(today: dt.date, seed: int) -> None:
    generate(sessions=120, end_day=today, days=6, seed=seed, is_demo=False)
    rebuild_coverage()
    ids = list(Patrol.objects.order_by("id").values_list("id", flat=True))
    rng = random.Random(seed)
    Patrol.objects.filter(id__in=rng.sample(ids, 5)).update(status=PatrolStatus.CANCELLED)
    Patrol.objects.filter(id__in=rng.sample(ids, 5)).update(deleted_at=timezone.now())


@pytest.mark.parametrize("seed", [1, 2])
def test_live_rollup_equals_direct_computation(world: World, seed: int) -> None:
    today = timezone.localdate()
    _random_data(world, random.Random(seed), today)
    _patrols(today, seed)
    now = timezone.now()
    run = refresh_live(now)
    assert run.open_rows == OpenCaseCount.objects.count() > 0
    assert rollup_open_counts() == direct_open_counts(now)
    assert rollup_open_categories() == direct_open_categories()
    assert sum(direct_open_categories().values()) == sum(
        n for n, _late in direct_open_counts(now).values()
    )
    assert sum(n for n, _late in direct_open_counts(now).values()) > 20
    assert sum(late for _n, late in direct_open_counts(now).values()) > 0
    day = Period(today, today)
    assert rollup_figures(day) == direct_figures(day)
    assert rollup_patrol_days(day) == direct_patrol_days(day)
    assert sum(direct_patrol_days(day).values()) > 0
    # Overdue depends on the refresh time: two hours later more deadlines have passed.
    later = now + dt.timedelta(hours=2)
    refresh_live(later)
    assert rollup_open_counts() == direct_open_counts(later)
    # Idempotent.
    rows = OpenCaseCount.objects.count()
    refresh_live(later)
    assert OpenCaseCount.objects.count() == rows
    assert rollup_open_counts() == direct_open_counts(later)


def test_patrol_days_rolled_up_with_the_daily_job(world: World) -> None:
    today = timezone.localdate()
    _patrols(today, 4)
    period = Period(today - dt.timedelta(days=8), today)
    run = rebuild_rollups(period.start, period.end)
    assert run.patrol_rows == PatrolDaily.objects.count() > 3
    assert rollup_patrol_days(period) == direct_patrol_days(period)
    cancelled = Patrol.objects.filter(status=PatrolStatus.CANCELLED).count()
    deleted = Patrol.objects.filter(deleted_at__isnull=False).count()
    counted = Patrol.objects.count() - cancelled - deleted
    assert sum(rollup_patrol_days(period).values()) >= counted - 1  # one may be both


SHOWN = [name for name in COUNTERS if not name.startswith("cases_closed")]


def _same_values(a: Any, b: Any) -> None:
    assert a.desa.keys() == b.desa.keys()
    for code, v in a.desa.items():
        w = b.desa[code]
        assert (v.open_by_urgency, v.overdue, v.sessions) == (
            w.open_by_urgency,
            w.overdue,
            w.sessions,
        ), code
        for name in SHOWN:
            assert getattr(v.period, name) == getattr(w.period, name), (code, name)
            assert getattr(v.window, name) == getattr(w.window, name), (code, name)
        # Today's closings only come with the live roll-up (the map does not show them).
        assert w.period.cases_closed >= v.period.cases_closed, code
        assert v.kondusif.score == w.kondusif.score, code


def test_layers_and_charts_read_the_live_rollup_like_the_source(
    world: World, afternoon: None
) -> None:
    today = timezone.localdate()
    _random_data(world, random.Random(9), today)
    _patrols(today, 9)
    rebuild_rollups(today - dt.timedelta(days=30), today - dt.timedelta(days=1))
    area = resolve_area(world.user_polres)
    period = Period(today - dt.timedelta(days=13), today)
    direct = compute_layers(area, period)
    direct_charts = chart_data(world.user_polres, area, period)
    direct_queries = _queries(lambda: compute_layers(area, period))
    assert not direct.live
    refresh_live()
    live = compute_layers(area, period)
    live_charts = chart_data(world.user_polres, area, period)
    assert live.live and live.as_of == LiveRefresh.objects.get(name="live").refreshed_at
    _same_values(direct, live)
    assert sum(v.open_cases for v in live.desa.values()) > 20
    for key in ("categories", "patrols", "sessions", "residents", "topics", "days"):
        assert live_charts[key] == direct_charts[key], key
    assert sum(live_charts["patrols"]) > 0 and live_charts["topics"]
    # The live roll-up also carries today's closings into the SLA series.
    assert live_charts["sla"]["closed"][:-1] == direct_charts["sla"]["closed"][:-1]
    assert live_charts["sla"]["closed"][-1] >= direct_charts["sla"]["closed"][-1]
    assert _queries(lambda: compute_layers(area, period)) < direct_queries


def test_stale_or_yesterdays_live_rollup_is_not_used(world: World, settings: Any) -> None:
    today = timezone.localdate()
    make_case(world.desa_in, world.unit_in, urgency=Urgency.DARURAT, status=Status.BARU)
    area = resolve_area(world.user_polres)
    period = Period(today, today)
    refresh_live()
    assert compute_layers(area, period).live
    # A case opened after the refresh waits for the next one (at most a minute).
    make_case(world.desa_in, world.unit_in, urgency=Urgency.DARURAT, status=Status.BARU)
    assert compute_layers(area, period).desa[world.desa_in.code].open_by_urgency["darurat"] == 1
    refresh_live()
    assert compute_layers(area, period).desa[world.desa_in.code].open_by_urgency["darurat"] == 2
    # Too old: the source tables answer (and see the third case at once).
    too_old = dt.timedelta(seconds=settings.POLMAS_INSIGHTS_LIVE_MAX_AGE + 5)
    LiveRefresh.objects.filter(name="live").update(refreshed_at=timezone.now() - too_old)
    make_case(world.desa_in, world.unit_in, urgency=Urgency.DARURAT, status=Status.BARU)
    stale = compute_layers(area, period)
    assert not stale.live
    assert stale.desa[world.desa_in.code].open_by_urgency["darurat"] == 3
    # A refresh stamped on another WIB day does not answer for today.
    refresh_live(timezone.now() - dt.timedelta(days=1))
    assert not compute_layers(area, period).live


def test_layers_api_says_when_today_was_counted(world: World) -> None:
    client = Client()
    client.force_login(world.user_polres)
    body = client.get("/api/v1/insights/layers").json()
    assert body["live"] is False and body["as_of"]
    run = refresh_live()
    body = client.get("/api/v1/insights/layers").json()
    assert body["live"] is True
    assert body["as_of"] == run.refreshed_at.isoformat()
    assert len(body["as_of_wib"]) == 5


def test_area_rollup_equals_the_desa_rows(world: World) -> None:
    today = timezone.localdate()
    _random_data(world, random.Random(5), today)
    _patrols(today, 5)
    period = Period(today - dt.timedelta(days=20), today)
    rebuild_rollups(period.start, today - dt.timedelta(days=1))
    past = Period(period.start, today - dt.timedelta(days=1))
    assert rollup_area_days(past) == area_days(past, direct_figures(past))
    assert sum(a.sessions for a in rollup_area_days(past).values()) > 0
    area = resolve_area(world.user_polres)
    for live in (False, True):
        if live:
            refresh_live()
        whole = chart_data(world.user_polres, area, period)
        by_desa = chart_data(world.user_polres, area, period, area_rollup=False)
        assert whole.pop("as_of") <= by_desa.pop("as_of")
        assert whole == by_desa
        assert sum(whole["sessions"]) > 0 and sum(sum(c["data"]) for c in whole["categories"]) > 50


def test_election_cases_from_the_live_rollup_equal_the_source(world: World) -> None:
    from polmas.insights.selectors.election import election_cases

    today = timezone.localdate()
    _random_data(world, random.Random(12), today)
    rebuild_rollups(today - dt.timedelta(days=30), today - dt.timedelta(days=1))
    period = Period(today - dt.timedelta(days=29), today)
    for user in (world.user_polres, world.user_in):
        area = resolve_area(user)
        LiveRefresh.objects.filter(name="live").delete()
        direct = election_cases(area, period, today)
        refresh_live()
        assert election_cases(area, period, today) == direct
    polres = election_cases(resolve_area(world.user_polres), period, today)
    assert polres and all(c["code"].startswith("pemilu") for c in polres)
    assert sum(c["open"] + c["period"] for c in polres) > 0
