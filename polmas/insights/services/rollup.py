"""The daily roll-up job: rebuild `DesaDaily`/`CategoryDaily`/`PatrolDaily` for days and
snapshot the index.

Idempotent: a day's rows are deleted and written again from `figures.direct_figures` /
`figures.direct_patrol_days` in one transaction that first takes the roll-up lock (the row
`LiveRefresh(name="lock")`, SELECT ... FOR UPDATE), so running the job twice, or next to the
minute's live refresh, leaves the same rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from polmas.insights.figures import COUNTERS, area_days, direct_figures, direct_patrol_days
from polmas.insights.models import (
    AreaDaily,
    CategoryDaily,
    DesaDaily,
    DesaMonthly,
    KondusifSnapshot,
    LiveRefresh,
    PatrolDaily,
)
from polmas.patrols.selectors.coverage import Period

CHUNK_DAYS = 31


@dataclass
class RollupRun:
    days: int = 0
    desa_rows: int = 0
    category_rows: int = 0
    snapshots: int = 0
    patrol_rows: int = 0


LOCK = "lock"


def lock_rollups() -> None:
    """Serialise roll-up writers until the current transaction ends."""
    LiveRefresh.objects.get_or_create(name=LOCK)
    LiveRefresh.objects.select_for_update().filter(name=LOCK).first()


def _rebuild_patrol_days(period: Period) -> int:
    counts = direct_patrol_days(period)
    PatrolDaily.objects.filter(day__gte=period.start, day__lte=period.end).delete()
    rows = [
        PatrolDaily(unit_id=unit, day=day, patrols=n) for (unit, day), n in sorted(counts.items())
    ]
    PatrolDaily.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


@transaction.atomic
def _rebuild_chunk(period: Period) -> tuple[int, int, int]:
    lock_rollups()
    figures = direct_figures(period)
    DesaDaily.objects.filter(day__gte=period.start, day__lte=period.end).delete()
    CategoryDaily.objects.filter(day__gte=period.start, day__lte=period.end).delete()
    desa_rows = [
        DesaDaily(desa_id=code, day=day, **{name: getattr(fig, name) for name in COUNTERS})
        for (code, day), fig in sorted(figures.items())
    ]
    category_rows = [
        CategoryDaily(desa_id=code, day=day, category=category, opened=n)
        for (code, day), fig in sorted(figures.items())
        for category, n in sorted(fig.categories.items())
    ]
    DesaDaily.objects.bulk_create(desa_rows, batch_size=2000)
    CategoryDaily.objects.bulk_create(category_rows, batch_size=2000)
    AreaDaily.objects.filter(day__gte=period.start, day__lte=period.end).delete()
    AreaDaily.objects.bulk_create(
        [AreaDaily(day=day, **vars(area)) for day, area in area_days(period, figures).items()]
    )
    return len(desa_rows), len(category_rows), _rebuild_patrol_days(period)


def rebuild_rollups(start: dt.date, end: dt.date) -> RollupRun:
    """Rebuild the roll-ups for every day in [start, end], a month per transaction."""
    run = RollupRun()
    day = start
    while day <= end:
        chunk_end = min(end, day + dt.timedelta(days=CHUNK_DAYS - 1))
        desa_rows, category_rows, patrol_rows = _rebuild_chunk(Period(day, chunk_end))
        run.days += (chunk_end - day).days + 1
        run.desa_rows += desa_rows
        run.category_rows += category_rows
        run.patrol_rows += patrol_rows
        day = chunk_end + dt.timedelta(days=1)
    return run


@transaction.atomic
def snapshot_kondusif(day: dt.date) -> int:
    """Write every desa's kondusif index as of `day` (replacing that day's snapshot)."""
    from polmas.insights.selectors.layers import compute_layers, deployment_area

    area = deployment_area()
    layers = compute_layers(area, Period(day, day), today=max(day, timezone.localdate()))
    KondusifSnapshot.objects.filter(day=day).delete()
    rows = [
        KondusifSnapshot(desa_id=code, day=day, score=v.kondusif.score, factors=v.kondusif.points)
        for code, v in layers.desa.items()
    ]
    KondusifSnapshot.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


@transaction.atomic
def rebuild_monthly(today: dt.date | None = None) -> int:
    """Rewrite `DesaMonthly` for the 13 complete months before `today`'s month from the daily
    rows of `DesaDaily`, then stamp `LiveRefresh(name="monthly")`. (Sessions and residents per
    month are patrols' own `CoverageMonthly`, kept up to date on every session write.)"""
    from polmas.insights.selectors.sums import MONTHLY, MONTHS, add_months, first_of_month

    lock_rollups()
    today = today or timezone.localdate()
    current = first_of_month(today)
    start, end = add_months(current, -MONTHS), current - dt.timedelta(days=1)
    rows: dict[tuple[str, dt.date], dict[str, int]] = {}
    fields = list(COUNTERS)
    for code, month, *values in (
        DesaDaily.objects.filter(day__gte=start, day__lte=end)
        .annotate(m=TruncMonth("day"))
        .values("desa_id", "m")
        .annotate(**{f"s_{f}": Sum(f) for f in fields})
        .values_list("desa_id", "m", *(f"s_{f}" for f in fields))
    ):
        rows[(code, month)] = {f: int(v or 0) for f, v in zip(fields, values, strict=True)}
    DesaMonthly.objects.filter(month__gte=start, month__lte=end).delete()
    DesaMonthly.objects.bulk_create(
        [DesaMonthly(desa_id=c, month=m, **values) for (c, m), values in sorted(rows.items())],
        batch_size=2000,
    )
    stamp = dt.datetime.combine(today, dt.time(12), tzinfo=dt.UTC)
    LiveRefresh.objects.update_or_create(name=MONTHLY, defaults={"refreshed_at": stamp})
    return len(rows)


def daily_job(
    day: dt.date | None = None, *, lookback_days: int = 7, since: dt.date | None = None
) -> RollupRun:
    """What the scheduler runs after midnight: the last `lookback_days` complete days (late
    edits and deletions land), or every day from `since` (a backfill), then the monthly rows
    and the index snapshot of `day` (default: yesterday, a WIB day)."""
    day = day or timezone.localdate() - dt.timedelta(days=1)
    start = since or day - dt.timedelta(days=max(lookback_days, 1) - 1)
    run = rebuild_rollups(start, day)
    rebuild_monthly()
    run.snapshots = snapshot_kondusif(day)
    return run
