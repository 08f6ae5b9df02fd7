"""Series for the charts page: a fixed number of GROUP BY queries over the roll-ups."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from polmas.aspirations.models import Category
from polmas.core.formatting import WIB
from polmas.insights.figures import direct_figures
from polmas.insights.models import CategoryDaily, DesaDaily
from polmas.insights.selectors.area import Area
from polmas.insights.selectors.layers import _filter_codes, _in
from polmas.patrols.models import CoverageDaily, CoverageMessageDaily, Patrol, PatrolStatus, Topic
from polmas.patrols.selectors.coverage import Period

User = Any


def _days(period: Period) -> list[dt.date]:
    return [period.start + dt.timedelta(days=i) for i in range(period.days)]


def chart_data(
    user: User, area: Area, period: Period, *, today: dt.date | None = None
) -> dict[str, Any]:
    today = today or timezone.localdate()
    codes = _filter_codes(area)
    days = _days(period)
    index = {d: i for i, d in enumerate(days)}
    n = len(days)
    last_rolled = min(period.end, today - dt.timedelta(days=1))

    by_category: dict[str, list[int]] = defaultdict(lambda: [0] * n)
    closed, on_time = [0] * n, [0] * n
    if period.start <= last_rolled:
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
    if period.end >= today:
        # Today's closings join the SLA series with the nightly roll-up (no index on closed_at).
        for (_code, day), fig in direct_figures(Period(today, today), codes, closed=False).items():
            for cat, opened_today in fig.categories.items():
                by_category[cat][index[day]] += opened_today
            closed[index[day]] += fig.cases_closed
            on_time[index[day]] += fig.cases_closed_on_time

    sessions, residents = [0] * n, [0] * n
    for day, s, r in (
        _in(
            CoverageDaily.objects.filter(day__gte=period.start, day__lte=period.end),
            "desa_id",
            codes,
        )
        .values("day")
        .annotate(s=Sum("sessions"), r=Sum("residents"))
        .values_list("day", "s", "r")
    ):
        sessions[index[day]], residents[index[day]] = int(s or 0), int(r or 0)

    patrols = [0] * n
    pqs = Patrol.objects.restrict(user).alive().exclude(status=PatrolStatus.CANCELLED)
    if area.unit is not None:
        pqs = pqs.filter(unit__path__startswith=area.unit.path)
    for day, count in (
        pqs.filter(planned_start__gte=period.start_at, planned_start__lt=period.end_before)
        .annotate(d=TruncDate("planned_start", tzinfo=WIB))
        .values("d")
        .annotate(n=Count("id"))
        .values_list("d", "n")
    ):
        if day in index:
            patrols[index[day]] = count

    topic_labels = dict(Topic.choices)
    topics = [
        {"key": t, "label": str(topic_labels.get(t, t)), "deliveries": int(d or 0)}
        for t, d in _in(
            CoverageMessageDaily.objects.filter(day__gte=period.start, day__lte=period.end),
            "desa_id",
            codes,
        )
        .values("topic")
        .annotate(d=Sum("deliveries"))
        .order_by("-d")
        .values_list("topic", "d")
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
