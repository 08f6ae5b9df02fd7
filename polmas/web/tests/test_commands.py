"""The commands behind `make run`, run as a user would: real processes, real HTTP."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
import requests
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from polmas.core.testing import run_task_queue
from polmas.org.models import ApiToken, Person

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_load_demo_prints_accounts_once_and_remove_demo_cleans_up(reference_data: None) -> None:
    first, second = StringIO(), StringIO()
    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)
    assert "demo.kapolres" in first.getvalue() and "polmas-demo-2024" in first.getvalue()
    assert "demo.kapolres" not in second.getvalue()
    accounts = Person.objects.filter(is_demo=True, user__username__startswith="demo.")
    assert accounts.count() == 5
    bhabin = Person.objects.get(user__username="demo.bhabin")
    assert {a.desa.name for a in bhabin.desa_assignments.all()} == {"Lohbener", "Legok"}
    call_command("remove_demo", stdout=StringIO())
    assert Person.objects.filter(is_demo=True).count() == 0
    assert not get_user_model().objects.filter(username__startswith="demo.").exists()


@pytest.mark.django_db
def test_apitoken_prints_the_token_alone(reference_data: None) -> None:
    get_user_model().objects.create_user("uji.perangkat")
    out = StringIO()
    call_command("apitoken", "uji.perangkat", stdout=out)
    token = out.getvalue().strip()
    assert token.startswith("pm_") and "\n" not in token and " " not in token
    assert ApiToken.objects.filter(user__username="uji.perangkat").count() == 1
    with pytest.raises(Exception, match="tidak ditemukan"):
        call_command("apitoken", "tidak.ada", stdout=StringIO())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_runs_web_and_worker_and_stops_both_on_ctrl_c(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "POLMAS_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'polmas.sqlite3'}",
    }
    polmas = [sys.executable, "-m", "polmas.cli"]
    for args in (
        ["migrate", "-v0"],
        ["load-regions", "--only", "32.12"],
        ["load-units"],
        ["load-demo"],
    ):
        subprocess.run([*polmas, *args], env=env, cwd=REPO, check=True, capture_output=True)
    port = _free_port()
    proc = subprocess.Popen(
        [*polmas, "serve", "--port", str(port), "--workers", "1", "--task-workers", "2"],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if requests.get(f"{base}/healthz", timeout=1).text == "ok":
                    break
            except requests.RequestException:
                time.sleep(0.2)
        else:
            pytest.fail("server did not start")
        session = requests.Session()
        login = session.get(f"{base}/masuk/", timeout=5)
        assert "Masuk ke Polmas" in login.text
        response = session.post(
            f"{base}/masuk/",
            data={
                "username": "demo.kapolres",
                "password": "polmas-demo-2024",
                "csrfmiddlewaretoken": session.cookies["csrftoken"],
            },
            headers={"Referer": f"{base}/masuk/"},
            timeout=10,
        )
        assert response.url == f"{base}/" and "Hendra Wijaya" in response.text
        geo = session.get(f"{base}/api/v1/regions/boundaries?level=desa", timeout=10).json()
        assert len(geo["features"]) == 317
        children = [
            int(pid)
            for pid in subprocess.run(
                ["pgrep", "-P", str(proc.pid)], capture_output=True, text=True
            ).stdout.split()
        ]
        assert len(children) == 4  # gunicorn, two task workers and the scheduler
    finally:
        proc.send_signal(signal.SIGINT)
        output = proc.communicate(timeout=30)[0].decode()
    assert proc.returncode == 0, output
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


@pytest.mark.django_db
def test_scheduler_once_enqueues_every_job(reference_data: None) -> None:
    from django_tasks_db.models import DBTaskResult

    from polmas.web.schedule import SCHEDULE

    out = StringIO()
    call_command("scheduler", "--once", stdout=out)
    assert out.getvalue().count("diantrekan") == len(SCHEDULE)
    queued = set(DBTaskResult.objects.values_list("task_path", flat=True))
    assert {job.task for job in SCHEDULE} <= queued
    run_task_queue()
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()


@pytest.mark.parametrize("option", ["--workers", "--threads", "--task-workers"])
def test_serve_refuses_zero_workers_before_starting_anything(option: str) -> None:
    with pytest.raises(CommandError, match="minimal 1"):
        call_command("serve", option, "0")
