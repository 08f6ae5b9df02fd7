"""A field officer on a phone-sized screen records a patrol; the Kapolsek sees it on the map."""

from __future__ import annotations

from typing import Any

import pytest

from polmas.conftest import screenshot
from polmas.org.models import Region, Role, Unit
from polmas.org.testing import ensure_reference_data, make_officer
from polmas.patrols.defaults import ensure_default_catalog
from polmas.patrols.models import DialogueSession, PatrolStatus, ResidentInput
from polmas.patrols.testing import point_in

PASSWORD = "rahasia-uji-123"


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_officer_records_a_patrol_and_kapolsek_sees_it(live_server: Any, browser_page: Any) -> None:
    ensure_reference_data()
    ensure_default_catalog()
    unit = Unit.objects.get(code="polsek-lohbener")
    desa = Region.objects.get(parent__name="Lohbener", name="Lohbener")
    make_officer(unit, "uji.personil", Role.PERSONIL, "T0100")
    make_officer(unit, "uji.kapolsek", Role.KAPOLSEK, "T0101")
    lat, lng = point_in(desa)
    page = browser_page
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": lat, "longitude": lng, "accuracy": 12})
    base = live_server.url

    _login(page, base, "uji.personil")
    page.goto(f"{base}/patroli/")
    page.click("#start-patrol")
    assert page.is_checked("input[name=start_now]")
    page.click("#submit-patrol")
    page.wait_for_selector("#add-session")
    assert page.inner_text("#patrol-status") == "Berlangsung"
    screenshot(page, "patrols-1-started")

    page.click("#add-session")
    page.wait_for_selector("#geo-status[data-located='1']")
    boxes = page.locator("input[name=messages]")
    assert boxes.count() >= 2
    boxes.nth(0).check()
    boxes.nth(1).check()
    pemuda_plus = page.locator(".counter:has(#id_aud_pemuda) .step[data-step='1']")
    for _ in range(3):
        pemuda_plus.click()
    page.fill("#id_aud_ibu_ibu", "5")
    page.fill("#id_input_1", "Lampu jalan di gang mati")
    page.select_option("#id_input_1_kind", "keluhan")
    page.fill("#id_input_2", "Minta ronda malam dihidupkan")
    page.select_option("#id_input_2_kind", "aspirasi")
    screenshot(page, "patrols-2-session-form")
    page.click("#save-session")
    page.wait_for_selector("article.session")
    assert desa.name in page.inner_text("article.session")
    page.click("#action-end")
    page.wait_for_load_state()
    assert page.inner_text("#patrol-status") == "Selesai"
    screenshot(page, "patrols-3-ended")

    session = DialogueSession.objects.get()
    assert session.desa_id == desa.code and session.audience_total == 8
    assert session.messages.count() == 2
    assert ResidentInput.objects.filter(session=session).count() == 2
    assert session.patrol.status == PatrolStatus.DONE

    page.context.clear_cookies()
    _login(page, base, "uji.kapolsek")
    page.goto(f"{base}/patroli/cakupan/")
    page.wait_for_selector("#map[data-features]")
    assert page.get_attribute("#map", "data-visited") == "1"
    assert page.inner_text("#total-sessions") == "1"
    screenshot(page, "patrols-4-coverage")
