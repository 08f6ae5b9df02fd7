"""Test helpers with no domain nouns (DESIGN: core holds the shared test helpers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot of a Playwright page as test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def run_task_queue() -> None:
    """Run every queued task in-process with the real database worker (`db_worker --batch`).

    The worker calls `close_old_connections()` between tasks. Inside a test's transaction that
    would close the PostgreSQL connection the test runs in, so the call is made a no-op here;
    everything else (claiming, running, recording results) is the real worker."""
    from unittest.mock import patch

    from django.core.management import call_command

    with patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
