"""Bounds for values that arrive from outside: API payloads, web forms, query strings.

One rule for every moment a user or a device sends (planned start/end, start/end/cancel time,
session time): it must carry a UTC offset, and lie between 1 January 2000 (WIB) and two years
after now. Patrols are planned days or weeks ahead and recorded the same day (or days later by a
phone that was offline), so nothing real lies outside; what does is a typo or a broken clock,
and very large or very small years cannot be converted to WIB/UTC or stored by every database.
The accepted value is converted to UTC: PostgreSQL refuses offsets beyond ±15:59 that Python
accepts (up to ±23:59).

The API schemas (``Moment``), the patrol web forms (``clean_*``) and the services (as a last
guard, for callers that skip both) all use :func:`check_moment`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.utils import timezone
from django.utils.translation import gettext as _
from pydantic import AfterValidator, Field

from polmas.core.bounds import EARLIEST_DAY, MAX_ID
from polmas.core.formatting import WIB

EARLIEST = dt.datetime.combine(EARLIEST_DAY, dt.time(), tzinfo=WIB)
MAX_AHEAD = dt.timedelta(days=731)  # two years


def latest_moment() -> dt.datetime:
    return timezone.now() + MAX_AHEAD


def check_moment(value: dt.datetime) -> dt.datetime:
    """The moment in UTC, or ValueError with a message for the user."""
    if timezone.is_naive(value):
        raise ValueError(_("Waktu harus menyertakan zona waktu (misalnya +07:00)."))
    try:
        utc = value.astimezone(dt.UTC)
    except OverflowError:
        utc = None
    if utc is None or not EARLIEST <= utc <= latest_moment():
        raise ValueError(_("Waktu harus antara 1 Januari 2000 dan dua tahun ke depan."))
    return utc


def date_in_range(day: dt.date) -> bool:
    """Whether a date (a WIB calendar day) lies within the same bounds as :func:`check_moment`."""
    return EARLIEST.date() <= day <= timezone.localdate(latest_moment(), WIB)


# Schema types: a bounded aware datetime (see the module docstring) and a database id.
Moment = Annotated[dt.datetime, AfterValidator(check_moment)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
