"""Election mode: the calendar, countdown and phase, TPS-dense desa coverage, election cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from polmas.aspirations.models import OPEN_STATUSES, Case
from polmas.insights.elections import Phase, h_label, phase
from polmas.insights.figures import ELECTION_CATEGORY_PREFIX
from polmas.insights.models import Election
from polmas.insights.selectors.area import Area
from polmas.insights.selectors.layers import DesaValues, compute_layers
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
    layers = compute_layers(area, period, today=today)
    ranked = sorted(
        (v for v in layers.desa.values() if v.row.tps),
        key=lambda v: (-(v.row.tps or 0), v.row.name),
    )[:TPS_DENSE]
    codes = area.codes
    cases = [
        {"code": code, "name": name, "open": n_open, "period": n_period}
        for code, name, n_open, n_period in Case.objects.filter(
            deleted_at__isnull=True,
            desa_id__in=codes,
            category__code__startswith=ELECTION_CATEGORY_PREFIX,
        )
        .values("category__code", "category__name")
        .annotate(
            n_open=Count("id", filter=Q(status__in=OPEN_STATUSES)),
            n_period=Count("id", filter=Q(created_at__gte=period.start_at)),
        )
        .order_by("category__code")
        .values_list("category__code", "category__name", "n_open", "n_period")
    ]
    return ElectionMode(
        current=status,
        elections=list(Election.objects.order_by("-voting_date")),
        dense=ranked,
        dense_visited=sum(1 for v in ranked if v.sessions),
        tps_total=sum(d.tps or 0 for d in area.desa),
        cases=cases,
        period=period,
    )
