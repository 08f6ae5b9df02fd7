"""The XLSX of a report (openpyxl): Ringkasan, Patroli, Kasus, Hoaks and Desa sheets."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from polmas.core.formatting import to_wib
from polmas.reports.figures import ReportFigures

BOLD = Font(bold=True)


def _sheet(wb: Any, name: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Any:
    ws = wb.create_sheet(name)
    ws.append(list(header))
    for cell in ws[1]:
        cell.font = BOLD
    for row in rows:
        ws.append(list(row))
    for i, _h in enumerate(header):
        letter = ws.cell(row=1, column=i + 1).column_letter
        ws.column_dimensions[letter].width = 14 if i else 34
    ws.freeze_panes = "A2"
    return ws


def _naive_wib(value: dt.datetime | None) -> dt.datetime | None:
    """Excel has no time zones: WIB wall-clock time."""
    return to_wib(value).replace(tzinfo=None) if value is not None else None


def build_xlsx(f: ReportFigures, *, title: str, generated_at: dt.datetime) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    summary = _sheet(wb, "Ringkasan", [_("Uraian"), _("Jumlah")], f.summary_rows())
    summary.insert_rows(1, 3)
    summary["A1"] = title
    summary["A1"].font = Font(bold=True, size=13)
    summary["A2"] = _("Periode")
    summary["B2"] = f.start
    summary["C2"] = f.end
    summary["A3"] = _("Dibuat")
    summary["B3"] = _naive_wib(generated_at)
    summary.freeze_panes = None
    patrol_rows: list[tuple[str, str, int]] = [
        *((_("Status"), label, n) for label, n in f.patrol_status_rows),
        *((_("Jenis"), label, n) for label, n in f.patrol_type_rows),
        *((_("Topik pesan"), label, n) for label, n in f.topic_rows),
    ]
    _sheet(wb, "Patroli", [_("Kelompok"), _("Uraian"), _("Jumlah")], patrol_rows)
    case_rows: list[tuple[Any, ...]] = [
        (c.code, c.name, c.opened, c.closed, c.overdue) for c in f.cases_by_category
    ]
    case_rows.append(
        (None, pgettext("total row", "Jumlah"), f.cases_opened, f.cases_closed, f.cases_overdue)
    )
    _sheet(
        wb,
        "Kasus",
        [
            _("Kode"),
            _("Kategori"),
            pgettext("case count", "Masuk"),
            pgettext("case count", "Selesai"),
            _("Lewat tenggat"),
        ],
        case_rows,
    )
    _sheet(wb, "Hoaks", [_("Status"), _("Jumlah")], f.hoax_status_rows)
    _sheet(
        wb,
        "Desa",
        [_("Kode"), _("Desa"), _("Kecamatan"), _("Sesi"), _("Warga"), _("Kunjungan terakhir")],
        [
            (d.code, d.name, d.kecamatan, d.sessions, d.residents, _naive_wib(d.last_visit))
            for d in f.desa
        ],
    )
    wb.properties.title = title
    wb.properties.creator = "Polmas"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
