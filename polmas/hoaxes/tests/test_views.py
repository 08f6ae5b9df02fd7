from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from polmas.hoaxes import services
from polmas.hoaxes.models import Alert, FactCheck, HoaxReport, ReportStatus
from polmas.hoaxes.tests.conftest import CONFIDENT_TEXT, UNCERTAIN_TEXT
from polmas.org.testing import PermissionMatrix, Route, Where, World

pytestmark = pytest.mark.django_db


def _report(world: World, where: Where) -> HoaxReport:
    key = f"report-{where}"
    if key not in world.objects:
        world.objects[key] = services.report_hoax(
            actor=None, text=f"kabar uji {where}", channel="web", desa=world.desa(where)
        )
    return world.objects[key]  # type: ignore[no-any-return]


def _alert(world: World, where: Where) -> Alert:
    key = f"alert-{where}"
    if key not in world.objects:
        for _ in range(3):
            services.report_hoax(
                actor=None,
                text="kabar gelombang uji yang sama persis",
                channel="web",
                desa=world.desa(where),
            )
        services.detect_rumour_waves(day=timezone.localdate())
        world.objects[key] = Alert.objects.get(unit=world.unit(where))
    return world.objects[key]  # type: ignore[no-any-return]


def _factcheck_id(world: World, where: Where) -> dict[str, Any]:
    fc = FactCheck.objects.create(
        source="humas-local", external_id=f"uji-{where}", title="Isu uji", verdict="SALAH"
    )
    return {"factcheck": fc.pk}


class TestHoaxPagePermissions(PermissionMatrix):
    routes = [
        Route("queue", "get", lambda w, where: "/hoaks/antrean/", scoped=False),
        Route("report", "get", lambda w, where: f"/hoaks/laporan/{_report(w, where).pk}/"),
        Route(
            "answer",
            "post",
            lambda w, where: f"/hoaks/laporan/{_report(w, where).pk}/jawab/",
            data=_factcheck_id,
            ok=(302,),
        ),
        Route(
            "irrelevant",
            "post",
            lambda w, where: f"/hoaks/laporan/{_report(w, where).pk}/tidak-relevan/",
            ok=(302,),
        ),
        Route(
            "clarify report",
            "get",
            lambda w, where: f"/hoaks/laporan/{_report(w, where).pk}/klarifikasi/",
        ),
        Route("clarify", "get", lambda w, where: "/hoaks/klarifikasi/baru/", scoped=False),
        Route("factchecks", "get", lambda w, where: "/hoaks/cek-fakta/", scoped=False),
        Route("waves", "get", lambda w, where: "/hoaks/gelombang/", scoped=False),
        Route(
            "acknowledge",
            "post",
            lambda w, where: f"/hoaks/peringatan/{_alert(w, where).pk}/terima/",
            ok=(302,),
        ),
        Route(
            "briefing", "get", lambda w, where: f"/hoaks/briefing/{w.unit(where).code}/2026-01-15/"
        ),
    ]


def test_public_pages_need_no_login(client: Client, world: World, kb: dict[str, Any]) -> None:
    assert client.get("/cek-hoaks/").status_code == 200
    assert client.get("/hoaks/").status_code == 200
    assert client.get("/cek-hoaks/HX-TIDAKADA/").status_code == 404
    assert client.get(f"/hoaks/{kb['35004'].pk}/").status_code == 404  # not approved yet


def test_resident_forwarded_rumour_is_answered(
    client: Client, world: World, kb: dict[str, Any]
) -> None:
    response = client.post(
        "/cek-hoaks/", {"text": CONFIDENT_TEXT, "desa": world.desa_in.code}, follow=True
    )
    assert response.status_code == 200
    html = response.content.decode()
    report = HoaxReport.objects.get()
    assert report.reference in html and report.status == ReportStatus.TERJAWAB_OTOMATIS
    assert "Surat suara sudah dicoblos" in html and "Salah" in html
    assert "Foto itu dokumentasi simulasi" in html
    assert kb["35004"].url in html


