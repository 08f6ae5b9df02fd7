"""Indonesian formatting of dates, times and numbers (independent of the active language)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def to_wib(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=WIB)
    return value.astimezone(WIB)


def long_date(value: dt.date | dt.datetime, *, with_day: bool = True) -> str:
    """'Selasa, 23 Januari 2024'."""
    if isinstance(value, dt.datetime):
        value = to_wib(value).date()
    text = f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
    return f"{DAY_NAMES[value.weekday()]}, {text}" if with_day else text


def long_datetime(value: dt.datetime) -> str:
    """'Selasa, 23 Januari 2024 pukul 19.28 WIB'."""
    local = to_wib(value)
    return f"{long_date(local)} pukul {local:%H.%M} WIB"


def short_date(value: dt.date | dt.datetime) -> str:
    """'23/1/2024', the form used inside press releases."""
    if isinstance(value, dt.datetime):
        value = to_wib(value).date()
    return f"{value.day}/{value.month}/{value.year}"


def number(value: int | float, decimals: int = 0) -> str:
    """Indonesian grouping: 5.316 and 2.076,27."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
