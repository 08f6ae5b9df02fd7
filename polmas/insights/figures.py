"""Per desa and WIB day figures of cases, hoax reports and triage signals.

`provocation` counts the cases and the hoax reports of the day that the triage flagged as hate
speech or abusive language: a hateful rumour circulating in a desa is a tension signal as much
as a hateful complaint.

`direct_figures` computes them from the source tables (a handful of GROUP BY queries, never a
query per desa); the roll-up job stores the same numbers in `DesaDaily` / `CategoryDaily` and
`rollup_figures` reads them back. A test proves both agree on random data.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate

from polmas.aspirations.models import CLOSED_STATUSES, OPEN_STATUSES, Case, Category
from polmas.aspirations.querysets import overdue_q
from polmas.core.formatting import WIB
from polmas.core.triage import PROVOCATION_Q
from polmas.hoaxes.models import HoaxReport
from polmas.insights.models import (
    AreaDaily,
    CategoryDaily,
    DesaDaily,
    OpenCaseCount,
    OpenCategoryCount,
    PatrolDaily,
)
from polmas.patrols.models import CoverageDaily, Patrol, PatrolStatus, Topic, topic_field
from polmas.patrols.selectors.coverage import Period

ELECTION_CATEGORY_PREFIX = "pemilu"
NEGATIVE_Q = Q(triage__sentiment="negative")
COUNTERS = (
    "cases_opened",
    "cases_closed",
    "cases_closed_on_time",
    "election_cases",
    "hoax_reports",
    "provocation",
    "negative",
    "triaged",
)

Key = tuple[str, dt.date]
OpenKey = tuple[str, str]  # (desa code, urgency)


@dataclass
class DayFigures:
    cases_opened: int = 0
    cases_closed: int = 0
    cases_closed_on_time: int = 0
    election_cases: int = 0
    hoax_reports: int = 0
    provocation: int = 0
    negative: int = 0
    triaged: int = 0
    categories: dict[str, int] = field(default_factory=dict)

    def add(self, other: DayFigures) -> None:
        for name in COUNTERS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for code, n in other.categories.items():
            self.categories[code] = self.categories.get(code, 0) + n

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in COUNTERS)


def _in(qs: Any, field_name: str, codes: Iterable[str] | None) -> Any:
    return qs if codes is None else qs.filter(**{f"{field_name}__in": list(codes)})


def direct_figures(
    period: Period, codes: list[str] | None = None, *, closed: bool = True
) -> dict[Key, DayFigures]:
    """Figures from the source tables, keyed by (desa code, WIB day). `codes=None`: all desa.

    `closed=False` skips the closing counts (a scan on `closed_at`, which has no index): the
    live "today" part of the map does not show them."""
    result: dict[Key, DayFigures] = defaultdict(DayFigures)
    category_codes = dict(Category.objects.values_list("id", "code"))
    election_ids = [i for i, c in category_codes.items() if c.startswith(ELECTION_CATEGORY_PREFIX)]
    cases = _in(Case.objects.filter(deleted_at__isnull=True, desa__isnull=False), "desa_id", codes)
    opened = cases.filter(created_at__gte=period.start_at, created_at__lt=period.end_before)
    day_opened = TruncDate("created_at", tzinfo=WIB)
    for code, day, n, election, provocation, negative, triaged in (
        opened.annotate(d=day_opened)
        .values("desa_id", "d")
        .annotate(
            n=Count("id"),
            election=Count("id", filter=Q(category_id__in=election_ids)),
            provocation=Count("id", filter=PROVOCATION_Q),
            negative=Count("id", filter=NEGATIVE_Q),
            triaged=Count("id", filter=Q(triage__isnull=False)),
        )
        .values_list("desa_id", "d", "n", "election", "provocation", "negative", "triaged")
    ):
        fig = result[(code, day)]
        fig.cases_opened, fig.election_cases = n, election
        fig.provocation, fig.negative, fig.triaged = provocation, negative, triaged
    for code, day, category_id, n in (
        opened.annotate(d=day_opened)
        .values("desa_id", "d", "category_id")
        .annotate(n=Count("id"))
        .values_list("desa_id", "d", "category_id", "n")
    ):
        category = category_codes.get(category_id, str(category_id))
        result[(code, day)].categories[category] = n
    closed_cases = cases.filter(
        status__in=CLOSED_STATUSES,
        closed_at__gte=period.start_at,
        closed_at__lt=period.end_before,
    )
    if not closed:
        closed_cases = closed_cases.none()
    for code, day, n, on_time in (
        closed_cases.annotate(d=TruncDate("closed_at", tzinfo=WIB))
        .values("desa_id", "d")
        .annotate(n=Count("id"), on_time=Count("id", filter=Q(breached_at__isnull=True)))
        .values_list("desa_id", "d", "n", "on_time")
    ):
        result[(code, day)].cases_closed, result[(code, day)].cases_closed_on_time = n, on_time
    reports = _in(
        HoaxReport.objects.filter(deleted_at__isnull=True, desa__isnull=False), "desa_id", codes
    ).filter(reported_on__gte=period.start, reported_on__lte=period.end)
    for code, day, n, provocation in (
        reports.values("desa_id", "reported_on")
        .annotate(n=Count("id"), provocation=Count("id", filter=PROVOCATION_Q))
        .values_list("desa_id", "reported_on", "n", "provocation")
    ):
        result[(code, day)].hoax_reports = n
        result[(code, day)].provocation += provocation  # a hateful rumour is a signal too
    return {k: v for k, v in result.items() if not v.is_empty()}


def rollup_figures(period: Period, codes: list[str] | None = None) -> dict[Key, DayFigures]:
    """The same figures read from the roll-up tables."""
    result: dict[Key, DayFigures] = defaultdict(DayFigures)
    daily = _in(
        DesaDaily.objects.filter(day__gte=period.start, day__lte=period.end), "desa_id", codes
    )
    for row in daily.values_list("desa_id", "day", *COUNTERS).iterator(chunk_size=5000):
        fig = result[(row[0], row[1])]
        for name, value in zip(COUNTERS, row[2:], strict=True):
            setattr(fig, name, value)
    cats = _in(
        CategoryDaily.objects.filter(day__gte=period.start, day__lte=period.end), "desa_id", codes
    )
    for code, day, category, n in cats.values_list("desa_id", "day", "category", "opened"):
        result[(code, day)].categories[category] = n
    return {k: v for k, v in result.items() if not v.is_empty()}


def direct_open_counts(
    now: dt.datetime, codes: list[str] | None = None
) -> dict[OpenKey, tuple[int, int]]:
    """(desa, urgency) -> (open cases, of which past their deadline at `now`), from the cases.

    Grouped by (status, desa, urgency) so both databases answer from the partial index
    `asp_case_live_status_desa` (status, desa, urgency, due_at) WHERE deleted_at IS NULL."""
    result: dict[OpenKey, tuple[int, int]] = {}
    qs = _in(
        Case.objects.filter(deleted_at__isnull=True, status__in=OPEN_STATUSES, desa__isnull=False),
        "desa_id",
        codes,
    )
    for _status, code, urgency, n, late in (
        qs.values("status", "desa_id", "urgency")
        .annotate(n=Count("desa_id"), late=Count("desa_id", filter=Q(overdue_q(now))))
        .values_list("status", "desa_id", "urgency", "n", "late")
    ):
        open_n, late_n = result.get((code, urgency), (0, 0))
        result[(code, urgency)] = (open_n + n, late_n + late)
    return result


def rollup_open_counts(codes: list[str] | None = None) -> dict[OpenKey, tuple[int, int]]:
    """The same counts read from `OpenCaseCount` (as of its last refresh)."""
    rows = _in(OpenCaseCount.objects.all(), "desa_id", codes)
    return {
        (code, urgency): (n, late)
        for code, urgency, n, late in rows.values_list("desa_id", "urgency", "open", "overdue")
        if n
    }


def direct_patrol_days(period: Period) -> dict[tuple[int, dt.date], int]:
    """(unit id, WIB day of planned start) -> patrols not cancelled nor deleted."""
    rows = (
        Patrol.objects.filter(
            deleted_at__isnull=True,
            planned_start__gte=period.start_at,
            planned_start__lt=period.end_before,
        )
        .exclude(status=PatrolStatus.CANCELLED)
        .annotate(d=TruncDate("planned_start", tzinfo=WIB))
        .values("unit_id", "d")
        .annotate(n=Count("id"))
        .values_list("unit_id", "d", "n")
    )
    return {(unit, day): n for unit, day, n in rows if n}


def rollup_patrol_days(period: Period) -> dict[tuple[int, dt.date], int]:
    rows = PatrolDaily.objects.filter(day__gte=period.start, day__lte=period.end)
    return {(u, d): n for u, d, n in rows.values_list("unit_id", "day", "patrols") if n}


@dataclass
class AreaDay:
    """The whole deployment on one day, as `AreaDaily` stores it."""

    cases_closed: int = 0
    cases_closed_on_time: int = 0
    sessions: int = 0
    residents: int = 0
    categories: dict[str, int] = field(default_factory=dict)
    topics: dict[str, int] = field(default_factory=dict)


def area_days(period: Period, figures: dict[Key, DayFigures]) -> dict[dt.date, AreaDay]:
    """Per day of the period: `figures` (every desa) summed, plus the coverage roll-up's
    sessions, residents and deliveries per topic over every desa."""
    result = {period.start + dt.timedelta(days=i): AreaDay() for i in range(period.days)}
    for (_code, day), fig in figures.items():
        area = result[day]
        area.cases_closed += fig.cases_closed
        area.cases_closed_on_time += fig.cases_closed_on_time
        for category, n in fig.categories.items():
            area.categories[category] = area.categories.get(category, 0) + n
    columns = {t.value: topic_field(t.value) for t in Topic}
    for day, sessions, residents, *per_topic in (
        CoverageDaily.objects.filter(day__gte=period.start, day__lte=period.end)
        .values("day")
        .annotate(s=Sum("sessions"), r=Sum("residents"), **{c: Sum(c) for c in columns.values()})
        .values_list("day", "s", "r", *columns.values())
    ):
        area = result[day]
        area.sessions, area.residents = int(sessions or 0), int(residents or 0)
        area.topics = {t: int(v) for t, v in zip(columns, per_topic, strict=True) if v}
    return result


def rollup_area_days(period: Period) -> dict[dt.date, AreaDay]:
    rows = AreaDaily.objects.filter(day__gte=period.start, day__lte=period.end)
    return {
        r.day: AreaDay(
            r.cases_closed, r.cases_closed_on_time, r.sessions, r.residents, r.categories, r.topics
        )
        for r in rows
    }


def direct_open_categories(codes: list[str] | None = None) -> dict[tuple[str, str], int]:
    """(desa, category code) -> open cases, from the cases."""
    names = dict(Category.objects.values_list("id", "code"))
    qs = _in(
        Case.objects.filter(deleted_at__isnull=True, status__in=OPEN_STATUSES, desa__isnull=False),
        "desa_id",
        codes,
    )
    result: dict[tuple[str, str], int] = defaultdict(int)
    for code, category_id, n in (
        qs.values("desa_id", "category_id")
        .annotate(n=Count("id"))
        .values_list("desa_id", "category_id", "n")
    ):
        result[(code, names.get(category_id, str(category_id)))] += n
    return dict(result)


def rollup_open_categories(codes: list[str] | None = None) -> dict[tuple[str, str], int]:
    rows = _in(OpenCategoryCount.objects.all(), "desa_id", codes)
    return {(d, c): n for d, c, n in rows.values_list("desa_id", "category", "open") if n}
