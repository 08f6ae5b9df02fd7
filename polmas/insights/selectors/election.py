"""Election mode: the calendar, countdown and phase, TPS-dense desa coverage, election cases."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Sum
from django.utils import timezone

from polmas.aspirations.models import Category
from polmas.insights.elections import Phase, h_label, phase
from polmas.insights.figures import (
    ELECTION_CATEGORY_PREFIX,
    direct_figures,
    direct_open_categories,
    rollup_open_categories,
)
from polmas.insights.models import CategoryDaily, Election
from polmas.insights.selectors.area import Area
from polmas.insights.selectors.layers import DesaValues, _filter_codes, compute_layers
from polmas.insights.selectors.live import live_as_of
from polmas.patrols.selectors.coverage import Period

TPS_DENSE = 20  # the desa with the most TPS shown in the coverage table


@dataclass
class ElectionStatus:
    election: Election
    h_label: str
    phase: Phase


@dataclass
class ElectionMode:
    current: ElectionStatus | None
    elections: list[Election]
    dense: list[DesaValues]
    dense_visited: int
    tps_total: int
    cases: list[dict[str, Any]]
    period: Period


def current_election(today: dt.date) -> Election | None:
    """The next election still to come; else the one that ended most recently."""
    upcoming = Election.objects.filter(voting_date__gte=today).order_by("voting_date").first()
    return (
        upcoming or Election.objects.filter(voting_date__lt=today).order_by("-voting_date").first()
    )


def election_mode(area: Area, *, today: dt.date | None = None) -> ElectionMode:
    today = today or timezone.localdate()
    election = current_election(today)
    status = (
        ElectionStatus(
            election, h_label(election.voting_date, today), phase(election.voting_date, today)
        )
        if election
        else None
    )
    period = Period.last_days(30, today)
    # Every layer and the kondusif index are per desa, so computing them for the TPS-dense desa
    # alone gives the same values as for the whole area, at a fraction of the work.
    dense_rows = sorted((d for d in area.desa if d.tps), key=lambda d: (-(d.tps or 0), d.name))
    layers = compute_layers(replace(area, desa=dense_rows[:TPS_DENSE]), period, today=today)
    ranked = [layers.desa[d.code] for d in dense_rows[:TPS_DENSE]]
    cases = election_cases(area, period, today)
    return ElectionMode(
        current=status,
        elections=list(Election.objects.order_by("-voting_date")),
        dense=ranked,
        dense_visited=sum(1 for v in ranked if v.sessions),
        tps_total=sum(d.tps or 0 for d in area.desa),
        cases=cases,
        period=period,
    )


def election_cases(area: Area, period: Period, today: dt.date) -> list[dict[str, Any]]:
    """Per election category: open cases now and cases opened since the period start, from the
    live roll-up and `CategoryDaily` (source tables when the live roll-up is not fresh)."""
    codes = _filter_codes(area)
    live_at = live_as_of(today, timezone.now())
    open_now: dict[str, int] = defaultdict(int)
    opened: dict[str, int] = defaultdict(int)
    by_desa = rollup_open_categories(codes) if live_at else direct_open_categories(codes)
    for (_code, category), n in by_desa.items():
        if category.startswith(ELECTION_CATEGORY_PREFIX):
            open_now[category] += n
    last_rolled = min(period.end, today if live_at else today - dt.timedelta(days=1))
    rows = CategoryDaily.objects.filter(
        day__gte=period.start,
        day__lte=last_rolled,
        category__startswith=ELECTION_CATEGORY_PREFIX,
    )
    if codes is not None:
        rows = rows.filter(desa_id__in=codes)
    for category, n in (
        rows.values("category").annotate(n=Sum("opened")).values_list("category", "n")
    ):
        opened[category] += int(n or 0)
    if period.end > last_rolled:
        for fig in direct_figures(Period(today, today), codes, closed=False).values():
            for category, n in fig.categories.items():
                if category.startswith(ELECTION_CATEGORY_PREFIX):
                    opened[category] += n
    names = dict(Category.objects.values_list("code", "name"))
    return [
        {"code": c, "name": names.get(c, c), "open": open_now.get(c, 0), "period": opened.get(c, 0)}
        for c in sorted(set(open_now) | set(opened))
    ]
