"""Reports built through the real database task queue, then read back: PDF text with pypdf,
XLSX cells with openpyxl, and (when poppler is installed) the first page as a PNG."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from polmas.core.formatting import long_date, number
from polmas.core.testing import ARTIFACTS
from polmas.reports import services
from polmas.reports.figures import SYSTEM, report_figures
from polmas.reports.models import Report, ReportStatus
from polmas.reports.tests.conftest import Activity, run_worker

pytestmark = pytest.mark.django_db


def _build(activity: Activity, capture: Any, unit_attr: str = "unit_in", kind: str = "harian"):
    w = activity.world
    unit = getattr(w, unit_attr)
    from polmas.patrols.models import DialogueSession

    day = DialogueSession.objects.order_by("day").first().day  # type: ignore[union-attr]
    user = w.user_polres if unit_attr == "polres" else w.user_in
    with capture(execute=True):
        report, created = services.request_report(actor=user, unit=unit, kind=kind, day=day)
    assert created
    assert Report.objects.get(pk=report.pk).status == ReportStatus.ANTRE
    run_worker()
    report.refresh_from_db()
    return report, day


def _pdf_text(report: Report) -> str:
    with report.pdf.open("rb") as fh:
        data = fh.read()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    # Table cells and wrapped lines come out on separate lines: compare word sequences.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_daily_polsek_report_reads_back(activity: Activity, django_capture_on_commit_callbacks):
    report, day = _build(activity, django_capture_on_commit_callbacks)
    assert report.status == ReportStatus.SELESAI, report.error
    assert report.progress == 100
    f = report_figures(SYSTEM, activity.world.unit_in, day, day)

    text = _pdf_text(report)
    assert f"Laporan Harian Polsek Lohbener, {long_date(day)}" in text
    for label, value in f.summary_rows():
        shown = number(value, 1) if isinstance(value, float) else number(value)
        assert f"{label} {shown}" in text, (label, shown)
    assert "Sesi dialog 2 " in text and "Warga dijangkau 11 " in text
    assert "Cakupan desa (%) 16,7 " in text  # 2 of Lohbener's 12 desa
    assert "Kriminalitas 1 1 0 " in text  # category, opened, closed, overdue
    assert "Hoaks 3 " in text  # deliveries of hoax-topic messages
    assert activity.world.desa_in.name in text

    with report.xlsx.open("rb") as fh:
        wb = load_workbook(io.BytesIO(fh.read()))
    assert wb.sheetnames == ["Ringkasan", "Patroli", "Kasus", "Hoaks", "Desa"]
    summary = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(min_row=5, values_only=True)}
    assert summary == dict(f.summary_rows())
    assert summary["Sesi dialog"] == 2 and summary["Kasus lewat tenggat"] == 1
    assert wb["Ringkasan"]["A1"].value.startswith("Laporan Harian Polsek Lohbener")
    cases = {r[0]: r[2:] for r in wb["Kasus"].iter_rows(min_row=2, values_only=True)}
    assert cases["ketertiban_umum"] == (1, 0, 1)
    assert cases[None] == (3, 1, 1)  # the total row (no code)
    hoaxes = {r[0]: r[1] for r in wb["Hoaks"].iter_rows(min_row=2, values_only=True)}
    assert hoaxes["Dijawab"] == 1
    desa = {r[0]: r[3] for r in wb["Desa"].iter_rows(min_row=2, values_only=True)}
    assert desa[activity.world.desa_in.code] == 1
    assert sum(desa.values()) == f.sessions and len(desa) == f.desa_total
    patrol = {(r[0], r[1]): r[2] for r in wb["Patroli"].iter_rows(min_row=2, values_only=True)}
    assert patrol[("Status", "Berlangsung")] == 1
    assert sum(v for (g, _), v in patrol.items() if g == "Topik pesan") == 3


def test_first_page_renders_to_png(activity: Activity, django_capture_on_commit_callbacks):
    """A PDF viewer can draw it: poppler renders page 1 into test-artifacts/."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; PDF checked as text only")
    report, _day = _build(activity, django_capture_on_commit_callbacks)
    _render_first_page(report, "reports-harian-polsek")


