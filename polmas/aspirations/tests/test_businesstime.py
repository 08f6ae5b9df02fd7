from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polmas.aspirations.businesstime import (
    WIB,
    WorkCalendar,
    indonesian_holiday,
    no_holiday,
    parse_weekdays,
)

CAL = WorkCalendar()  # Mon-Fri 08:00-16:00 WIB, Indonesian holidays
PLAIN = WorkCalendar(is_holiday=no_holiday)


def wib(y: int, m: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, s, tzinfo=WIB)


def test_indonesian_holidays_come_from_the_library() -> None:
    assert indonesian_holiday(dt.date(2024, 8, 17))  # Hari Kemerdekaan
    assert indonesian_holiday(dt.date(2024, 12, 25))
    assert indonesian_holiday(dt.date(2024, 4, 10))  # Idul Fitri 1445 H
    assert not indonesian_holiday(dt.date(2024, 8, 19))


def test_three_working_days_skip_weekend() -> None:
    # Friday 2024-08-02 15:00 + 24 working hours -> Wednesday 2024-08-07 15:00.
    assert CAL.add_working(wib(2024, 8, 2, 15), 24 * 3600) == wib(2024, 8, 7, 15)


def test_holiday_is_skipped() -> None:
    # Friday 2024-08-16 10:00 + 8h: Sat/Sun, then Monday? 17 Aug is Saturday; Monday 19 Aug works.
    assert CAL.add_working(wib(2024, 8, 16, 10), 8 * 3600) == wib(2024, 8, 19, 10)
    # Christmas Wednesday 2024-12-25 (and the collective leave day the library may list).
    due = CAL.add_working(wib(2024, 12, 24, 15), 2 * 3600)
    assert due.date() > dt.date(2024, 12, 25)
    assert CAL.working_seconds(wib(2024, 12, 25, 8), wib(2024, 12, 25, 16)) == 0


def test_outside_hours_starts_next_window() -> None:
    assert CAL.add_working(wib(2024, 8, 5, 20), 3600) == wib(2024, 8, 6, 9)
    assert CAL.add_working(wib(2024, 8, 5, 6), 3600) == wib(2024, 8, 5, 9)
    assert CAL.add_working(wib(2024, 8, 5, 16), 1) == wib(2024, 8, 6, 8, 0, 1)


def test_exact_end_of_window_stays_there() -> None:
    assert CAL.add_working(wib(2024, 8, 5, 8), 8 * 3600) == wib(2024, 8, 5, 16)


def test_calendar_time_counts_every_second() -> None:
    cal = WorkCalendar(calendar_time=True)
    assert cal.add_working(wib(2024, 8, 17, 23), 3600) == wib(2024, 8, 18, 0)
    assert cal.working_seconds(wib(2024, 8, 17), wib(2024, 8, 18)) == 86400


def test_utc_input_gives_same_instant() -> None:
    start = wib(2024, 8, 5, 15).astimezone(dt.UTC)
    assert CAL.add_working(start, 2 * 3600) == wib(2024, 8, 6, 9)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        CAL.add_working(dt.datetime(2024, 1, 1), 10)  # naive
    with pytest.raises(ValueError):
        CAL.add_working(wib(2024, 1, 1), -1)
    with pytest.raises(ValueError):
        WorkCalendar(start=dt.time(16), end=dt.time(8))
    with pytest.raises(ValueError):
        parse_weekdays("9")
    assert parse_weekdays("0123456") == frozenset(range(7))
    assert CAL.working_seconds(wib(2024, 1, 2), wib(2024, 1, 1)) == 0


moments = st.datetimes(min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2027, 12, 31)).map(
    lambda d: d.replace(microsecond=0, tzinfo=WIB)
)
amounts = st.integers(min_value=0, max_value=200 * 3600)
calendars = st.sampled_from(
    [
        CAL,
        PLAIN,
        WorkCalendar(
            start=dt.time(7, 30), end=dt.time(15, 30), weekdays=frozenset({0, 1, 2, 3, 4, 5})
        ),
        WorkCalendar(calendar_time=True),
    ]
)


@settings(max_examples=300, deadline=None)
@given(calendars, moments, amounts)
def test_add_then_measure_round_trips(cal: WorkCalendar, start: dt.datetime, s: int) -> None:
    end = cal.add_working(start, s)
    assert end >= start
    assert cal.working_seconds(start, end) == s


@settings(max_examples=300, deadline=None)
@given(calendars, moments, amounts, amounts)
def test_add_is_additive_and_monotone(
    cal: WorkCalendar, start: dt.datetime, s: int, t: int
) -> None:
    # Adding in two steps lands at the same working-time position as adding at once.
    two_steps = cal.add_working(cal.add_working(start, s), t)
    assert cal.working_seconds(start, two_steps) == s + t
    if t > 0:
        assert two_steps == cal.add_working(start, s + t)
    lo, hi = sorted((s, t))
    assert cal.add_working(start, lo) <= cal.add_working(start, hi)


@settings(max_examples=300, deadline=None)
@given(calendars, moments, moments, moments)
def test_measure_is_additive(
    cal: WorkCalendar, a: dt.datetime, b: dt.datetime, c: dt.datetime
) -> None:
    a, b, c = sorted((a, b, c))
    assert cal.working_seconds(a, c) == cal.working_seconds(a, b) + cal.working_seconds(b, c)


@settings(max_examples=200, deadline=None)
@given(moments, st.integers(min_value=1, max_value=100 * 3600))
def test_positive_amount_ends_inside_working_time(start: dt.datetime, s: int) -> None:
    end = CAL.add_working(start, s).astimezone(WIB)
    assert CAL.is_working_day(end.date())
    assert dt.time(8) < end.time() <= dt.time(16) or end.time() == dt.time(16)
