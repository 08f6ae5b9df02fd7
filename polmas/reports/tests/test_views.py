"""Report pages: the permission matrix, bad input, htmx polling and scoped downloads."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from polmas.org.testing import PermissionMatrix, Route, World
from polmas.reports import services
from polmas.reports.models import Report, ReportStatus
from polmas.reports.tests.conftest import run_worker

pytestmark = pytest.mark.django_db


def _report(w: World, where: str, *, built: bool = True) -> Report:
    """A built report of the in/out Polsek (cached per world)."""
    key = f"report-{where}-{built}"
    if key not in w.objects:
        unit = w.unit_in if where == "in" else w.unit_out
        report, _ = services.request_report(
            actor=None, unit=unit, kind="harian", day=timezone.localdate(), enqueue=False
        )
        if built:
            services.build(report.pk)
            report.refresh_from_db()
        w.objects[key] = report
    return w.objects[key]  # type: ignore[no-any-return]


def _form(w: World, where: str) -> dict[str, Any]:
    unit = w.unit_in if where == "in" else w.unit_out
    return {"unit": unit.code, "kind": "mingguan", "day": timezone.localdate().isoformat()}


class TestReportPermissions(PermissionMatrix):
    routes = [
        Route("list", "get", lambda w, where: "/laporan/", scoped=False),
        Route(
            "request",
            "post",
            lambda w, where: "/laporan/",
            data=_form,
            ok=(302,),
        ),
        Route("detail", "get", lambda w, where: f"/laporan/{_report(w, where).pk}/"),
        Route("status", "get", lambda w, where: f"/laporan/{_report(w, where).pk}/status/"),
        Route(
            "refresh",
            "post",
            lambda w, where: f"/laporan/{_report(w, where).pk}/buat-ulang/",
            ok=(302,),
        ),
        Route("pdf", "get", lambda w, where: f"/laporan/{_report(w, where).pk}/unduh.pdf"),
        Route("xlsx", "get", lambda w, where: f"/laporan/{_report(w, where).pk}/unduh.xlsx"),
    ]


def _client(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_download_serves_the_files_scoped(world: World) -> None:
    report = _report(world, "in")
    c = _client(world.user_in)
    pdf = c.get(f"/laporan/{report.pk}/unduh.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]
    assert "attachment" in pdf["Content-Disposition"]
    xlsx = c.get(f"/laporan/{report.pk}/unduh.xlsx")
    assert b"".join(xlsx.streaming_content).startswith(b"PK")  # type: ignore[attr-defined]
    # The Kapolres sees the Polsek's report; the other Kapolsek does not.
    assert _client(world.user_polres).get(f"/laporan/{report.pk}/unduh.pdf").status_code == 200
    assert _client(world.user_out).get(f"/laporan/{report.pk}/unduh.xlsx").status_code == 404
    listed = _client(world.user_out).get("/laporan/").content.decode()
    assert f"/laporan/{report.pk}/" not in listed
    assert report.pdf.url not in c.get(f"/laporan/{report.pk}/").content.decode()


def test_unbuilt_report_has_no_download(world: World) -> None:
    report = _report(world, "in", built=False)
    c = _client(world.user_in)
    assert c.get(f"/laporan/{report.pk}/unduh.pdf").status_code == 404


def test_request_form_bad_input(world: World) -> None:
    c = _client(world.user_in)
    today = timezone.localdate()
    cases = [
        ({"kind": "bulanan"}, "bulanan"),
        ({"day": (today + dt.timedelta(days=1)).isoformat()}, "masa depan"),
        ({"day": "2019-12-31"}, "1 Januari 2020"),
        ({"day": "kemarin"}, "tanggal"),
        ({"unit": "polsek-tidak-ada"}, "Satuan tidak dikenal"),
    ]
    for change, message in cases:
        data = {**_form(world, "in"), **change}
        response = c.post("/laporan/", data)
        assert response.status_code == 400, change
        assert message.lower() in response.content.decode().lower(), change
    # An existing unit outside the scope: 404, and nothing is created.
    assert c.post("/laporan/", _form(world, "out")).status_code == 404
    assert not Report.objects.exists()


def test_reversed_filter_dates_get_a_message(world: World) -> None:
    _report(world, "in")
    body = _client(world.user_in).get("/laporan/?start=2024-02-01&end=2024-01-01").content
    assert "Tanggal awal harus sebelum" in body.decode()


def test_request_then_poll_until_done(world: World, django_capture_on_commit_callbacks) -> None:
    c = _client(world.user_in)
    with django_capture_on_commit_callbacks(execute=True):
        response = c.post("/laporan/", _form(world, "in"))
    report = Report.objects.get()
    assert response["Location"] == f"/laporan/{report.pk}/"
    page = c.get(f"/laporan/{report.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in page and "<progress" in page
    assert f'href="/laporan/{report.pk}/"' in page  # the no-JS refresh link
    run_worker()
    fragment = c.get(f"/laporan/{report.pk}/status/", headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert "hx-trigger" not in html and "unduh.pdf" in html
    report.refresh_from_db()
    assert report.status == ReportStatus.SELESAI and report.kind == "mingguan"
    # Asking again is idempotent: same report, a message says so.
    again = c.post("/laporan/", _form(world, "in"), follow=True)
    assert Report.objects.count() == 1
    assert "sudah ada" in again.content.decode()


def test_roles_without_request_right_cannot_request(world: World) -> None:
    from polmas.org.models import Role
    from polmas.org.testing import make_officer

    officer = make_officer(world.unit_in, "uji.personil", Role.PERSONIL, "T0100")
    c = _client(officer)
    assert c.get("/laporan/").status_code == 200
    assert 'id="report-request"' not in c.get("/laporan/").content.decode()
    assert c.post("/laporan/", _form(world, "in")).status_code == 403
