"""Run the web server (gunicorn) and the background worker together; Ctrl-C stops both.

Production defaults, from benchmarks/patrols/api_bench.py and benchmarks/channels/bench_webhooks.py
on 2 shared cores (2026-11-29, load average 4-8 from other jobs, so noisy):
- PostgreSQL: workers = 2 x cores, gthread worker class with 4 threads each. Threads keep a
  worker busy while another request waits for its commit: webhooks 384 -> 451/s and sessions
  100 -> 130/s against 2 sync workers. Every thread holds its own persistent connection: plan
  max_connections for workers x threads (+ the task workers).
- SQLite: workers = cores, sync. There is one writer at a time anyway; more processes or
  threads only added lock waits (webhooks 608/s with 2 sync workers, 583/s with 4, 501/s with
  4 x 4 threads; sessions 138/s with 2 sync workers, 74/s with 4).
WEB_WORKERS / WEB_THREADS (or --workers / --threads) override them.

Task workers (`db_worker`: case jobs, chat triage, replies to residents): 2 on PostgreSQL, where
they run side by side, 1 on SQLite, where every job ends in a write and writers take turns.
`bench_webhooks.py --kill-restart --n 2000 --task-workers 1|2` on 2 quiet cores (2026-12-05),
backlog of 2,000 chat messages: PostgreSQL 45 -> 61 processed/s (end to end 35 -> 58/s);
SQLite 83 -> 90/s (end to end 76 -> 78/s, within run-to-run noise). TASK_WORKERS (or
--task-workers) overrides it.
"""

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Command(BaseCommand):
    help = "Serve Polmas with gunicorn, the task worker and the job scheduler; Ctrl-C stops all."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ["WEB_WORKERS"]) if "WEB_WORKERS" in os.environ else None,
            help="worker processes (default: 2 x cores on PostgreSQL, cores on SQLite)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ["WEB_THREADS"]) if "WEB_THREADS" in os.environ else None,
            help="threads per worker (default: 4 on PostgreSQL, 1 = sync workers on SQLite)",
        )
        parser.add_argument(
            "--task-workers",
            type=int,
            default=int(os.environ["TASK_WORKERS"]) if "TASK_WORKERS" in os.environ else None,
            help="background task workers (default: 2 on PostgreSQL, 1 on SQLite)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from django.conf import settings

        python = sys.executable
        sqlite = settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
        if options["workers"] is None:
            options["workers"] = _cores() if sqlite else 2 * _cores()
        if options["threads"] is None:
            options["threads"] = 1 if sqlite else 4
        if options["task_workers"] is None:
            options["task_workers"] = 1 if sqlite else 2
        if min(options["workers"], options["threads"], options["task_workers"]) < 1:
            raise CommandError(_("Jumlah worker dan thread minimal 1."))
        bind = f"{options['host']}:{options['port']}"
        web = [
            python,
            "-m",
            "gunicorn",
            "polmas.config.wsgi",
            "--bind",
            bind,
            "--workers",
            str(options["workers"]),
            "--worker-class",
            "gthread" if options["threads"] > 1 else "sync",
            "--threads",
            str(options["threads"]),
            "--access-logfile",
            "-",
        ]
        worker = [python, "-m", "polmas.cli", "db_worker", "--queue-name", "default"]
        scheduler = [python, "-m", "polmas.cli", "scheduler"]
        commands = [web, *[worker] * options["task_workers"], scheduler]
        procs = [subprocess.Popen(cmd) for cmd in commands]  # noqa: S603
        self.stdout.write(
            _("Polmas berjalan di http://%(bind)s/ (Ctrl-C untuk berhenti)") % {"bind": bind}
        )
        stopping = False

        def stop(*_signal: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping and all(p.poll() is None for p in procs):
                time.sleep(0.3)
        finally:
            for p in procs:
                if p.poll() is None:
                    p.terminate()
            for p in procs:
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
        if not stopping:
            raise SystemExit(1)
