"""Run the web server (gunicorn) and the background worker together; Ctrl-C stops both.

Production defaults (measured with benchmarks/patrols/api_bench.py and
benchmarks/channels/bench_webhooks.py on 2 cores): workers = 2 x cores, gthread worker class
with 4 threads each. Threads keep a worker busy while another request waits on the database
(a PostgreSQL commit, the SQLite write lock), which more than doubled webhook throughput on
PostgreSQL against 2 sync workers. Every thread holds its own persistent database connection:
plan PostgreSQL's max_connections for workers x threads (+ the db_worker).
"""

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Command(BaseCommand):
    help = "Serve Polmas with gunicorn, the task worker and the job scheduler; Ctrl-C stops all."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_WORKERS", 2 * _cores()))
        )
        parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", "4")))

    def handle(self, *args: Any, **options: Any) -> None:
        python = sys.executable
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
        procs = [subprocess.Popen(cmd) for cmd in (web, worker, scheduler)]  # noqa: S603
        self.stdout.write(f"Polmas berjalan di http://{bind}/ (Ctrl-C untuk berhenti)")
        stopping = False

        def stop(*_: Any) -> None:
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
