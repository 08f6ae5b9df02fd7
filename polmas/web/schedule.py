"""Periodic jobs: what runs when, for `polmas scheduler` (started by `polmas serve`).

Each entry enqueues an idempotent task on the database queue; the worker runs it. Deployments
that prefer cron can run the equivalent management commands instead (see README)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: int
    task: str  # dotted path of a django-tasks task
    kwargs: Callable[[], dict[str, Any]] = dict


def _today() -> dict[str, Any]:
    return {"day": timezone.localdate().isoformat()}


SCHEDULE: list[Job] = [
    Job("kanal: pulihkan dan kirim ulang", 60, "polmas.channels.tasks.tick"),
    Job(
        "kasus: tenggat, pengingat, eskalasi", 300, "polmas.aspirations.tasks.check_case_deadlines"
    ),
    Job("hoaks: deteksi gelombang", 900, "polmas.hoaxes.tasks.detect_rumour_waves_task", _today),
    Job("situasi: angka hari ini dan kasus terbuka", 60, "polmas.insights.tasks.refresh_live_job"),
    Job("situasi: peringatan", 900, "polmas.insights.tasks.detect_alerts_job"),
    Job(
        "situasi: rekap harian dan indeks kondusif",
        3600,
        "polmas.insights.tasks.rollup_day",
        _today,
    ),
]


def enqueue(job: Job) -> None:
    import_string(job.task).enqueue(**job.kwargs())
