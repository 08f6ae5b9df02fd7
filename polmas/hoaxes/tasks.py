"""Background jobs for the hoaxes app."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django_tasks import task

from polmas.hoaxes.services.waves import detect_rumour_waves


@task()
def detect_rumour_waves_task(day: str) -> dict[str, Any]:
    """Detect rumour waves for ``day`` (ISO date). Idempotent: safe to run again."""
    run = detect_rumour_waves(day=dt.date.fromisoformat(day))
    return {
        "day": day,
        "reports": run.reports,
        "grouped_now": run.grouped_now,
        "waves": len(run.waves),
        "alerts_created": run.alerts_created,
    }
