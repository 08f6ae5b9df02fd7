"""Sums of the `DesaDaily` counters per desa over a period: complete months from `DesaMonthly`,
the other days from the daily rows. A 366-day map reads about 12 monthly rows and up to 60 daily
rows per desa instead of 366."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, Sum

from polmas.insights.figures import COUNTERS
from polmas.insights.models import DesaDaily, DesaMonthly, LiveRefresh

MONTHLY = "monthly"
MONTHS = 13


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, n: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(month: dt.date) -> dt.date:
    return add_months(month, 1) - dt.timedelta(days=1)


def monthly_window() -> tuple[dt.date, dt.date] | None:
    """(first, last) month held in `DesaMonthly` by its last rebuild, if any."""
    stamp = LiveRefresh.objects.filter(name=MONTHLY).values_list("refreshed_at", flat=True).first()
    if stamp is None:
        return None
    current = first_of_month(stamp.date())
    return add_months(current, -MONTHS), add_months(current, -1)


def split(
    start: dt.date, end: dt.date, window: tuple[dt.date, dt.date] | None
) -> tuple[list[tuple[dt.date, dt.date]], tuple[dt.date, dt.date] | None]:
    """(daily ranges, (first, last) complete month to read monthly) covering [start, end]."""
    if window is None:
        return [(start, end)], None
    first = max(window[0], first_of_month(start) if start.day == 1 else add_months(start, 1))
    first = first_of_month(first)
    last = min(window[1], first_of_month(end) if month_end(end) == end else add_months(end, -1))
    last = first_of_month(last)
    if first > last or first < start or month_end(last) > end:
        return [(start, end)], None
    ranges = []
    if start < first:
        ranges.append((start, first - dt.timedelta(days=1)))
    if month_end(last) < end:
        ranges.append((month_end(last) + dt.timedelta(days=1), end))
    return ranges, (first, last)


def desa_sums(
    start: dt.date,
    end: dt.date,
    codes: list[str] | None,
    window: tuple[dt.date, dt.date] | None,
) -> dict[str, dict[str, int]]:
    """desa -> {counter: sum over [start, end]} from `DesaDaily`, complete months inside
    `window` (`monthly_window()`) from `DesaMonthly`."""
    fields = list(COUNTERS)
    ranges, months = split(start, end, window)
    result: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(fields, 0))
    queries: list[Any] = []
    if ranges:
        days = reduce(or_, (Q(day__gte=a, day__lte=b) for a, b in ranges))
        queries.append(DesaDaily.objects.filter(days))
    if months:
        queries.append(DesaMonthly.objects.filter(month__gte=months[0], month__lte=months[1]))
    for qs in queries:
        if codes is not None:
            qs = qs.filter(desa_id__in=codes)
        rows = (
            qs.values("desa_id")
            .annotate(**{f"s_{f}": Sum(f) for f in fields})
            .values_list("desa_id", *(f"s_{f}" for f in fields))
        )
        for code, *values in rows:
            sums = result[code]
            for f, v in zip(fields, values, strict=True):
                sums[f] += int(v or 0)
    return result
