"""The region map in a real browser (Debian's chromium through Playwright)."""

from __future__ import annotations

from typing import Any

import pytest

from polmas.core.testing import screenshot
from polmas.org.models import Role
from polmas.org.testing import ensure_reference_data, make_officer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", "rahasia-uji-123")
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_kapolres_sees_317_desa_and_31_kecamatan_on_the_map(
    live_server: Any, browser_page: Any
) -> None:
    from polmas.org.models import Unit

    ensure_reference_data()
    make_officer(Unit.objects.get(code="polres-indramayu"), "peta.kapolres", Role.KAPOLRES, "B0001")
    page = browser_page
    _login(page, live_server.url, "peta.kapolres")
    page.goto(f"{live_server.url}/peta/")
    page.wait_for_selector("#map[data-desa-features]", timeout=20_000)
    assert page.get_attribute("#map", "data-desa-features") == "317"
    assert page.get_attribute("#map", "data-kec-features") == "31"
    assert "317 desa/kelurahan di 31 kecamatan" in page.inner_text("#map-status")
    assert page.locator("path.leaflet-interactive").count() == 317
    page.locator("path.leaflet-interactive").first.click(force=True)
    popup = page.wait_for_selector(".leaflet-popup-content a")
    assert popup.get_attribute("href").startswith("/desa/32.12.")
    screenshot(page, "org-map-kapolres")


def test_kapolsek_map_shows_only_its_area(live_server: Any, browser_page: Any) -> None:
    from polmas.org.models import Region, Unit

    ensure_reference_data()
    make_officer(Unit.objects.get(code="polsek-lohbener"), "peta.kapolsek", Role.KAPOLSEK, "B0002")
    page = browser_page
    _login(page, live_server.url, "peta.kapolsek")
    page.goto(f"{live_server.url}/peta/")
    page.wait_for_selector("#map[data-desa-features]", timeout=20_000)
    expected = Region.objects.filter(parent__name="Lohbener", level="desa").count()
    assert page.get_attribute("#map", "data-desa-features") == str(expected)
    assert page.get_attribute("#map", "data-kec-features") == "1"
    screenshot(page, "org-map-kapolsek")
