"""A Kapolsek requests a report in a real browser and watches it finish without reloading."""

from __future__ import annotations

from typing import Any

import pytest

from polmas.core.testing import screenshot
from polmas.org.models import Role, Unit
from polmas.org.testing import TEST_PASSWORD, ensure_reference_data, make_officer
from polmas.reports.models import Report
from polmas.reports.tests.conftest import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_request_and_watch_progress(live_server: Any, browser_page: Any) -> None:
    ensure_reference_data()
    make_officer(Unit.objects.get(code="polsek-lohbener"), "uji.kapolsek", Role.KAPOLSEK, "T0101")
    page, base = browser_page, live_server.url
    page.goto(f"{base}/masuk/")
    page.fill("input[name=username]", "uji.kapolsek")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()

    page.goto(f"{base}/laporan/")
    page.fill("#id_day", "2019-06-01")
    page.click("#report-request button[type=submit]")
    assert "paling awal 1 Januari 2020" in page.inner_text("main")
    assert not Report.objects.exists()

    page.select_option("#id_kind", "harian")
    page.fill("#id_day", "2024-01-23")
    page.click("#report-request button[type=submit]")
    page.wait_for_selector("#report-status progress")
    assert "Dalam antrean" in page.inner_text("#report-status")
    screenshot(page, "reports-queued")
    run_worker()  # the page is not reloaded: htmx polls the status fragment every 2 s
    page.wait_for_selector("#download-pdf", timeout=10_000)
    assert "Laporan Harian" in page.title() or "Harian" in page.inner_text("main")
    screenshot(page, "reports-done")
    with page.expect_download() as info:
        page.click("#download-pdf")
    assert info.value.suggested_filename == "laporan-harian-polsek-lohbener-2024-01-23.pdf"
