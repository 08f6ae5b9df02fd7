"""The resident journey in a real browser (Debian's chromium through Playwright), phone-sized:
report on /lapor/, keep the code, the Kapolsek of that desa sees it with its deadline and
replies publicly and corrects the case's category (a triage label), the resident reads the
answer on /lacak/<code>/."""

from __future__ import annotations

from typing import Any

import pytest

from polmas.aspirations.categories import load_categories
from polmas.aspirations.models import Case, TriageLabel
from polmas.core.testing import screenshot
from polmas.org.models import Region, Role, Unit
from polmas.org.testing import TEST_PASSWORD, ensure_reference_data, make_officer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORT = "Setiap malam minggu ada balap liar di jalan depan balai desa, sangat membahayakan."
ANSWER = "Terima kasih. Mulai malam ini Bhabinkamtibmas dan tim patroli berjaga di lokasi."


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", TEST_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")


def test_resident_reports_officer_answers_resident_reads(
    live_server: Any, browser_page: Any
) -> None:
    ensure_reference_data()
    load_categories()
    desa = Region.objects.get(parent__name="Lohbener", name="Lohbener")
    make_officer(Unit.objects.get(code="polsek-lohbener"), "jalur.kapolsek", Role.KAPOLSEK, "J0001")
    base = live_server.url

    resident = browser_page  # 390x844, like a phone
    resident.goto(f"{base}/lapor/")
    resident.fill("#id_description", REPORT)
    resident.select_option("#id_desa", desa.code)
    resident.fill("#id_reporter_name", "Rina")
    screenshot(resident, "cases-1-report-form")
    resident.click("#report-form button[type=submit]")
    resident.wait_for_url(f"{base}/lapor/terkirim/")
    code = resident.inner_text("#tracking-code").strip()
    assert code.startswith("PM-")
    screenshot(resident, "cases-2-code")
    case = Case.objects.get(tracking_code=code)
    assert case.unit.code == "polsek-lohbener" and case.due_at is not None

    staff_context = resident.context.browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="id-ID"
    )
    staff = staff_context.new_page()
    try:
        _login(staff, base, "jalur.kapolsek")
        staff.goto(f"{base}/kasus/")
        row = staff.locator("tr", has_text=code)
        assert row.count() == 1
        assert "—" not in row.locator("td").nth(8).inner_text()  # the deadline column is set
        screenshot(staff, "cases-3-inbox")
        row.locator(f"a:has-text('{code}')").click()
        staff.wait_for_url(f"{base}/kasus/{case.pk}/")
        assert staff.inner_text("#deadline").strip() != "—"
        staff.fill("textarea[name=text]", ANSWER)
        staff.click("form[action$='/balas/'] button[type=submit]")
        staff.wait_for_selector(f"text={ANSWER}")
        screenshot(staff, "cases-4-replied")
        # The officer corrects the category; the correction becomes a triage label.
        target = "ketertiban_umum" if case.category.code != "ketertiban_umum" else "lalu_lintas"
        staff.select_option("#reclassify select[name=category]", target)
        staff.select_option("#reclassify select[name=urgency]", "tinggi")
        staff.fill("#reclassify input[name=note]", "balap liar mengganggu ketertiban")
        staff.click("#reclassify button[type=submit]")
        staff.wait_for_selector("text=disimpan untuk melatih triase")
        case.refresh_from_db()
        assert (case.category.code, case.urgency) == (target, "tinggi")
        label = TriageLabel.objects.get(case=case)
        assert (label.category_code, label.urgency) == (target, "tinggi")
    finally:
        staff_context.close()

    resident.goto(f"{base}/lacak/{code}/")
    resident.wait_for_selector(f"text={ANSWER}")
    assert "Petugas" in resident.inner_text("ol.timeline")
    screenshot(resident, "cases-5-answer")


def test_desk_intake_shows_the_triage_suggestion_while_the_officer_types(
    live_server: Any, browser_page: Any
) -> None:
    ensure_reference_data()
    load_categories()
    make_officer(Unit.objects.get(code="polsek-lohbener"), "meja.kapolsek", Role.KAPOLSEK, "J0002")
    base = live_server.url
    page = browser_page
    _login(page, base, "meja.kapolsek")
    page.goto(f"{base}/kasus/baru/")
    assert page.inner_text("#triage-suggestion").strip() == ""
    page.fill("#id_description", "Motor saya dicuri semalam di depan warung, plat E 1234 AB")
    page.wait_for_selector("#triage-suggestion-text", timeout=15_000)
    hint = page.inner_text("#triage-suggestion")
    assert "Kriminalitas" in hint and "Tinggi" in hint
    screenshot(page, "cases-desk-triage-suggestion")
