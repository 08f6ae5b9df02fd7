"""Processes and figures for the webhook benchmark: a fresh database, gunicorn, db_worker, CPU
time of process trees and PostgreSQL backends, and the counts that prove nothing was lost or
doubled (events, jobs, cases, replies)."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
PY = sys.executable
BENCH_DB = "polmas_bench_channels"
TICK = os.sysconf("SC_CLK_TCK")


def polmas(env: dict[str, str], *args: str) -> str:
    out = subprocess.run(
        [PY, "-m", "polmas.cli", *args],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


def psql(sql: str, db: str = "postgres") -> str:
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-Atqc", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


def prepare(db: str, tmp: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), POLMAS_VAR_DIR=str(tmp), OMP_NUM_THREADS="1")
    env.pop("POLMAS_TASKS_BACKEND", None)
    if db == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    else:
        psql(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        psql(f"CREATE DATABASE {BENCH_DB}")
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{BENCH_DB}"
    polmas(env, "migrate", "--no-input", "-v0")
    setup = "import django; django.setup(); from polmas.org.testing import ensure_reference_data as e; e()"  # noqa: E501
    subprocess.run(
        [PY, "-c", setup],
        env=dict(env, DJANGO_SETTINGS_MODULE="polmas.config.settings"),
        cwd=REPO,
        check=True,
    )
    return env


def start_gunicorn(
    env: dict[str, str], port: int, workers: int, threads: int, app: str
) -> subprocess.Popen[bytes]:
    module = "polmas.config.wsgi:" + ("application" if app == "fast" else "django_application")
    proc = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            module,
            "-w",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread" if threads > 1 else "sync",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--backlog",
            "2048",
            "--timeout",
            "120",
        ],
        env=env,
        cwd=REPO,
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            conn.close()
            # every worker has imported the app once gunicorn answered; give the rest a moment
            time.sleep(1.0)
            return proc
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is not None and proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=30)


def start_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [PY, "-m", "polmas.cli", "db_worker", "--interval", "0.05", "--no-startup-delay", "-v0"],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a live process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def tree_cpu(root: int) -> float:
    """CPU seconds of a process and its live children (gunicorn master + workers)."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (s := _stat(int(entry.name))) is not None:
            stats[int(entry.name)] = s
    total = stats.get(root, (0, 0.0))[1]
    return total + sum(cpu for ppid, cpu in stats.values() if ppid == root)


def pg_cpu(db: str) -> dict[int, float]:
    """CPU seconds per PostgreSQL backend connected to the benchmark database."""
    if db != "postgres":
        return {}
    pids = psql(f"SELECT pid FROM pg_stat_activity WHERE datname = '{BENCH_DB}'").split()  # noqa: S608
    result = {}
    for pid in pids:
        s = _stat(int(pid))
        if s is not None:
            result[int(pid)] = s[1]
    return result


def pg_cpu_delta(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def counts() -> dict[str, Any]:
    """Events, jobs, cases and replies in the benchmark database, with duplicate checks."""
    from django.db import connection
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from polmas.aspirations.models import Case
    from polmas.channels.models import InboundEvent as E
    from polmas.channels.models import OutboundMessage as O
    from polmas.channels.models import ReportLink

    jobs = DBTaskResult.objects.filter(task_path__endswith="process_inbound")

    def dup(qs: Any, *fields: str) -> int:
        return int(qs.values(*fields).annotate(n=Count("id")).filter(n__gt=1).count())

    result = {
        "events": E.objects.count(),
        "processed": E.objects.filter(processed_at__isnull=False).count(),
        "case_events": E.objects.filter(outcome="case_created").count(),
        "cases": Case.objects.count(),
        "report_links": ReportLink.objects.count(),
        "outbound": O.objects.count(),
        "sent": O.objects.filter(status="sent").count(),
        "jobs": jobs.count(),
        "jobs_by_status": dict(jobs.values_list("status").annotate(n=Count("id"))),
        "dup_events": dup(E.objects, "channel_id", "dedupe_key"),
        "dup_cases": dup(Case.objects.exclude(idempotency_key=None), "idempotency_key"),
        "dup_replies": dup(O.objects.exclude(dedupe_key=None), "dedupe_key"),
    }
    connection.close()
    return result


def wait_processed(
    target: int, timeout: float, env: dict[str, str] | None = None, tick_every: float = 15.0
) -> tuple[dict[str, Any], float]:
    """Poll the counts until `target` events are processed and every reply is sent. With `env`,
    run `polmas channels tick` every `tick_every` seconds as cron does in a deployment: a
    SIGKILLed worker leaves a reply in `sending`, which only a later tick releases."""
    t0 = last_tick = time.perf_counter()
    while True:
        c = counts()
        done = c["processed"] >= target and c["sent"] >= c["outbound"]
        if done or time.perf_counter() - t0 > timeout:
            return c, time.perf_counter() - t0
        if env is not None and time.perf_counter() - last_tick >= tick_every:
            polmas(env, "channels", "tick", "--recover-after", "0")
            last_tick = time.perf_counter()
        time.sleep(1.0)
