"""The public rumour check in a real browser (Debian's chromium through Playwright)."""

from __future__ import annotations

from typing import Any

import pytest

from polmas.core.testing import screenshot
from polmas.hoaxes import services
from polmas.hoaxes.tests.conftest import CONFIDENT_TEXT, SAMPLE_CSV, UNMATCHED_TEXT
from polmas.org.testing import ensure_reference_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_checks_a_forwarded_rumour(live_server: Any, browser_page: Any) -> None:
    ensure_reference_data()
    services.import_turnbackhoax(actor=None, path=SAMPLE_CSV)
    page = browser_page
    page.goto(f"{live_server.url}/cek-hoaks/")
    page.click("main button[type=submit]")  # empty: a clear error, nothing stored
    assert "tidak boleh kosong" in page.inner_text("main")
    page.fill("#id_text", CONFIDENT_TEXT)
    page.select_option("#id_desa", label="Lohbener — Kec. Lohbener")
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_selector("#answer")
    answer = page.inner_text("#answer")
    assert "Surat suara sudah dicoblos" in answer and "Salah" in answer
    assert "dokumentasi simulasi" in answer
    screenshot(page, "hoaxes-public-check-answered")

    page.goto(f"{live_server.url}/cek-hoaks/")
    page.fill("#id_text", UNMATCHED_TEXT)
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_selector("#pending")
    reference = page.inner_text("#reference")
    assert reference.startswith("HX-") and "Sedang diperiksa Humas" in page.inner_text("main")
    page.goto(f"{live_server.url}/cek-hoaks/")
    page.fill("#ref", reference)
    page.click("text=Lihat jawaban")
    page.wait_for_selector("#pending")
    screenshot(page, "hoaxes-public-check-pending")
