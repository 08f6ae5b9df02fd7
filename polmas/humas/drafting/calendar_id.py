"""Indonesian day/month names, WIB conversion and the time-of-day words of press releases.

Time of day (the word after the day name, "Selasa malam"):

======  ===============
pagi    04:00 - 10:59
siang   11:00 - 14:59
sore    15:00 - 17:59
malam   18:00 - 03:59
======  ===============

Between 00:00 and 03:59 the word is "malam" but the date is the calendar date in WIB; the
generator then always adds the clock time ("pukul 01.30 WIB") so the reader is not misled.
"""

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
    """Aware datetime in WIB; a naive value is taken to be WIB already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=WIB)
    return value.astimezone(WIB)


def time_of_day(value: dt.time | dt.datetime) -> str:
    """'pagi', 'siang', 'sore' or 'malam' for a WIB clock time (see the module table)."""
    hour = value.hour
    if 4 <= hour < 11:
        return "pagi"
    if 11 <= hour < 15:
        return "siang"
    if 15 <= hour < 18:
        return "sore"
    return "malam"


def is_small_hours(value: dt.datetime) -> bool:
    """00:00-03:59: 'malam' on the calendar date, so the clock time must be said."""
    return value.hour < 4


def day_name(value: dt.date) -> str:
    return DAY_NAMES[value.weekday()]


def short_date(value: dt.date) -> str:
    """'23/1/2024', the form used in the body of a release."""
    return f"{value.day}/{value.month}/{value.year}"


def long_date(value: dt.date) -> str:
    """'14 Februari 2024'."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def clock(value: dt.datetime) -> str:
    """'20.00 WIB'."""
    return f"{value:%H.%M} WIB"


def day_phrase(value: dt.datetime, *, has_time: bool) -> str:
    """'Selasa malam (23/1/2024)'; without a recorded time 'Selasa (23/1/2024)'."""
    day = value.date()
    if not has_time:
        return f"{day_name(day)} ({short_date(day)})"
    return f"{day_name(day)} {time_of_day(value)} ({short_date(day)})"


def days_until(start: dt.date, target: dt.date) -> int:
    """Whole days from ``start`` to ``target`` (positive when the target is later)."""
    return (target - start).days