def test_uncertain_rumour_gets_a_tracking_reference_then_the_humas_answer(
    client: Client, world: World, kb: dict[str, Any]
) -> None:
    response = client.post(
        "/cek-hoaks/",
        {"text": UNCERTAIN_TEXT, "name": "Bu Sari", "contact": "0812", "anonymous": "on"},
        follow=True,
    )
    html = response.content.decode()
    report = HoaxReport.objects.get()
    assert "Sedang diperiksa Humas" in html and report.reference in html
    assert report.anonymous and report.reporter_name == "Bu Sari"
    # the Polres handles it (no desa given): Kasi Humas answers from the queue
    staff = Client()
    staff.force_login(world.user_polres)
    queue = staff.get("/hoaks/antrean/").content.decode()
    assert report.reference in queue
    page = staff.get(f"/hoaks/laporan/{report.pk}/").content.decode()
    assert "Bu Sari" in page  # the handling unit sees the anonymous reporter
    assert (
        staff.post(f"/hoaks/laporan/{report.pk}/jawab/", {"factcheck": kb["35002"].pk}).status_code
        == 302
    )
    answered = client.get(f"/cek-hoaks/{report.reference}/").content.decode()
    assert "Air pdam indramayu tercemar racun" in answered
    public = client.get("/hoaks/").content.decode()
    assert "Air pdam indramayu tercemar racun" in public
    assert client.get(f"/hoaks/{kb['35002'].pk}/").status_code == 200


