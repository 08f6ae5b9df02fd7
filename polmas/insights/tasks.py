"""Background jobs: the daily roll-up and alert detection (both idempotent)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polmas.insights.services.alerts import detect_alerts
from polmas.insights.services.live import refresh_live
from polmas.insights.services.rollup import daily_job


@task()
def rollup_day(day: str | None = None) -> int:
    """Roll up the week up to `day` (ISO date; default yesterday) and snapshot its index."""
    run = daily_job(dt.date.fromisoformat(day) if day else None)
    return run.desa_rows


@task()
def detect_alerts_job() -> int:
    return detect_alerts().created


@task()
def refresh_live_job() -> int:
    """Today's roll-up rows and the open-case counts (the scheduler runs it every minute)."""
    return refresh_live().took_ms
