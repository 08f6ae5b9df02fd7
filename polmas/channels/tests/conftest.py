from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from polmas.channels.services.backends import reset_backends
from polmas.channels.testing import FakeProvider
from polmas.core.testing import run_task_queue

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fake() -> Iterator[FakeProvider]:
    with FakeProvider() as provider:
        yield provider


@pytest.fixture(autouse=True)
def _hoax_kb(settings: Any) -> Iterator[None]:
    settings.POLMAS_CHANNELS_HOAX_KB = str(FIXTURES / "hoax_kb.jsonl")
    settings.POLMAS_CHANNELS_HTTP_TIMEOUT = 5.0
    reset_backends()
    yield
    reset_backends()


def load_fixture_factchecks() -> int:
    """The fixture KB as published fact-checks in the hoaxes app (what the wired backend reads)."""
    from polmas.hoaxes.importers import FactCheckData
    from polmas.hoaxes.services.factchecks import upsert_factchecks

    rows = [
        FactCheckData(
            source="claimreview",
            external_id=r["id"],
            url=r.get("url", ""),
            title=r["title"],
            verdict=str(r.get("verdict", "lainnya")).upper(),
            explanation=r.get("explanation", ""),
        )
        for r in (
            json.loads(line)
            for line in (FIXTURES / "hoax_kb.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()
        )
    ]
    result = upsert_factchecks(actor=None, rows=rows, label="uji")
    return int(result.created)


def add_channel(kind: str, unit: str = "polsek-lohbener", api_base: str = "") -> dict[str, Any]:
    out = io.StringIO()
    args = ["add", kind, "--unit", unit]
    if api_base:
        args += ["--api-base", api_base]
    call_command("channels", *args, stdout=out)
    return dict(json.loads(out.getvalue()))


def run_worker() -> None:
    """Process the database task queue in-process with the real worker."""
    run_task_queue()