def _render_first_page(report: Report, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    src = ARTIFACTS / f"{name}.pdf"
    with report.pdf.open("rb") as fh:
        src.write_bytes(fh.read())
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(src),
            str(ARTIFACTS / name),
        ],
        check=True,
        timeout=60,
    )
    assert Path(ARTIFACTS / f"{name}.png").stat().st_size > 1000


def test_weekly_polres_report(activity: Activity, django_capture_on_commit_callbacks):
    report, _day = _build(activity, django_capture_on_commit_callbacks, "polres", "mingguan")
    assert report.status == ReportStatus.SELESAI, report.error
    assert (
        report.period_start.weekday() == 0 and (report.period_end - report.period_start).days == 6
    )
    text = _pdf_text(report)
    assert "Laporan Mingguan Polres Indramayu" in text
    assert long_date(report.period_start) in text and long_date(report.period_end) in text
    assert "Sesi dialog 3 " in text and "Warga dijangkau 31 " in text
    assert "Laporan hoaks diterima 3 " in text


def test_request_is_idempotent_and_refresh_rebuilds(
    activity: Activity, django_capture_on_commit_callbacks
):
    report, day = _build(activity, django_capture_on_commit_callbacks)
    first_pdf = report.pdf.name
    w = activity.world
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again, created = services.request_report(
            actor=w.user_in, unit=w.unit_in, kind="harian", day=day
        )
    assert (again.pk, created, len(callbacks)) == (report.pk, False, 0)
    assert Report.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.request_report(
            actor=w.user_in, unit=w.unit_in, kind="harian", day=day, refresh=True
        )
    run_worker()
    report.refresh_from_db()
    assert report.status == ReportStatus.SELESAI and report.pdf.name != first_pdf
    assert not report.pdf.storage.exists(first_pdf)


def test_request_validation(activity: Activity, today) -> None:
    w = activity.world
    import datetime as dt

    with pytest.raises(ValidationError, match="masa depan"):
        services.request_report(
            actor=w.user_in, unit=w.unit_in, kind="harian", day=today + dt.timedelta(days=1)
        )
    with pytest.raises(ValidationError, match="2020"):
        services.request_report(
            actor=w.user_in, unit=w.unit_in, kind="harian", day=dt.date(2019, 12, 31)
        )
    with pytest.raises(ValidationError, match="Jenis"):
        services.request_report(actor=w.user_in, unit=w.unit_in, kind="bulanan", day=today)
    with pytest.raises(PermissionDenied):
        services.request_report(actor=w.user_in, unit=w.unit_out, kind="harian", day=today)
    with pytest.raises(PermissionDenied):
        services.request_report(actor=w.user_no_role, unit=w.unit_in, kind="harian", day=today)
    assert not Report.objects.exists()


def test_failure_is_recorded(activity: Activity, today, monkeypatch) -> None:
    w = activity.world
    report, _ = services.request_report(
        actor=None, unit=w.unit_in, kind="harian", day=today, enqueue=False
    )

    def boom(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("disk penuh")

    monkeypatch.setattr("polmas.reports.services.build_pdf", boom)
    result = services.build(report.pk)
    assert result is not None and result.status == ReportStatus.GAGAL
    assert "disk penuh" in result.error and not result.pdf
    monkeypatch.undo()
    again, created = services.request_report(
        actor=None, unit=w.unit_in, kind="harian", day=today, enqueue=False
    )
    assert not created and again.status == ReportStatus.ANTRE  # a failed one is retried
    assert services.build(report.pk).status == ReportStatus.SELESAI  # type: ignore[union-attr]


def test_scheduled_command_builds_every_unit(activity: Activity, today) -> None:
    out = io.StringIO()
    call_command("build_reports", "--kind", "harian", "--date", today.isoformat(), stdout=out)
    from polmas.org.models import Unit

    units = Unit.objects.filter(level__in=["polres", "polsek"]).count()
    assert Report.objects.filter(status=ReportStatus.SELESAI).count() == units
    assert f"{units} laporan selesai, 0 gagal." in out.getvalue()
    # Re-running is cheap and builds nothing new.
    call_command("build_reports", "--kind", "harian", "--date", today.isoformat(), stdout=out)
    assert Report.objects.count() == units
    with pytest.raises(CommandError):
        call_command("build_reports", "--kind", "harian", "--date", "2019-01-01", stdout=out)
    with pytest.raises(CommandError):
        call_command("build_reports", "--kind", "harian", "--date", "kemarin", stdout=out)
