"""Dialogue sessions accepted per second through the API: real HTTP to gunicorn on 127.0.0.1.

    DATABASE_URL=sqlite:////tmp/polmas_bench_patrols.sqlite3 \
        python -m benchmarks.patrols.api_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/polmas_bench_patrols \
        python -m benchmarks.patrols.api_bench

Sends --requests POSTs (bounded) from --clients threads to /api/v1/patrols/{id}/sessions on
127.0.0.1, each with a fresh idempotency key, then re-sends a sample with the same keys to check
that retries are answered 200 without new rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter

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


def _fire(bodies: list[bytes], clients: int, url: str, token: str) -> tuple[Counter[int], float]:
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help=">1: gthread worker class")
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    from polmas.patrols.models import DialogueSession

    token, patrol_id, points, messages = _prepare()
    connection.close()
    env = dict(os.environ, POLMAS_TASKS_BACKEND="dummy")
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
        cwd=REPO,
        env=env,
    )
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
        _fire(warm, 2, url, token)
        before = DialogueSession.objects.count()
        bodies = [_body(rng, points, messages) for _ in range(args.requests)]
        statuses, elapsed = _fire(bodies, args.clients, url, token)
        created = DialogueSession.objects.count() - before
        print(
            f"{connection.vendor}: {args.requests} POSTs, {args.clients} clients, "
            f"gunicorn {args.workers} workers x {args.threads} threads: "
            f"{statuses[201] / elapsed:.0f} sessions/s accepted "
            f"({elapsed:.1f} s; statuses "
            f"{dict(statuses)}; new rows {created}; "
            f"database holds {DialogueSession.objects.count():,})"
        )
        retry = bodies[:500]
        statuses, elapsed = _fire(retry, args.clients, url, token)
        print(
            f"retries of {len(retry)} already-stored sessions: statuses {dict(statuses)}, "
            f"new rows {DialogueSession.objects.count() - before - created}, "
            f"{len(retry) / elapsed:.0f} req/s"
        )
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
