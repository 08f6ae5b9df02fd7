"""The live roll-up: today's figures and the open cases, refreshed every minute by the scheduler.

`refresh_live` rewrites, in one transaction holding the roll-up lock: today's `DesaDaily`,
`CategoryDaily`, `AreaDaily` and `PatrolDaily` rows, every `OpenCaseCount` (overdue counted at
the refresh time) and `OpenCategoryCount`, then stamps `LiveRefresh(name="live").refreshed_at`.
Readers use these rows while the stamp is from today (WIB) and at most
`POLMAS_INSIGHTS_LIVE_MAX_AGE` seconds old; otherwise they compute the same figures from the
source tables (slower, never staler). Tests prove the rows equal the direct computation.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from polmas.core.formatting import WIB
from polmas.insights.figures import direct_open_categories, direct_open_counts
from polmas.insights.models import LiveRefresh, OpenCaseCount, OpenCategoryCount
from polmas.insights.services.rollup import lock_rollups, rebuild_rollups

LIVE = "live"


@dataclass
class LiveRun:
    refreshed_at: dt.datetime
    desa_rows: int
    open_rows: int
    patrol_rows: int
    took_ms: int


def _rebuild_open_counts(now: dt.datetime) -> int:
    counts = direct_open_counts(now)
    OpenCaseCount.objects.all().delete()
    rows = [
        OpenCaseCount(desa_id=code, urgency=urgency, open=n, overdue=late)
        for (code, urgency), (n, late) in sorted(counts.items())
    ]
    OpenCaseCount.objects.bulk_create(rows, batch_size=2000)
    OpenCategoryCount.objects.all().delete()
    OpenCategoryCount.objects.bulk_create(
        [
            OpenCategoryCount(desa_id=code, category=category, open=n)
            for (code, category), n in sorted(direct_open_categories().items())
        ],
        batch_size=2000,
    )
    return len(rows)


@transaction.atomic
def refresh_live(now: dt.datetime | None = None) -> LiveRun:
    """Rewrite today's roll-up rows and the open-case counts, then stamp the refresh time."""
    started = time.perf_counter()
    now = now or timezone.now()
    today = now.astimezone(WIB).date()
    lock_rollups()
    run = rebuild_rollups(today, today)
    open_rows = _rebuild_open_counts(now)
    took = round((time.perf_counter() - started) * 1000)
    LiveRefresh.objects.update_or_create(name=LIVE, defaults={"refreshed_at": now, "took_ms": took})
    return LiveRun(now, run.desa_rows, open_rows, run.patrol_rows, took)
