"""Working-time arithmetic: add working seconds to a moment, count working seconds between two.

Pure (no database): a `WorkCalendar` holds the daily window (e.g. 08:00-16:00), the working
weekdays (0 = Monday) and a holiday predicate, in one time zone. Indonesia's public holidays come
from the maintained `holidays` package (`indonesian_holidays`). With `calendar_time=True` every
second counts (emergencies).

Definitions used by the tests:
- `working_seconds(a, b)` is the measure of working time inside [a, b) (0 when b <= a);
- `add_working(a, s)` is the earliest moment m >= a with working_seconds(a, m) == s
  (so add_working(a, 0) == a, and a positive amount always ends inside a working window).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

WIB = ZoneInfo("Asia/Jakarta")
DAY_SECONDS = 86_400


@lru_cache(maxsize=64)
def _holidays_for_year(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("ID", years=year).keys())


def indonesian_holiday(day: dt.date) -> bool:
    """True on an Indonesian public holiday (national holidays from the `holidays` package)."""
    return day in _holidays_for_year(day.year)


def no_holiday(day: dt.date) -> bool:
    return False


@dataclass(frozen=True)
class WorkCalendar:
    start: dt.time = dt.time(8, 0)
    end: dt.time = dt.time(16, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    is_holiday: Callable[[dt.date], bool] = field(default=indonesian_holiday)
    tz: dt.tzinfo = WIB
    calendar_time: bool = False

    def __post_init__(self) -> None:
        if not self.calendar_time:
            if self.end <= self.start:
                raise ValueError("the working day must end after it starts")
            if not self.weekdays:
                raise ValueError("at least one working weekday is required")

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() in self.weekdays and not self.is_holiday(day)

    def _window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        return (
            dt.datetime.combine(day, self.start, tzinfo=self.tz),
            dt.datetime.combine(day, self.end, tzinfo=self.tz),
        )

    def working_seconds(self, a: dt.datetime, b: dt.datetime) -> int:
        """Working seconds in [a, b), whole seconds (fractions truncated)."""
        _require_aware(a, b)
        if b <= a:
            return 0
        if self.calendar_time:
            return int((b - a).total_seconds())
        a_local, b_local = a.astimezone(self.tz), b.astimezone(self.tz)
        total = 0.0
        day = a_local.date()
        while day <= b_local.date():
            if self.is_working_day(day):
                lo, hi = self._window(day)
                lo, hi = max(lo, a_local), min(hi, b_local)
                if hi > lo:
                    total += (hi - lo).total_seconds()
            day += dt.timedelta(days=1)
        return int(total)

    def add_working(self, a: dt.datetime, seconds: int) -> dt.datetime:
        """The moment `seconds` working seconds after `a` (see module docstring)."""
        _require_aware(a)
        if seconds < 0:
            raise ValueError("seconds must not be negative")
        if seconds == 0:
            return a
        if self.calendar_time:
            return a + dt.timedelta(seconds=seconds)
        local = a.astimezone(self.tz)
        remaining = float(seconds)
        day = local.date()
        for _ in range(366 * 20):  # a bound: no calendar has twenty years without working time
            if self.is_working_day(day):
                lo, hi = self._window(day)
                lo = max(lo, local)
                if hi > lo:
                    available = (hi - lo).total_seconds()
                    if remaining <= available:
                        return (lo + dt.timedelta(seconds=remaining)).astimezone(a.tzinfo)
                    remaining -= available
            day += dt.timedelta(days=1)
        raise ValueError("no working time found within twenty years")


def _require_aware(*values: dt.datetime) -> None:
    for v in values:
        if v.tzinfo is None or v.utcoffset() is None:
            raise ValueError("aware datetimes required")


def parse_weekdays(spec: str) -> frozenset[int]:
    """'01234' -> {0, 1, 2, 3, 4} (0 = Monday)."""
    days = {int(c) for c in spec if c.isdigit()}
    if not days or any(d > 6 for d in days):
        raise ValueError(f"invalid weekday list: {spec!r}")
    return frozenset(days)
