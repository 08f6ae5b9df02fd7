"""Report periods and their Indonesian titles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from polmas.core.formatting import long_date

EARLIEST = dt.date(2020, 1, 1)


@dataclass(frozen=True)
class ReportPeriod:
    kind: str
    start: dt.date
    end: dt.date  # inclusive


def period_for(kind: str, day: dt.date) -> ReportPeriod:
    """harian: the day itself; mingguan: the Monday-to-Sunday week containing the day."""
    if kind == "harian":
        return ReportPeriod(kind, day, day)
    if kind == "mingguan":
        start = day - dt.timedelta(days=day.weekday())
        return ReportPeriod(kind, start, start + dt.timedelta(days=6))
    raise ValueError(f"unknown report kind {kind!r}")


def day_problem(day: dt.date, today: dt.date) -> str | None:
    """An Indonesian message when a report date is refused, else None."""
    if day > today:
        return _("Tanggal laporan tidak boleh di masa depan.")
    if day < EARLIEST:
        return _("Tanggal laporan paling awal 1 Januari 2020.")
    return None


def period_label(start: dt.date, end: dt.date) -> str:
    """'Selasa, 23 Januari 2024' or 'Senin, 22 Januari 2024 – Minggu, 28 Januari 2024'."""
    if start == end:
        return long_date(start)
    return f"{long_date(start)} – {long_date(end)}"


def report_title(kind: str, unit_name: str, start: dt.date, end: dt.date) -> str:
    """'Laporan Harian Polsek Lohbener, Selasa, 23 Januari 2024'."""
    word = _("Laporan Harian") if kind == "harian" else _("Laporan Mingguan")
    return f"{word} {unit_name}, {period_label(start, end)}"