def test_anonymous_reporter_hidden_outside_the_handling_unit(
    client: Client, world: World, kb: dict[str, Any]
) -> None:
    report = services.report_hoax(
        actor=None,
        text=UNCERTAIN_TEXT,
        channel="web",
        desa=world.desa_in,
        reporter="Pak Darto",
        anonymous=True,
    )
    client.force_login(world.user_polres)  # sees the report (scope) but is not the handler
    html = client.get(f"/hoaks/laporan/{report.pk}/").content.decode()
    assert "Pak Darto" not in html and "Anonim" in html
    client.force_login(world.user_in)
    assert "Pak Darto" in client.get(f"/hoaks/laporan/{report.pk}/").content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "tidak boleh kosong"),
        ({"text": "a" * 5001}, "maksimal 5.000 karakter"),
    ],
)
def test_bad_public_input_gets_a_form_error(
    client: Client, world: World, data: dict[str, str], message: str
) -> None:
    response = client.post("/cek-hoaks/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert HoaxReport.objects.count() == 0


def test_url_only_text_is_matched_by_its_slug(
    client: Client, world: World, kb: dict[str, Any]
) -> None:
    url = "https://turnbackhoax.id/articles/35005-salah-penculikan-anak-dengan-mobil-putih-di-jatibarang"
    client.post("/cek-hoaks/", {"text": url})
    assert HoaxReport.objects.get().suggested == kb["35005"]


def test_resubmitting_the_same_form_does_not_duplicate(
    client: Client, world: World, kb: dict[str, Any]
) -> None:
    key = "6f1c1d7e-9a4b-4c33-8c66-1f2e3d4c5b6a"
    for _ in range(2):
        client.post("/cek-hoaks/", {"text": UNCERTAIN_TEXT, "idempotency_key": key})
    assert HoaxReport.objects.count() == 1


def test_public_form_is_rate_limited(client: Client, world: World, kb: dict[str, Any]) -> None:
    for i in range(10):
        assert client.post("/cek-hoaks/", {"text": f"kabar {i}"}).status_code == 302
    blocked = client.post("/cek-hoaks/", {"text": "kabar 11"})
    assert blocked.status_code == 429 and "Terlalu banyak" in blocked.content.decode()
    assert HoaxReport.objects.count() == 10


def test_public_list_paginates(client: Client, world: World) -> None:
    for i in range(25):
        services.create_local_clarification(
            actor=None, title=f"Isu lokal nomor {i}", conclusion="Tidak benar."
        )
    first = client.get("/hoaks/").content.decode()
    assert "Halaman 1 dari 2" in first and "Isu lokal nomor 24" in first
    second = client.get("/hoaks/?page=2").content.decode()
    assert "Isu lokal nomor 0" in second and "<script" not in second.split("</main>")[0]


def test_local_clarification_form(client: Client, world: World, kb: dict[str, Any]) -> None:
    report = services.report_hoax(
        actor=None, text="Isu jembatan Lohbener runtuh", channel="web", desa=world.desa_in
    )
    client.force_login(world.user_in)
    bad = client.post(f"/hoaks/laporan/{report.pk}/klarifikasi/", {"title": ""})
    assert bad.status_code == 400
    ok = client.post(
        f"/hoaks/laporan/{report.pk}/klarifikasi/",
        {
            "title": "Jembatan Lohbener runtuh",
            "verdict": "SALAH",
            "conclusion": "Jembatan Lohbener dalam keadaan baik.",
            "claim": "",
            "explanation": "",
        },
    )
    assert ok.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.DIJAWAB and report.answer is not None
    assert report.answer.source == "humas-local"
    page = client.get(f"/hoaks/laporan/{report.pk}/").content.decode()
    assert "hoax_report.status" in page  # the audit timeline


def test_briefing_page_prints_counter_messages(
    client: Client, world: World, kb: dict[str, Any]
) -> None:
    services.report_hoax(actor=None, text=CONFIDENT_TEXT, channel="web", desa=world.desa_in)
    client.force_login(world.user_in)
    today = timezone.localdate().isoformat()
    html = client.get(f"/hoaks/briefing/polsek-lohbener/{today}/").content.decode()
    assert "Hoaks: Surat suara sudah dicoblos" in html and "Faktanya:" in html
    assert client.get("/hoaks/briefing/polsek-lohbener/kemarin/").status_code == 404


def test_patrol_briefing_shows_the_counter_messages(
    client: Client, world: World, kb: dict[str, Any]
) -> None:
    """The printable patrol briefing (patrols app) carries the hoaxes section."""
    services.report_hoax(actor=None, text=CONFIDENT_TEXT, channel="web", desa=world.desa_in)
    client.force_login(world.user_in)
    today = timezone.localdate().isoformat()
    html = client.get(f"/patroli/briefing/?unit=polsek-lohbener&date={today}").content.decode()
    assert "Hoaks yang beredar dan faktanya" in html
    assert "Hoaks: Surat suara sudah dicoblos" in html and "Faktanya:" in html


@pytest.mark.parametrize("reference", ["a/b", "/", "HX-AB/CD", "HX AB12CD34", "<script>"])
def test_tracking_a_malformed_reference_returns_to_the_form(
    client: Client, world: World, reference: str
) -> None:
    response = client.get("/cek-hoaks/lacak/", {"reference": reference})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kode lacak tidak dikenali" in html and 'name="reference"' in html
    assert "<script>" not in html


def test_tracking_a_wellformed_reference_goes_to_its_page(client: Client, world: World) -> None:
    response = client.get("/cek-hoaks/lacak/", {"reference": " hx-ab12cd34 "})
    assert response.status_code == 302 and response["Location"] == "/cek-hoaks/HX-AB12CD34/"
    assert client.get("/cek-hoaks/lacak/", {"reference": ""})["Location"] == "/cek-hoaks/"


@pytest.mark.parametrize("date", ["0001-01-01", "0001-01-06", "1999-12-31", "9999-12-31"])
def test_briefing_for_a_date_outside_the_sane_range_is_404(
    client: Client, world: World, date: str
) -> None:
    client.force_login(world.user_in)
    assert client.get(f"/hoaks/briefing/polsek-lohbener/{date}/").status_code == 404
