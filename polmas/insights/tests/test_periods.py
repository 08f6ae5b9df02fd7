from __future__ import annotations

import datetime as dt

import pytest

from polmas.insights.periods import PeriodError, parse_period

TODAY = dt.date(2024, 2, 1)


def test_default_is_the_last_30_days() -> None:
    p = parse_period(None, None, today=TODAY)
    assert (p.start, p.end, p.days) == (dt.date(2024, 1, 3), TODAY, 30)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2024-01-20", "2024-01-10", "setelah tanggal akhir"),
        ("2023-01-01", "2024-01-31", "paling panjang 366 hari"),
        ("2024-01-01", "2024-03-01", "masa depan"),
        ("1999-12-31", "2000-01-05", "1 Januari 2000"),
        ("kemarin", None, "tidak valid"),
    ],
)
def test_bad_periods_get_a_clear_message(start: str, end: str | None, message: str) -> None:
    with pytest.raises(PeriodError, match=message):
        parse_period(start, end, today=TODAY)


def test_366_days_is_allowed() -> None:
    assert parse_period("2023-02-01", "2024-02-01", today=TODAY).days == 366


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("9999-12-31", None, "masa depan"),
        ("2024-02-02", None, "masa depan"),
        (None, "0001-01-01", "1 Januari 2000"),
        (None, "1999-12-31", "1 Januari 2000"),
        ("0001-01-01", "0001-01-02", "1 Januari 2000"),
        ("9999-12-30", "9999-12-31", "masa depan"),
    ],
)
def test_extreme_dates_on_one_side_are_a_period_error(
    start: str | None, end: str | None, message: str
) -> None:
    with pytest.raises(PeriodError, match=message):
        parse_period(start, end, today=TODAY)
