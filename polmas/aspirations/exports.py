"""CSV/XLSX exports of the inbox: scoped, and with the reporter masked or hidden by role."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from polmas.aspirations import selectors
from polmas.aspirations.masking import mask_text
from polmas.aspirations.models import Case
from polmas.aspirations.querysets import CaseQuerySet
from polmas.core.formatting import to_wib
from polmas.org.scope import get_scope

MAX_ROWS = 50_000


def headers() -> list[str]:
    return [
        _("Kode"),
        _("Dibuat (WIB)"),
        _("Jenis"),
        _("Kategori"),
        _("Urgensi"),
        _("Status"),
        _("Satuan"),
        _("Desa"),
        _("Tenggat (WIB)"),
        _("Lewat tenggat"),
        _("Judul/uraian"),
        _("Kerahasiaan"),
        _("Nama pelapor"),
        _("Telepon pelapor"),
    ]


def rows(user: Any, qs: CaseQuerySet) -> Iterator[list[str]]:
    scope = get_scope(user)
    full_text = scope.everything or bool(scope.roles & selectors.CONTACT_ROLES)
    for case in (
        qs.select_related("category", "unit", "desa")
        .defer("desa__boundary", "triage")
        .order_by("-created_at", "-id")[:MAX_ROWS]
        .iterator(chunk_size=2000)
    ):
        reporter = selectors.list_reporter_view(user, case)
        text = case.summary if full_text and case.privacy == "biasa" else mask_text(case.summary)
        yield [
            case.tracking_code,
            to_wib(case.created_at).strftime("%Y-%m-%d %H:%M"),
            case.get_kind_display(),
            case.category.name,
            case.get_urgency_display(),
            case.get_status_display(),
            case.unit.name,
            case.desa.name if case.desa else "",
            to_wib(case.due_at).strftime("%Y-%m-%d %H:%M") if case.due_at else "",
            _("ya") if case.is_overdue else "",
            text,
            case.get_privacy_display(),
            reporter["name"],
            reporter["phone"],
        ]


def to_csv(user: Any, qs: CaseQuerySet) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers())
    for row in rows(user, qs):
        writer.writerow([_safe_cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode()


def to_xlsx(user: Any, qs: CaseQuerySet) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Kasus"))
    ws.append(headers())
    for row in rows(user, qs):
        ws.append([_safe_cell(v) for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _safe_cell(value: str) -> str:
    """Defuse spreadsheet formula injection from residents' text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


__all__ = ["Case", "to_csv", "to_xlsx"]
