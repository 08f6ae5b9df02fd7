"""Series for the charts page: a fixed number of GROUP BY queries over the roll-ups.

Past days (and today, while the live roll-up is fresh) come from `CategoryDaily`, `DesaDaily`,
`CoverageDaily` (sessions, residents, deliveries per topic column) and `PatrolDaily`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from polmas.aspirations.models import Category
from polmas.core.formatting import WIB
from polmas.insights.figures import direct_figures, rollup_area_days
from polmas.insights.models import CategoryDaily, DesaDaily, PatrolDaily
from polmas.insights.selectors.area import Area
from polmas.insights.selectors.layers import _filter_codes, _in
from polmas.insights.selectors.live import live_as_of
from polmas.patrols.models import CoverageDaily, Patrol, PatrolStatus, Topic, topic_field
from polmas.patrols.selectors.coverage import Period

User = Any


def _days(period: Period) -> list[dt.date]:
    return [period.start + dt.timedelta(days=i) for i in range(period.days)]


TOPIC_COLUMNS = {t.value: topic_field(t.value) for t in Topic}


def chart_data(
    user: User,
    area: Area,
    period: Period,
    *,
    today: dt.date | None = None,
    area_rollup: bool = True,
) -> dict[str, Any]:
    """`area_rollup=False` sums desa rows even for the whole deployment (tests compare)."""
    today = today or timezone.localdate()
    now = timezone.now()
    codes = _filter_codes(area)
    days = _days(period)
    index = {d: i for i, d in enumerate(days)}
    n = len(days)
    live_at = live_as_of(today, now)
    # Today's rows are in the roll-ups when the live roll-up is fresh; else counted directly.
    last_rolled = min(period.end, today if live_at else today - dt.timedelta(days=1))

    by_category: dict[str, list[int]] = defaultdict(lambda: [0] * n)
    closed, on_time = [0] * n, [0] * n
    sessions, residents = [0] * n, [0] * n
    topic_totals = dict.fromkeys(TOPIC_COLUMNS, 0)
    coverage_from = period.start
    if period.start <= last_rolled and codes is None and area_rollup:
        # The whole deployment: one `AreaDaily` row per day.
        for day, area_day in rollup_area_days(Period(period.start, last_rolled)).items():
            i = index[day]
            for cat, opened in area_day.categories.items():
                by_category[cat][i] += opened
            closed[i], on_time[i] = area_day.cases_closed, area_day.cases_closed_on_time
            sessions[i], residents[i] = area_day.sessions, area_day.residents
            for topic, deliveries in area_day.topics.items():
                topic_totals[topic] = topic_totals.get(topic, 0) + deliveries
        coverage_from = last_rolled + dt.timedelta(days=1)
    elif period.start <= last_rolled:
        for day, cat, opened in (
            _in(
                CategoryDaily.objects.filter(day__gte=period.start, day__lte=last_rolled),
                "desa_id",
                codes,
            )
            .values("day", "category")
            .annotate(n=Sum("opened"))
            .values_list("day", "category", "n")
        ):
            by_category[cat][index[day]] += int(opened or 0)
        for day, c, ok in (
            _in(
                DesaDaily.objects.filter(day__gte=period.start, day__lte=last_rolled),
                "desa_id",
                codes,
            )
            .values("day")
            .annotate(c=Sum("cases_closed"), ok=Sum("cases_closed_on_time"))
            .values_list("day", "c", "ok")
        ):
            closed[index[day]] += int(c or 0)
            on_time[index[day]] += int(ok or 0)
    if period.end > last_rolled:
        # No fresh live roll-up: today's openings counted from the cases (closings wait for it).
        for (_code, day), fig in direct_figures(Period(today, today), codes, closed=False).items():
            for cat, opened_today in fig.categories.items():
                by_category[cat][index[day]] += opened_today

    # Sessions, residents and deliveries per topic from the coverage roll-up (kept by patrols
    # with every session write) for the days `AreaDaily` did not answer.
    columns = list(TOPIC_COLUMNS.values())
    if coverage_from <= period.end:
        for day, s, r, *per_topic in (
            _in(
                CoverageDaily.objects.filter(day__gte=coverage_from, day__lte=period.end),
                "desa_id",
                codes,
            )
            .values("day")
            .annotate(s=Sum("sessions"), r=Sum("residents"), **{c: Sum(c) for c in columns})
            .values_list("day", "s", "r", *columns)
        ):
            sessions[index[day]], residents[index[day]] = int(s or 0), int(r or 0)
            for topic, value in zip(TOPIC_COLUMNS, per_topic, strict=True):
                topic_totals[topic] += int(value or 0)

    patrols = [0] * n
    for day, count in _patrols_per_day(user, area, period, last_rolled, today):
        if day in index:
            patrols[index[day]] += count

    topic_labels = dict(Topic.choices)
    topics = [
        {"key": t, "label": str(topic_labels.get(t, t)), "deliveries": d}
        for t, d in sorted(topic_totals.items(), key=lambda kv: -kv[1])
        if d
    ]
    names = dict(Category.objects.values_list("code", "name"))
    categories = [
        {"key": c, "label": names.get(c, c), "data": series, "total": sum(series)}
        for c, series in sorted(by_category.items(), key=lambda kv: -sum(kv[1]))
    ]
    sla = [round(100.0 * ok / c, 1) if c else None for ok, c in zip(on_time, closed, strict=True)]
    return {
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat()},
        "unit": area.unit.code if area.unit else None,
        "as_of": (live_at or now).isoformat(),
        "live": live_at is not None,
        "days": [d.isoformat() for d in days],
        "categories": categories,
        "sla": {
            "closed": closed,
            "on_time": on_time,
            "percent": sla,
            "total_percent": round(100.0 * sum(on_time) / sum(closed), 1) if sum(closed) else None,
        },
        "patrols": patrols,
        "sessions": sessions,
        "residents": residents,
        "topics": topics,
    }


def _patrols_per_day(
    user: User, area: Area, period: Period, last_rolled: dt.date, today: dt.date
) -> list[tuple[dt.date, int]]:
    """Patrols per WIB day in the user's scope (and drilled unit): `PatrolDaily` up to
    `last_rolled`, then today's patrols counted directly."""
    result: list[tuple[dt.date, int]] = []
    rolled = PatrolDaily.objects.restrict(user)
    if area.unit is not None:
        rolled = rolled.filter(unit__path__startswith=area.unit.path)
    if period.start <= last_rolled:
        result += list(
            rolled.filter(day__gte=period.start, day__lte=last_rolled)
            .values("day")
            .annotate(n=Sum("patrols"))
            .values_list("day", "n")
        )
    if period.end > last_rolled:
        pqs = Patrol.objects.restrict(user).alive().exclude(status=PatrolStatus.CANCELLED)
        if area.unit is not None:
            pqs = pqs.filter(unit__path__startswith=area.unit.path)
        since = Period(last_rolled + dt.timedelta(days=1), period.end)
        result += list(
            pqs.filter(planned_start__gte=since.start_at, planned_start__lt=since.end_before)
            .annotate(d=TruncDate("planned_start", tzinfo=WIB))
            .values("d")
            .annotate(n=Count("id"))
            .values_list("d", "n")
        )
    return [(d, int(c or 0)) for d, c in result]
