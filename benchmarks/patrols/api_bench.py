"""Dialogue sessions accepted per second through the API: real HTTP to gunicorn on 127.0.0.1.

    DATABASE_URL=sqlite:////tmp/polmas_bench_patrols.sqlite3 \
        python -m benchmarks.patrols.api_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/polmas_bench_patrols \
        python -m benchmarks.patrols.api_bench

Sends --requests POSTs (bounded) with --clients connections in flight to
/api/v1/patrols/{id}/sessions on 127.0.0.1, each with a fresh idempotency key, then re-sends a
sample with the same keys to check that retries are answered 200 without new rows.

Client: `--client lean` (default) is one thread driving non-blocking sockets with the requests
built beforehand: real HTTP/1.1 over TCP, every answer read whole, its status counted and a 201's
JSON body checked (new session id, `replayed: false`). It costs a small fraction of a core, so
the two cores go to the server. `--client threads` is the earlier http.client-per-thread client,
which on this machine used most of a core by itself.

The server is gunicorn like `polmas serve` (SQLite: one sync worker per core; `--workers`,
`--threads`), with the database task queue by default (`--queue db`, as in production; resident
inputs enqueue case jobs; no worker consumes them during the run). `--server-code DIR` serves
another checkout of Polmas against the same database (before/after comparisons in one run).
Prints sessions/s, and CPU per request of the gunicorn processes and of the client.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import selectors
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, deque
from pathlib import Path
from typing import cast

from benchmarks.patrols.common import REPO, setup_django

PORT = 8765


def _prepare() -> tuple[str, int, list[tuple[float, float]], list[int]]:
    from django.core.management import call_command
    from django.utils import timezone

    from polmas.org import services as org_services
    from polmas.org.models import Person, Region, Role, Unit
    from polmas.org.testing import ensure_reference_data, make_officer
    from polmas.patrols import services
    from polmas.patrols.defaults import ensure_default_catalog
    from polmas.patrols.generate import _sample_points
    from polmas.patrols.models import KamtibmasMessage

    call_command("migrate", verbosity=0)
    ensure_reference_data()
    ensure_default_catalog()
    unit = Unit.objects.get(code="polsek-lohbener")
    person = Person.objects.filter(nrp="BENCH02").first()
    user = person.user if person else make_officer(unit, "bench.personil", Role.PERSONIL, "BENCH02")
    assert user is not None
    token = org_services.issue_api_token(actor=None, user=user, name="bench")
    patrol, _ = services.create_patrol(actor=user, unit=unit, leader=user.person)
    services.transition_patrol(
        actor=user, patrol=patrol, action="start", at=timezone.now() - dt.timedelta(hours=2)
    )
    rng = random.Random(3)
    points = [
        p
        for geo in Region.objects.filter(parent__in=unit.jurisdiction.all()).values_list(
            "boundary", flat=True
        )
        if geo
        for p in _sample_points(geo, rng)
    ]
    messages = list(KamtibmasMessage.objects.values_list("id", flat=True)[:6])
    return token, patrol.pk, points, messages


def _body(rng: random.Random, points: list[tuple[float, float]], messages: list[int]) -> bytes:
    lat, lng = rng.choice(points)
    at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=rng.randint(1, 100))
    return json.dumps(
        {
            "idempotency_key": str(uuid.uuid4()),  # fresh on every run
            "occurred_at": at.isoformat(),
            "lat": lat,
            "lng": lng,
            "accuracy_m": 10,
            "audience_groups": {"pemuda": rng.randint(1, 9), "ibu_ibu": rng.randint(0, 9)},
            "message_ids": rng.sample(messages, 2),
            "inputs": [{"text": "Lampu jalan mati", "kind": "keluhan"}]
            if rng.random() < 0.3
            else [],
        }
    ).encode()


def _send(
    bodies: list[bytes], url: str, token: str, out: Counter[int], lock: threading.Lock
) -> None:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for body in bodies:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        conn.request("POST", url, body=body, headers=headers)
        status = conn.getresponse().status
        conn.close()
        with lock:
            out[status] += 1


def _fire_threads(
    bodies: list[bytes], clients: int, url: str, token: str
) -> tuple[Counter[int], float]:
    out: Counter[int] = Counter()
    lock = threading.Lock()
    chunks = [bodies[i::clients] for i in range(clients)]
    threads = [threading.Thread(target=_send, args=(c, url, token, out, lock)) for c in chunks]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out, time.perf_counter() - t0


def _request_bytes(body: bytes, url: str, token: str) -> bytes:
    head = (
        f"POST {url} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


def _check(raw: bytes, out: Counter[int], bad: list[str]) -> None:
    """Count the status of one whole HTTP answer; a 201 must carry a new session, a 200 (a
    retry) the stored one."""
    head, _, body = raw.partition(b"\r\n\r\n")
    try:
        status = int(head.split(b" ", 2)[1])
    except (IndexError, ValueError):
        out[0] += 1
        bad.append(raw[:200].decode(errors="replace"))
        return
    out[status] += 1
    if status in (200, 201):
        data = json.loads(body)
        if not isinstance(data.get("id"), int) or data.get("replayed") is not (status == 200):
            bad.append(body[:200].decode(errors="replace"))


def _fire_lean(
    bodies: list[bytes], clients: int, url: str, token: str
) -> tuple[Counter[int], float]:
    """One thread, `clients` connections in flight, non-blocking sockets."""
    requests = deque(_request_bytes(b, url, token) for b in bodies)
    out: Counter[int] = Counter()
    bad: list[str] = []
    sel = selectors.DefaultSelector()
    in_flight = 0
    t0 = time.perf_counter()
    while requests or in_flight:
        while requests and in_flight < clients:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            sock.connect_ex(("127.0.0.1", PORT))
            sel.register(sock, selectors.EVENT_WRITE, [requests.popleft(), bytearray()])
            in_flight += 1
        for key, events in sel.select(timeout=30):
            sock = cast(socket.socket, key.fileobj)
            request, received = key.data
            if events & selectors.EVENT_WRITE:
                if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                    raise OSError("connection to the server failed")
                sock.sendall(request)  # a few hundred bytes: fits the socket buffer
                sel.modify(sock, selectors.EVENT_READ, key.data)
                continue
            chunk = sock.recv(65536)
            if chunk:
                received += chunk
                continue
            sel.unregister(sock)
            sock.close()
            in_flight -= 1
            _check(bytes(received), out, bad)
    elapsed = time.perf_counter() - t0
    sel.close()
    if bad:
        raise SystemExit(f"{len(bad)} unexpected answers, first: {bad[0]}")
    return out, elapsed


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its children (gunicorn master and workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=8, help="connections in flight")
    parser.add_argument("--client", choices=["lean", "threads"], default="lean")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help=">1: gthread worker class")
    parser.add_argument("--queue", choices=["db", "dummy"], default="db", help="task backend")
    parser.add_argument("--server-code", type=Path, default=REPO, help="Polmas checkout to serve")
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    from polmas.patrols.models import DialogueSession

    token, patrol_id, points, messages = _prepare()
    connection.close()
    code = args.server_code.resolve()
    env = dict(os.environ, POLMAS_TASKS_BACKEND=args.queue, PYTHONPATH=str(code))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "polmas.config.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--worker-class",
            "gthread" if args.threads > 1 else "sync",
            "--log-level",
            "warning",
        ],
        cwd=code,
        env=env,
    )
    fire = _fire_lean if args.client == "lean" else _fire_threads
    try:
        for _ in range(100):
            try:
                c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        url = f"/api/v1/patrols/{patrol_id}/sessions"
        rng = random.Random(11)
        warm = [_body(rng, points, messages) for _ in range(50)]
        fire(warm, 2, url, token)
        before = DialogueSession.objects.count()
        connection.close()
        bodies = [_body(rng, points, messages) for _ in range(args.requests)]
        load = os.getloadavg()[0]
        server_cpu, client_cpu = _cpu_seconds(server.pid), time.process_time()
        statuses, elapsed = fire(bodies, args.clients, url, token)
        server_cpu = _cpu_seconds(server.pid) - server_cpu
        client_cpu = time.process_time() - client_cpu
        created = DialogueSession.objects.count() - before
        connection.close()
        print(
            f"{connection.vendor} ({code.name}): {args.requests} POSTs, {args.clients} in flight "
            f"({args.client} client), gunicorn {args.workers} workers x {args.threads} threads, "
            f"queue {args.queue}: {statuses[201] / elapsed:.0f} sessions/s accepted "
            f"({elapsed:.1f} s; statuses {dict(statuses)}; new rows {created}; "
            f"database holds {DialogueSession.objects.count():,}); CPU per request: gunicorn "
            f"{server_cpu / args.requests * 1000:.2f} ms, client "
            f"{client_cpu / args.requests * 1000:.2f} ms; load average {load:.1f}",
            flush=True,
        )
        connection.close()
        retry = bodies[:500]
        statuses, elapsed = fire(retry, args.clients, url, token)
        print(
            f"retries of {len(retry)} already-stored sessions: statuses {dict(statuses)}, "
            f"new rows {DialogueSession.objects.count() - before - created}, "
            f"{len(retry) / elapsed:.0f} req/s",
            flush=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
