"""Writes about reports: request one (idempotent per unit, kind and period) and build it."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import time
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from polmas.core.audit import record_event
from polmas.core.jobs import enqueue_on_commit
from polmas.org.access import check_role
from polmas.org.models import Role, Unit
from polmas.reports import charts
from polmas.reports.figures import SYSTEM, desa_boundaries, report_figures
from polmas.reports.models import Report, ReportKind, ReportStatus
from polmas.reports.pdf import build_pdf
from polmas.reports.periods import day_problem, period_for, report_title
from polmas.reports.selectors import REPORT_UNIT_LEVELS
from polmas.reports.xlsx import build_xlsx

logger = logging.getLogger(__name__)

# Who may ask for a report (everyone with a role in scope may read and download them).
REQUEST_ROLES = (
    Role.KAPOLRES,
    Role.KABAG_OPS,
    Role.KAPOLSEK,
    Role.KASI_HUMAS,
    Role.OPERATOR,
    Role.ADMIN,
)


def request_report(
    *,
    actor: Any,
    unit: Unit,
    kind: str,
    day: dt.date,
    refresh: bool = False,
    enqueue: bool = True,
) -> tuple[Report, bool]:
    """The report of `unit` for the `kind` period containing `day`, queued for building.

    Idempotent: asking again returns the existing report (`created=False`) unless
    `refresh=True`, which rebuilds it; a failed report is rebuilt on any new request.
    `actor=None` is the scheduler."""
    if kind not in ReportKind.values:
        raise ValidationError(_("Jenis laporan tidak dikenal."))
    problem = day_problem(day, timezone.localdate())
    if problem:
        raise ValidationError(problem)
    if unit.level not in REPORT_UNIT_LEVELS:
        raise ValidationError(_("Laporan hanya dibuat untuk Polres dan Polsek."))
    if actor is not None:
        check_role(actor, *REQUEST_ROLES)
        if not Unit.objects.restrict(actor).filter(pk=unit.pk).exists():
            raise PermissionDenied(_("Satuan ini di luar cakupan Anda."))
    period = period_for(kind, day)
    user = actor if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        report, created = Report.objects.select_for_update().get_or_create(
            unit=unit,
            kind=kind,
            period_start=period.start,
            defaults={"period_end": period.end, "requested_by": user},
        )
        rebuild = not created and (refresh or report.status == ReportStatus.GAGAL)
        if rebuild:
            report.status, report.progress, report.stage, report.error = (
                ReportStatus.ANTRE,
                0,
                "",
                "",
            )
            report.requested_by = user or report.requested_by
            report.save(update_fields=["status", "progress", "stage", "error", "requested_by"])
        if created or rebuild:
            record_event(
                actor=actor,
                verb="report.requested" if created else "report.refreshed",
                target=report,
                after={"kind": kind, "start": period.start, "end": period.end},
            )
            if enqueue:
                from polmas.reports.tasks import build_report

                enqueue_on_commit(build_report, report.pk)
    return report, created


def _progress(report: Report, percent: int, stage: str) -> None:
    """Saved outside any transaction so the page polling it sees every step."""
    report.progress, report.stage = percent, stage
    Report.objects.filter(pk=report.pk).update(progress=percent, stage=stage)


def _file_name(report: Report, ext: str) -> str:
    token = secrets.token_hex(8)  # files are never linked; the token keeps names unguessable
    return f"{report.unit.code}-{report.kind}-{report.period_start:%Y%m%d}-{token}.{ext}"


def build(report_id: int, *, force: bool = False) -> Report | None:
    """Build the files of a report, recording progress. Idempotent: a finished report is left
    alone unless `force`. Failures are recorded on the report (status gagal, error)."""
    report = Report.objects.select_related("unit").filter(pk=report_id).first()
    if report is None or (report.status == ReportStatus.SELESAI and not force):
        return report
    started = time.perf_counter()
    report.status, report.started_at, report.error = ReportStatus.BERJALAN, timezone.now(), ""
    report.save(update_fields=["status", "started_at", "error"])
    try:
        _build_files(report)
    except Exception as exc:
        logger.exception("report %s failed", report.pk)
        report.status, report.error = ReportStatus.GAGAL, f"{type(exc).__name__}: {exc}"[:2000]
        report.finished_at = timezone.now()
        report.save(update_fields=["status", "error", "finished_at"])
        record_event(actor=None, verb="report.failed", target=report, note=report.error)
        return report
    report.status, report.progress, report.stage = (
        ReportStatus.SELESAI,
        100,
        pgettext("report job status", "Selesai"),
    )
    report.finished_at = timezone.now()
    report.build_seconds = round(time.perf_counter() - started, 3)
    report.save()
    record_event(actor=None, verb="report.built", target=report)
    return report


def _build_files(report: Report) -> None:
    unit = report.unit
    title = report_title(report.kind, unit.name, report.period_start, report.period_end)
    _progress(report, 5, _("Menghitung angka"))
    figures = report_figures(SYSTEM, unit, report.period_start, report.period_end)
    _progress(report, 30, _("Menggambar grafik"))
    images = {
        "topics": charts.bar_chart(figures.topic_rows, _("Pesan kamtibmas per topik")),
    }
    if figures.cases_by_category:
        images["cases"] = charts.cases_chart(figures.cases_by_category, _("Kasus per kategori"))
    _progress(report, 50, _("Menggambar peta"))
    geometries = desa_boundaries(SYSTEM, [d.code for d in figures.desa])
    images["map"] = charts.coverage_map(
        figures.desa, geometries, _("Sesi dialog per desa, %(unit)s") % {"unit": unit.name}
    )
    _progress(report, 70, _("Menyusun PDF"))
    now = timezone.now()
    pdf_bytes = build_pdf(figures, title=title, charts=images, generated_at=now)
    _progress(report, 85, _("Menyusun XLSX"))
    xlsx_bytes = build_xlsx(figures, title=title, generated_at=now)
    old = [f.name for f in (report.pdf, report.xlsx) if f]
    report.pdf.save(_file_name(report, "pdf"), ContentFile(pdf_bytes), save=False)
    report.xlsx.save(_file_name(report, "xlsx"), ContentFile(xlsx_bytes), save=False)
    report.save(update_fields=["pdf", "xlsx"])
    storage = report.pdf.storage
    for name in old:
        if name not in (report.pdf.name, report.xlsx.name):
            storage.delete(name)
