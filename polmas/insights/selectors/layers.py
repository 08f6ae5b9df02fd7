"""The command map's layers: one value per desa and layer, computed in a fixed number of
queries whatever the number of desa (roll-ups for the period, one GROUP BY for live state).

Cases and hoax reports are counted where they happened (their desa); every desa of the area is
inside the user's scope, so these are exactly the scoped rows located in the area.
Open and overdue cases are the current state, whatever the period. "Today" (open and overdue
cases, today's counts) comes from the live roll-up when it is fresh (`Layers.as_of` is its
refresh time, at most a minute old with the scheduler running), else from the source tables.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max
from django.utils import timezone

from polmas.core.formatting import WIB
from polmas.insights import kondusif
from polmas.insights.figures import DayFigures, direct_figures
from polmas.insights.selectors.area import Area, DesaRow, owners_by_desa
from polmas.insights.selectors.live import live_as_of, open_counts
from polmas.insights.selectors.sums import desa_sums, monthly_window
from polmas.org.models import Region, RegionLevel
from polmas.org.regions import deployment_code
from polmas.patrols.models import CoverageDaily, CoverageLastVisit
from polmas.patrols.selectors.coverage import Period
from polmas.patrols.selectors.coverage import desa_figures as coverage_figures


@dataclass
class DesaValues:
    row: DesaRow
    days_since_visit: int | None = None
    last_visit: dt.datetime | None = None
    sessions: int = 0
    residents: int = 0
    open_by_urgency: dict[str, int] = field(default_factory=dict)
    overdue: int = 0
    period: DayFigures = field(default_factory=DayFigures)
    window: DayFigures = field(default_factory=DayFigures)  # the 7 days ending period.end
    kondusif: kondusif.Result = field(default_factory=lambda: kondusif.Result(100.0, {}, {}))

    @property
    def open_cases(self) -> int:
        return sum(self.open_by_urgency.values())

    @property
    def negative_percent(self) -> float | None:
        if not self.period.triaged:
            return None
        return round(100.0 * self.period.negative / self.period.triaged, 1)


@dataclass
class Layers:
    period: Period
    area: Area
    desa: dict[str, DesaValues]
    has_sessions_ever: bool
    as_of: dt.datetime | None = None  # when "today" was counted (live roll-up or this request)
    live: bool = False  # True: today's figures and open cases from the live roll-up


def deployment_area() -> Area:
    """Every desa of the deployment (for jobs, which act for no particular user)."""
    rows = (
        Region.objects.filter(level=RegionLevel.DESA, code__startswith=deployment_code() + ".")
        .values_list("code", "name", "parent_id", "parent__name", "tps_count")
        .order_by("code")
    )
    desa = [DesaRow(c, n, str(p or ""), str(pn or ""), t) for c, n, p, pn, t in rows]
    return Area(unit=None, units=[], desa=desa, owners=owners_by_desa(desa))


def _filter_codes(area: Area) -> list[str] | None:
    """None when the area is the whole deployment: no IN list needed."""
    total = Region.objects.filter(
        level=RegionLevel.DESA, code__startswith=deployment_code() + "."
    ).count()
    return None if len(area.desa) == total else area.codes


def _in(qs: Any, field_name: str, codes: list[str] | None) -> Any:
    return qs if codes is None else qs.filter(**{f"{field_name}__in": codes})


def _last_visits(codes: list[str] | None, end: dt.date, today: dt.date) -> dict[str, Any]:
    if end >= today:
        rows = _in(CoverageLastVisit.objects.all(), "desa_id", codes).values_list(
            "desa_id", "last_at"
        )
    else:
        rows = (
            _in(CoverageDaily.objects.filter(day__lte=end, sessions__gt=0), "desa_id", codes)
            .values("desa_id")
            .annotate(last=Max("last_at"))
            .values_list("desa_id", "last")
        )
    return dict(rows)


def _rollup_sums(
    period: Period,
    codes: list[str] | None,
    last_rolled: dt.date,
    live: dict[tuple[str, dt.date], DayFigures] | None = None,
    window: tuple[dt.date, dt.date] | None = None,
) -> dict[str, DayFigures]:
    """Sums per desa over the period: roll-up rows up to `last_rolled` (complete months from
    `DesaMonthly`), then `live` figures (today's, from the source tables when the live
    roll-up is not fresh)."""
    result: dict[str, DayFigures] = defaultdict(DayFigures)
    last_rolled = min(period.end, last_rolled)
    if period.start <= last_rolled:
        sums = desa_sums(period.start, last_rolled, codes, window)
        for code, by_name in sums.items():
            fig = result[code]
            for name, value in by_name.items():
                setattr(fig, name, value)
    if live and period.end > last_rolled:
        for (code, _day), fig in live.items():
            result[code].add(fig)
    return result


def compute_layers(
    area: Area, period: Period, *, today: dt.date | None = None, use_months: bool = True
) -> Layers:
    """`use_months=False` reads `DesaDaily` rows only, not `DesaMonthly` (tests compare both)."""
    today = today or timezone.localdate()
    now = timezone.now()
    codes = _filter_codes(area)
    values = {d.code: DesaValues(row=d) for d in area.desa}

    for code, last in _last_visits(codes, period.end, today).items():
        if code in values and last is not None:
            values[code].last_visit = last
            values[code].days_since_visit = max(0, (period.end - last.astimezone(WIB).date()).days)

    # Sessions and residents: patrols' own coverage roll-up (whole months from its monthly rows).
    for code, covered in coverage_figures(codes, period, detail=False).items():
        if code in values:
            values[code].sessions, values[code].residents = covered.sessions, covered.residents

    months = monthly_window() if use_months else None
    live_at = live_as_of(today, now)
    for (code, urgency), (n, late) in open_counts(codes, live_at, now).items():
        if code in values:
            by_urgency = values[code].open_by_urgency
            by_urgency[urgency] = by_urgency.get(urgency, 0) + n
            values[code].overdue += late

    # Today's rows: in DesaDaily when the live roll-up is fresh, else from the source tables.
    last_rolled = today if live_at is not None else today - dt.timedelta(days=1)
    live = (
        direct_figures(Period(today, today), codes, closed=False)
        if live_at is None and period.end >= today
        else None
    )
    for code, fig in _rollup_sums(period, codes, last_rolled, live, months).items():
        if code in values:
            values[code].period = fig
    window_period = Period(period.end - dt.timedelta(days=kondusif.WINDOW_DAYS - 1), period.end)
    if window_period == period:
        for v in values.values():
            v.window = v.period
    else:
        window = _rollup_sums(window_period, codes, last_rolled, live, months)
        for code, v in values.items():
            v.window = window.get(code, DayFigures())

    weights = kondusif.weights()
    for v in values.values():
        v.kondusif = kondusif.compute(
            kondusif.Inputs(
                days_since_visit=v.days_since_visit,
                open_by_urgency=v.open_by_urgency,
                overdue=v.overdue,
                hoaxes_7d=v.window.hoax_reports,
                provocation_7d=v.window.provocation,
                negative_7d=v.window.negative,
                triaged_7d=v.window.triaged,
            ),
            weights,
        )
    has_sessions = any(v.last_visit for v in values.values())
    return Layers(
        period=period,
        area=area,
        desa=values,
        has_sessions_ever=has_sessions,
        as_of=live_at or now,
        live=live_at is not None,
    )
