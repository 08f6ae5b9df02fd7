"""The Kapolres sees the whole map, switches layers, opens a desa, acknowledges an alert; a
Kapolsek sees only their area. Real chromium through Playwright; screenshots in test-artifacts/."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from polmas.core.testing import screenshot
from polmas.insights.models import Alert
from polmas.insights.services.alerts import detect_alerts
from polmas.insights.services.rollup import rebuild_rollups
from polmas.insights.tests.factories import make_case, make_report
from polmas.org.models import Region, Role, Unit
from polmas.org.testing import TEST_PASSWORD, ensure_reference_data, make_officer
from polmas.patrols.generate import generate
from polmas.patrols.services.rollup import rebuild_coverage


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_command_map(live_server: Any, browser_page: Any) -> None:
    ensure_reference_data()
    polres = Unit.objects.get(code="polres-indramayu")
    lohbener = Unit.objects.get(code="polsek-lohbener")
    make_officer(polres, "uji.kapolres", Role.KAPOLRES, "T0801")
    make_officer(lohbener, "uji.kapolsek", Role.KAPOLSEK, "T0802")
    desa = Region.objects.get(parent__name="Lohbener", name="Lohbener")
    today = timezone.localdate()
    generate(sessions=300, end_day=today, days=20, seed=3, is_demo=False)
    rebuild_coverage()
    make_case(desa, lohbener, urgency="darurat")
    make_case(desa, lohbener, urgency="tinggi", due_at=timezone.now() - dt.timedelta(hours=5))
    make_report(desa)
    rebuild_rollups(today - dt.timedelta(days=30), today - dt.timedelta(days=1))
    detect_alerts()
    lohbener_desa = Region.objects.filter(parent__name="Lohbener", level="desa").count()

    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    base = live_server.url
    _login(page, base, "uji.kapolres")
    page.goto(f"{base}/situasi/")
    page.wait_for_selector("#map[data-desa-features]")
    assert page.get_attribute("#map", "data-desa-features") == "317"
    assert page.get_attribute("#map", "data-layer") == "kondusif"
    screenshot(page, "insights-1-kapolres-map")

    page.check("input[name=layer][value=open_cases]")
    page.wait_for_selector("#map[data-layer=open_cases]")
    assert "Kasus terbuka" in page.inner_text("#legend")
    screenshot(page, "insights-2-layer-open-cases")

    page.locator(f"path[data-code='{desa.code}']").dispatch_event("click")
    page.wait_for_selector(f"#desa-detail[data-code='{desa.code}']")
    panel = page.inner_text("#desa-panel")
    assert desa.name in panel and "Yang menurunkan indeks" in panel
    screenshot(page, "insights-3-desa-panel")

    page.goto(f"{base}/situasi/peringatan/")
    darurat = Alert.objects.get(kind="darurat")
    page.click(f"#alert-{darurat.pk} button.ack")
    page.wait_for_selector(f"#alert-{darurat.pk} .acked")
    screenshot(page, "insights-4-alert-acknowledged")
    darurat.refresh_from_db()
    assert darurat.acknowledged_at is not None

    page.goto(f"{base}/situasi/grafik/")
    page.wait_for_selector("#charts[data-loaded='1']")
    screenshot(page, "insights-5-charts")

    page.context.clear_cookies()
    _login(page, base, "uji.kapolsek")
    page.goto(f"{base}/situasi/")
    page.wait_for_selector("#map[data-desa-features]")
    assert page.get_attribute("#map", "data-desa-features") == str(lohbener_desa)
    screenshot(page, "insights-6-kapolsek-map")
    assert page.goto(f"{base}/situasi/?unit=polsek-indramayu").status == 404
