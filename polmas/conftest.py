"""Shared pytest fixtures: reference data (Indramayu), a two-Polsek world, browsers."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from polmas.core.formatting import WIB
from polmas.org.testing import World, build_world, ensure_reference_data


@pytest.fixture(autouse=True, scope="session")
def _test_clock() -> Iterator[None]:
    """POLMAS_TEST_CLOCK=2026-12-06T00:05+07:00 runs the suite as if started at that moment
    (the clock keeps ticking): tests that only pass at some hours of the day show up.
    Servers started in a subprocess keep the real clock."""
    moment = os.environ.get("POLMAS_TEST_CLOCK")
    if not moment:
        yield
        return
    with time_machine.travel(dt.datetime.fromisoformat(moment), tick=True):
        yield


@pytest.fixture
def afternoon() -> Iterator[None]:
    """Run the test at 14:00 of today (the clock keeps ticking from there): for tests that
    record "today's" activity minutes or hours back and read one day, so that a run just
    after midnight WIB, or one that straddles it, does not split their data over two days."""
    with time_machine.travel(
        dt.datetime.combine(timezone.localdate(), dt.time(14), WIB), tick=True
    ):
        yield


@pytest.fixture(autouse=True)
def _reseed_after_flush(request: pytest.FixtureRequest) -> None:
    """Transactional tests (live_server) flush every table, including rows that data
    migrations seed in a real install (case categories, SLA policies): put them back."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction"))
    if not transactional and not {"transactional_db", "live_server"} & set(request.fixturenames):
        return
    request.getfixturevalue("transactional_db")
    from polmas.aspirations.categories import load_categories

    load_categories()


@pytest.fixture(autouse=True)
def _forget_process_caches() -> None:
    """Per-process caches keyed by ids must not outlive the test whose rows were rolled back."""
    from polmas.patrols.selectors.catalog import forget_valid_messages

    forget_valid_messages()


@pytest.fixture
def reference_data(db: Any) -> None:
    ensure_reference_data()


@pytest.fixture
def world(reference_data: None) -> World:
    return build_world()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def _browser() -> Iterator[Any]:
    """Debian's chromium driven by Playwright. Skips when chromium is absent, unless
    POLMAS_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("POLMAS_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop on this thread; the ORM calls made by the test
    # itself are still synchronous, so Django's async-safety guard is lifted for browser tests.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(_browser: Any) -> Iterator[Any]:
    """A fresh phone-sized page (390x844). Save screenshots with `screenshot(page, name)`."""
    context = _browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()
