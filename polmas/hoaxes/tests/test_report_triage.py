"""Hoax reports keep the triage of their text (tone, provocation, places, personal data); staff
read it on the report page and through the API. The triage here is the real library."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from polmas.core.templatetags.polmas_triage import triage_rows
from polmas.hoaxes import services
from polmas.hoaxes.models import HoaxReport
from polmas.org.testing import World

pytestmark = pytest.mark.django_db

PROVOCATION = "Orang cina kafir itu harus diusir dari Indramayu, bunuh saja mereka"
RUMOUR = "Katanya ada razia KTP malam ini di desa Tugu kec Sliyeg, hub 081234567890"


def test_a_report_stores_the_triage_of_its_text(world: World) -> None:
    report = services.report_hoax(actor=None, text=PROVOCATION, channel="whatsapp")
    report.refresh_from_db()
    assert report.triage is not None
    assert report.triage["hate_speech"] is True and "religion" in report.triage["hate_targets"]
    rumour = services.report_hoax(actor=None, text=RUMOUR, channel="web", desa=world.desa_in)
    rumour.refresh_from_db()
    assert rumour.triage is not None and rumour.triage["hate_speech"] is False
    assert [p["name"] for p in rumour.triage["locations"]] == ["Tugu", "Sliyeg"]
    assert rumour.triage["pii"] == [{"type": "phone", "start": 61, "end": 73}]
    assert rumour.triage["masked_text"].endswith("hub [TELEPON]")


def test_a_triage_handed_over_by_the_caller_is_stored_as_given(world: World) -> None:
    given: dict[str, Any] = {"sentiment": "neutral", "hate_speech": False, "locations": []}
    report = services.report_hoax(actor=None, text=PROVOCATION, channel="api", triage=given)
    report.refresh_from_db()
    assert report.triage == given  # not analysed a second time


def test_the_report_page_shows_the_triage_in_indonesian(client: Client, world: World) -> None:
    report = services.report_hoax(
        actor=None, text=PROVOCATION + ". " + RUMOUR, channel="web", desa=world.desa_in
    )
    client.force_login(world.user_in)
    html = client.get(f"/hoaks/laporan/{report.pk}/").content.decode()
    assert "Triase otomatis" in html
    assert 'Ujaran kebencian/provokasi: <strong class="badge error">ya, sasaran: ras/suku' in html
    assert "nomor telepon ×1" in html and "Tugu, Sliyeg" in html


def test_the_api_returns_the_triage_and_null_without_one(client: Client, world: World) -> None:
    report = services.report_hoax(actor=None, text=PROVOCATION, channel="web", desa=world.desa_in)
    headers = {"Authorization": f"Bearer {world.token(world.user_in)}"}
    body = client.get(f"/api/v1/hoaxes/reports/{report.pk}", headers=headers).json()
    assert body["triage"]["hate_speech"] is True and body["triage"]["sentiment"] == "negative"
    for stored in (None, {"raw": "TriageResult(...)"}, ["x"]):  # older or unusable values
        HoaxReport.objects.filter(pk=report.pk).update(triage=stored)
        response = client.get(f"/api/v1/hoaxes/reports/{report.pk}", headers=headers)
        assert response.status_code == 200 and response.json()["triage"] is None


def test_triage_rows_never_break_on_odd_values() -> None:
    odd: tuple[Any, ...] = (None, [], "teks", {"raw": "x"}, {"sentiment": 3})
    for value in odd:
        assert triage_rows(value) == []
    rows = triage_rows(
        {
            "sentiment": "mixed",  # a value a newer library might produce: shown as is
            "hate_speech": True,
            "hate_targets": ["religion", "alien"],
            "locations": [{"name": "Tugu"}, {"name": "Tugu"}, "bad"],
            "pii": [{"type": "nik"}, {"type": "nik"}, None],
            "truncated": True,
        }
    )
    shown = {label: (value, warn) for label, value, warn in rows}
    assert shown["Nada pesan"] == ("mixed", False)
    assert shown["Emosi"] == ("—", False)
    assert shown["Ujaran kebencian/provokasi"] == ("ya, sasaran: agama, alien; kekuatan: —", True)
    assert shown["Tempat disebut"] == ("Tugu", False)
    assert shown["Data pribadi dalam teks"] == ("NIK ×2", True)
    assert "Catatan triase" in shown


def test_a_report_is_stored_when_the_triage_cannot_run(
    world: World, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing is lost: with no model files the report and a case are stored without triage,
    and `polmas retriage` fills it in once the models are back."""
    from polmas.aspirations import services as cases
    from polmas.core.triage import retriage

    monkeypatch.setenv("POLMAS_TRIAGE_ARTIFACTS", str(tmp_path))  # an empty folder: no models
    report = services.report_hoax(actor=None, text=PROVOCATION, channel="sms")
    case = cases.create_case(actor=None, description=RUMOUR, desa_code=world.desa_in.code)
    assert report.triage is None and case.triage is None
    assert case.category.code == "lainnya"  # the fallback when nothing suggests a category
    assert "stored without triage" in caplog.text
    monkeypatch.delenv("POLMAS_TRIAGE_ARTIFACTS")
    assert retriage(HoaxReport.objects.filter(pk=report.pk), "text") == 1
    report.refresh_from_db()
    assert report.triage is not None and report.triage["hate_speech"] is True


def test_the_review_queue_marks_and_filters_provocation(client: Client, world: World) -> None:
    hateful = services.report_hoax(actor=None, text=PROVOCATION, channel="web", desa=world.desa_in)
    calm = services.report_hoax(
        actor=None, text="Katanya besok ada pemadaman listrik", channel="web", desa=world.desa_in
    )
    outside = services.report_hoax(
        actor=None, text=PROVOCATION + " (2)", channel="web", desa=world.desa_out
    )
    client.force_login(world.user_in)
    page = client.get("/hoaks/antrean/?status=").content.decode()
    assert hateful.reference in page and calm.reference in page
    assert page.count('class="badge error">provokasi<') == 1
    only = client.get("/hoaks/antrean/?status=&provokasi=1").content.decode()
    assert hateful.reference in only and calm.reference not in only
    assert outside.reference not in only  # still scoped
