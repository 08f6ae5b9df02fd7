"""Webhooks acknowledged per second (gunicorn on loopback), end-to-end processed messages per
second (one db_worker), and a 10,000-webhook run with the worker SIGKILLed and restarted midway:
acknowledged = processed, nothing lost or doubled.

    # acknowledgements: the shipped setup vs the previous one, interleaved in the same run
    PYTHONPATH=. .venv/bin/python benchmarks/channels/bench_webhooks.py --db postgres --compare
    # one setup (defaults: fast path, 2 workers x 4 gthread threads, asyncio keep-alive client)
    PYTHONPATH=. .venv/bin/python benchmarks/channels/bench_webhooks.py --db sqlite --ack-only
    # kill-restart: backlog processing, then 10,000 webhooks with db_worker SIGKILLed midway
    PYTHONPATH=. .venv/bin/python benchmarks/channels/bench_webhooks.py --db postgres --kill-restart

A setup is `app:workers:threads:client`: app `fast` (polmas.config.wsgi:application, the WSGI
webhook fast path) or `django` (Django alone, with WebhookFastPathMiddleware); threads 1 = sync
workers; client `async` (asyncio raw sockets with keep-alive), `async1` (asyncio, one request
per connection) or `threaded` (http.client threads, a new connection per request). CPU per
webhook is the client's own CPU time, the gunicorn processes' and (PostgreSQL) the benchmark
database's backends', divided by webhooks.

Builds its own database (a temp SQLite file, or PostgreSQL `polmas_bench_channels`), never the
demo one. Telegram webhooks carry report texts naming a desa, so each one becomes a case in
`polmas.aspirations` and a reply sent to the fake provider (polmas.channels.testing.FakeProvider)
in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.channels import harness
from benchmarks.channels.loadgen import AsyncSender, Job, ThreadedSender

TEXTS = [
    "ada yang bagi-bagi amplop di desa Lohbener",
    "tolong pak ada tawuran pemuda di desa Legok kecamatan Lohbener",
    "jalan rusak parah di desa Pamayahan, mohon perhatian",
    "ada pencurian motor semalam di desa Sindangkerta Lohbener",
]
PREVIOUS = {"sqlite": "django:2:1:threaded", "postgres": "django:4:4:threaded"}
SHIPPED = {"sqlite": "fast:2:1:async", "postgres": "fast:4:4:async"}  # `polmas serve`


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Bench:
    def __init__(self, args: argparse.Namespace, env: dict[str, str], channel: dict[str, Any]):
        self.args, self.env, self.channel = args, env, channel
        self.uid = 1

    def jobs(self, n: int, chat_base: int = 1000) -> list[Job]:
        start, self.uid = self.uid, self.uid + n
        return [(start + i, chat_base + i % 500, random.choice(TEXTS)) for i in range(n)]

    def ack_run(self, setup: str) -> dict[str, float]:
        """One run of `--ack-n` webhooks against a freshly started gunicorn."""
        app, workers, threads, client = setup.split(":")
        port = free_port()
        server = harness.start_gunicorn(self.env, port, int(workers), int(threads), app)
        try:
            url, secret = self.channel["webhook_url"], self.channel["secret_token"]
            sender: AsyncSender | ThreadedSender
            if client == "threaded":
                sender = ThreadedSender(port, url, secret)
            else:
                sender = AsyncSender(port, url, secret, keep_alive=client == "async")
            jobs = self.jobs(self.args.ack_n)
            server0, pg0 = harness.tree_cpu(server.pid), harness.pg_cpu(self.args.db)
            seconds = sender.run(jobs, self.args.connections)
            server_cpu = harness.tree_cpu(server.pid) - server0
            pg = harness.pg_cpu_delta(pg0, harness.pg_cpu(self.args.db))
        finally:
            harness.stop(server)
        n = len(jobs)
        if sender.errors or sender.acks != n:
            raise SystemExit(f"{setup}: {sender.errors} errors, {sender.acks}/{n} acknowledged")
        lat = sorted(sender.latencies)
        return {
            "rate": n / seconds,
            "p50": statistics.median(lat) * 1000,
            "p95": lat[int(0.95 * len(lat))] * 1000,
            "client_ms": sender.cpu_seconds / n * 1000,
            "server_ms": server_cpu / n * 1000,
            "pg_ms": pg / n * 1000,
        }

    def acks(self, setups: list[str]) -> None:
        results: dict[str, list[dict[str, float]]] = {s: [] for s in setups}
        for run in range(self.args.ack_runs):
            for setup in setups:  # interleaved: every setup sees the same machine load
                r = self.ack_run(setup)
                results[setup].append(r)
                print(
                    f"  run {run + 1} {setup:22} {r['rate']:6.0f}/s  latency p50 {r['p50']:.1f} ms "
                    f"p95 {r['p95']:.1f} ms  CPU/webhook: client {r['client_ms']:.2f} ms, "
                    f"gunicorn {r['server_ms']:.2f} ms, postgres {r['pg_ms']:.2f} ms  "
                    f"load {harness.load_average()}",
                    flush=True,
                )
        for setup, rs in results.items():
            med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
            print(
                f"ACK {self.args.db} {setup:22} median {med['rate']:.0f} webhooks/s over "
                f"{len(rs)} runs of {self.args.ack_n} ({self.args.connections} connections); "
                f"CPU/webhook client {med['client_ms']:.2f} ms, "
                f"gunicorn {med['server_ms']:.2f} ms, postgres {med['pg_ms']:.2f} ms"
            )

    def kill_restart(self, fake: Any) -> None:
        """Backlog -> one db_worker (processed/s); then `--n` webhooks (+1 % redeliveries) with
        the worker SIGKILLed and restarted halfway; then every count must agree."""
        app, workers, threads, _client = SHIPPED[self.args.db].split(":")
        port = free_port()
        server = harness.start_gunicorn(self.env, port, int(workers), int(threads), app)
        worker = None
        others: list[Any] = []  # task workers beyond the first (--task-workers)
        try:
            url, secret = self.channel["webhook_url"], self.channel["secret_token"]
            sender = AsyncSender(port, url, secret)
            backlog = self.jobs(self.args.backlog)
            sender.run(backlog, self.args.connections)
            target = harness.counts()["events"]  # with any left by the ack runs
            worker = harness.start_worker(self.env)
            others = [harness.start_worker(self.env) for _ in range(self.args.task_workers - 1)]
            c, seconds = harness.wait_processed(target, timeout=1800)
            print(
                f"PROCESS {self.args.db} {c['processed']}/{target} events (+{c['sent']} "
                f"replies sent) in {seconds:.1f} s = {c['processed'] / seconds:.0f} processed "
                f"messages/s ({self.args.task_workers} db_worker, incl. start-up)  "
                f"load {harness.load_average()}"
            )
            base = c
            jobs = self.jobs(self.args.n, chat_base=5000)
            repeats = random.Random(1).sample(jobs, int(self.args.n * 0.01))
            jobs += repeats
            random.Random(2).shuffle(jobs)
            sender = AsyncSender(port, url, secret)
            killed = threading.Event()

            def progress(n: int) -> None:
                nonlocal worker
                if n >= len(jobs) // 2 and not killed.is_set():
                    killed.set()
                    assert worker is not None
                    worker.send_signal(signal.SIGKILL)
                    worker.wait()
                    print(f"  SIGKILL db_worker after {n} webhooks; restarting", flush=True)
                    worker = harness.start_worker(self.env)

            t0 = time.perf_counter()
            seconds = sender.run(jobs, self.args.connections, progress)
            print(
                f"  sent {len(jobs)} webhooks ({len(repeats)} redeliveries) in {seconds:.1f} s; "
                f"acknowledged new {sender.acks}, duplicates {sender.dups}, errors {sender.errors}"
            )
            # The killed worker's claimed job stays RUNNING in django-tasks-db; the cron `tick`
            # re-enqueues the events it left unprocessed (their processing is idempotent).
            time.sleep(3)
            harness.polmas(self.env, "channels", "tick", "--recover-after", "0")
            target = base["processed"] + sender.acks
            c, waited = harness.wait_processed(target, timeout=1800, env=self.env)
            total = time.perf_counter() - t0
        finally:
            for process in (worker, *others):
                harness.stop(process)
            harness.stop(server)
        d = {k: c[k] - base[k] for k in ("events", "processed", "cases", "case_events", "sent")}
        lost = sender.acks - d["processed"]
        doubled = c["dup_events"] + c["dup_cases"] + c["dup_replies"]
        doubled += d["cases"] - d["case_events"]  # a case no event claims
        ok = lost == 0 and doubled == 0 and d["events"] == sender.acks and sender.errors == 0
        print(
            f"KILL-RESTART {self.args.db} {'OK' if ok else 'FAILED'}: acknowledged={sender.acks} "
            f"raw_events={d['events']} processed={d['processed']} cases={d['cases']} "
            f"(events with a case {d['case_events']}) replies_sent={d['sent']} lost={lost} "
            f"doubled={doubled} redeliveries_ignored={sender.dups} errors={sender.errors}"
        )
        print(
            f"  jobs process_inbound total {c['jobs']} by status {c['jobs_by_status']}; "
            f"duplicate event keys {c['dup_events']}, case idempotency keys {c['dup_cases']}, "
            f"reply keys {c['dup_replies']}; {d['processed'] / total:.0f} processed messages/s "
            f"end to end ({total:.1f} s from the first webhook, drained {waited:.1f} s after "
            f"the last); fake provider got {len(fake.sends())} sends for {c['outbound']} replies"
        )
        if not ok:
            raise SystemExit(1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--ack-runs", type=int, default=3)
    parser.add_argument("--ack-n", type=int, default=2000)
    parser.add_argument("--connections", type=int, default=16, help="client connections")
    parser.add_argument("--setup", action="append", help="app:workers:threads:client (repeat)")
    parser.add_argument(
        "--compare", action="store_true", help="the previous setup vs the shipped one"
    )
    parser.add_argument("--ack-only", action="store_true", help="skip the kill-restart run")
    parser.add_argument("--kill-restart", action="store_true", help="skip the ack runs")
    parser.add_argument("--backlog", type=int, default=2000, help="events for processed/s")
    parser.add_argument("--n", type=int, default=10000, help="webhooks in the kill-restart run")
    parser.add_argument(
        "--task-workers", type=int, default=1, help="db_worker processes (one is SIGKILLed)"
    )
    args = parser.parse_args()
    setups = args.setup or ([PREVIOUS[args.db]] if args.compare else []) + [SHIPPED[args.db]]

    from polmas.channels.testing import FakeProvider

    tmp = Path(tempfile.mkdtemp(prefix="polmas_bench_channels_"))
    (tmp / "static").mkdir()  # the served app's static files middleware warns without it
    fake = FakeProvider().__enter__()
    try:
        env = harness.prepare(args.db, tmp)
        os.environ.update(DATABASE_URL=env["DATABASE_URL"], POLMAS_VAR_DIR=str(tmp))
        os.environ["DJANGO_SETTINGS_MODULE"] = "polmas.config.settings"
        import django

        django.setup()
        add = ["channels", "add", "telegram", "--unit", "polsek-lohbener", "--api-base", fake.url]
        channel = json.loads(harness.polmas(env, *add, "--rate", "100000"))
        print(
            f"database={args.db} cores={os.cpu_count()} client connections={args.connections} "
            f"load {harness.load_average()}",
            flush=True,
        )
        bench = Bench(args, env, channel)
        if not args.kill_restart:
            bench.acks(setups)
        if not args.ack_only:
            bench.kill_restart(fake)
    finally:
        fake.__exit__(None, None, None)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
