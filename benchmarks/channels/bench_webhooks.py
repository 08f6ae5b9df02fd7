"""Webhooks acknowledged per second (gunicorn on loopback, --workers/--threads), end-to-end
processed messages per second (one db_worker), and a 10,000-webhook run with the worker
SIGKILLed and restarted midway: acknowledged = processed, nothing lost or doubled.

    PYTHONPATH=. .venv/bin/python benchmarks/channels/bench_webhooks.py --db sqlite
    PYTHONPATH=. .venv/bin/python benchmarks/channels/bench_webhooks.py --db postgres

Builds its own database (a temp SQLite file, or PostgreSQL `polmas_bench_channels`), never the
demo one. Telegram webhooks carry report texts naming a desa, so each one becomes a case and a
reply sent to the fake provider (polmas.channels.testing.FakeProvider) in this process.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
PY = sys.executable
TEXTS = [
    "ada yang bagi-bagi amplop di desa Lohbener",
    "tolong pak ada tawuran pemuda di desa Legok kecamatan Lohbener",
    "jalan rusak parah di desa Pamayahan, mohon perhatian",
    "ada pencurian motor semalam di desa Sindangkerta Lohbener",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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


def prepare(db: str, tmp: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), POLMAS_VAR_DIR=str(tmp), OMP_NUM_THREADS="1")
    env.pop("POLMAS_TASKS_BACKEND", None)
    if db == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    else:
        name = "polmas_bench_channels"
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {name}"],
            check=True,
        )
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {name}"],
            check=True,
        )
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    polmas(env, "migrate", "--no-input", "-v0")
    subprocess.run(
        [
            PY,
            "-c",
            "import django; django.setup(); from polmas.org.testing import ensure_reference_data as e; e()",  # noqa: E501
        ],
        env=dict(env, DJANGO_SETTINGS_MODULE="polmas.config.settings"),
        cwd=REPO,
        check=True,
    )
    return env


def start_gunicorn(
    env: dict[str, str], port: int, workers: int = 2, threads: int = 1
) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "polmas.config.wsgi",
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
        ],
        env=env,
        cwd=REPO,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/masuk/")
            conn.getresponse().read()
            return proc
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def start_worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [PY, "-m", "polmas.cli", "db_worker", "--interval", "0.05", "--no-startup-delay", "-v0"],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


class Sender:
    def __init__(self, port: int, path: str, secret: str) -> None:
        self.port, self.path, self.secret = port, path, secret
        self.latencies: list[float] = []
        self.acks = 0
        self.dups = 0
        self.errors = 0
        self.lock = threading.Lock()

    def send(self, update_id: int, chat_id: int, text: str) -> None:
        body = json.dumps(
            {
                "update_id": update_id,
                "message": {
                    "message_id": update_id % 100000,
                    "from": {"id": chat_id, "is_bot": False, "first_name": "Warga"},
                    "chat": {"id": chat_id, "type": "private"},
                    "date": int(time.time()),
                    "text": text,
                },
            }
        ).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": self.secret,
        }
        for _attempt in range(5):
            t0 = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                conn.request("POST", self.path, body, headers)
                response = conn.getresponse()
                data = response.read()
                conn.close()
            except OSError:
                time.sleep(0.05)
                continue
            dt = time.perf_counter() - t0
            with self.lock:
                self.latencies.append(dt)
                if response.status == 200:
                    result = json.loads(data)
                    self.acks += result["accepted"]
                    self.dups += result["duplicates"]
                else:
                    self.errors += 1
            return
        with self.lock:
            self.errors += 1

    def run(self, jobs: list[tuple[int, int, str]], threads: int, on_progress: Any = None) -> float:
        it = iter(jobs)
        lock = threading.Lock()
        done = [0]

        def loop() -> None:
            while True:
                with lock:
                    job = next(it, None)
                    if job is None:
                        return
                    done[0] += 1
                    n = done[0]
                self.send(*job)
                if on_progress:
                    on_progress(n)

        t0 = time.perf_counter()
        workers = [threading.Thread(target=loop) for _ in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return time.perf_counter() - t0


def counts(env: dict[str, str]) -> dict[str, int]:
    from django.db import connection
    from django.db.models import Count

    from polmas.channels.models import InboundEvent as E
    from polmas.channels.models import InboundReport as R
    from polmas.channels.models import OutboundMessage as O

    dup_reports = (
        R.objects.values("idempotency_key").annotate(n=Count("id")).filter(n__gt=1).count()
    )
    result = {
        "events": E.objects.count(),
        "processed": E.objects.filter(processed_at__isnull=False).count(),
        "reports": R.objects.count(),
        "outbound": O.objects.count(),
        "sent": O.objects.filter(status="sent").count(),
        "dup_reports": dup_reports,
        "case_events": E.objects.filter(outcome="case_created").count(),
    }
    connection.close()
    return result


def wait_processed(
    env: dict[str, str], target: int, timeout: float
) -> tuple[dict[str, int], float]:
    t0 = time.perf_counter()
    while True:
        c = counts(env)
        if (
            c["processed"] >= target and c["sent"] >= c["outbound"]
        ) or time.perf_counter() - t0 > timeout:
            return c, time.perf_counter() - t0
        time.sleep(1.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--ack-runs", type=int, default=3)
    parser.add_argument("--ack-n", type=int, default=2000)
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--clients", type=int, default=8, help="client threads")
    parser.add_argument("--repeat-share", type=float, default=0.01)
    parser.add_argument(
        "--settings",
        default="polmas.config.settings",
        help="settings module for gunicorn and the worker (default: as shipped)",
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help=">1: gthread worker class")
    parser.add_argument(
        "--ack-only", action="store_true", help="measure acknowledgements only (skip 2 and 3)"
    )
    args = parser.parse_args()

    from polmas.channels.testing import FakeProvider

    tmp = Path(tempfile.mkdtemp(prefix="polmas_bench_channels_"))
    fake = FakeProvider().__enter__()
    gunicorn = worker = None
    try:
        env = prepare(args.db, tmp)
        env["DJANGO_SETTINGS_MODULE"] = args.settings
        os.environ.update(DATABASE_URL=env["DATABASE_URL"], POLMAS_VAR_DIR=str(tmp))
        os.environ["DJANGO_SETTINGS_MODULE"] = "polmas.config.settings"
        import django

        django.setup()
        channel = json.loads(
            polmas(
                env,
                "channels",
                "add",
                "telegram",
                "--unit",
                "polsek-lohbener",
                "--api-base",
                fake.url,
                "--rate",
                "100000",
            )
        )
        port = free_port()
        gunicorn = start_gunicorn(env, port, args.workers, args.threads)
        sender = Sender(port, channel["webhook_url"], channel["secret_token"])
        print(
            f"settings={args.settings} database={args.db} gunicorn workers={args.workers} threads={args.threads} client threads={args.clients} cores={os.cpu_count()}"  # noqa: E501
        )

        # 1. acknowledgement rate (no worker running)
        rates, uid = [], 1
        for run in range(args.ack_runs):
            jobs = [
                (uid + i, 1000 + (uid + i) % 500, random.choice(TEXTS)) for i in range(args.ack_n)
            ]
            uid += args.ack_n
            sender.latencies.clear()
            seconds = sender.run(jobs, args.clients)
            rates.append(args.ack_n / seconds)
            lat = sorted(sender.latencies)
            print(
                f"  ack run {run + 1}: {args.ack_n} webhooks in {seconds:.2f} s = {rates[-1]:.0f}/s; "  # noqa: E501
                f"latency median {statistics.median(lat) * 1000:.1f} ms p95 {lat[int(0.95 * len(lat))] * 1000:.1f} ms"  # noqa: E501
            )
        print(
            f"ACK median {statistics.median(rates):.0f} webhooks/s over {args.ack_runs} runs of {args.ack_n}"  # noqa: E501
        )

        if args.ack_only:
            return
        # 2. end-to-end processing of the backlog by one db_worker
        backlog = args.ack_runs * args.ack_n
        worker = start_worker(env)
        c, seconds = wait_processed(env, backlog, timeout=1800)
        print(
            f"PROCESS {c['processed']}/{backlog} events (+{c['sent']} replies sent) in {seconds:.1f} s = "  # noqa: E501
            f"{c['processed'] / seconds:.0f} processed messages/s (one db_worker, incl. ~2 s model load)"  # noqa: E501
        )
        base = c

        # 3. 10,000 webhooks, worker SIGKILLed and restarted midway, some redeliveries
        jobs = [(uid + i, 5000 + i % 700, random.choice(TEXTS)) for i in range(args.n)]
        repeats = random.Random(1).sample(jobs, int(args.n * args.repeat_share))
        jobs += repeats
        random.Random(2).shuffle(jobs)
        sender.acks = sender.dups = sender.errors = 0
        killed = threading.Event()

        def progress(n: int) -> None:
            nonlocal worker
            if n == len(jobs) // 2 and not killed.is_set():
                killed.set()
                assert worker is not None
                worker.send_signal(signal.SIGKILL)
                worker.wait()
                print(f"  SIGKILL db_worker after {n} webhooks; restarting")
                worker = start_worker(env)

        seconds = sender.run(jobs, args.clients, progress)
        print(
            f"  sent {len(jobs)} webhooks ({len(repeats)} redeliveries) in {seconds:.1f} s; "
            f"acknowledged new {sender.acks}, acknowledged duplicates {sender.dups}, errors {sender.errors}"  # noqa: E501
        )
        # the killed worker's claimed task stays 'running' in django-tasks-db: the tick recovers it
        time.sleep(5)
        polmas(env, "channels", "tick", "--recover-after", "0")
        c, waited = wait_processed(env, base["processed"] + sender.acks, timeout=1800)
        processed = c["processed"] - base["processed"]
        reports = c["reports"] - base["reports"]
        print(
            f"KILL-RESTART acknowledged={sender.acks} processed={processed} "
            f"lost={sender.acks - processed} duplicates={c['dup_reports'] + (reports - (c['case_events'] - base['case_events']))} "  # noqa: E501
            f"redeliveries_ignored={sender.dups} cases={reports} replies_sent={c['sent'] - base['sent']} "  # noqa: E501
            f"(drained {waited:.1f} s after the last webhook)"
        )
        provider_sends = len(fake.sends())
        print(
            f"  fake provider received {provider_sends} sends for {c['outbound']} outbound rows "
            f"({provider_sends - c['outbound']} re-sent after the kill: at-least-once)"
        )
    finally:
        for proc in (worker, gunicorn):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=20)
        fake.__exit__(None, None, None)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
