"""One desa on the command map: figures, the index and its factors, latest activity, people."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import Http404
from django.utils import timezone

from polmas.aspirations.models import OPEN_STATUSES, URGENCY_ORDER, Case, Urgency
from polmas.hoaxes.models import HoaxReport, RumourWave
from polmas.insights import kondusif
from polmas.insights.models import KondusifSnapshot
from polmas.insights.selectors.area import Area, resolve_area
from polmas.insights.selectors.layers import DesaValues, compute_layers
from polmas.org import selectors as org_selectors
from polmas.org.models import Person, Role
from polmas.patrols.models import DialogueSession
from polmas.patrols.selectors.coverage import Period

User = Any
TREND_DAYS = 30


@dataclass
class FactorLine:
    key: str
    label: str
    rule: str
    factor: float
    weight: float
    points: float


@dataclass
class DesaDetail:
    values: DesaValues
    area: Area
    factors: list[FactorLine]
    sessions: list[DialogueSession]
    cases: list[Case]
    reports: list[HoaxReport]
    waves: list[RumourWave]
    unit: Any
    commanders: list[Person]
    bhabins: list[Person]
    trend: list[tuple[dt.date, float]]


def desa_detail(user: User, code: str, period: Period) -> DesaDetail:
    """The desa in the user's scope (else 404) with everything the side panel shows."""
    area = resolve_area(user, None)
    row = next((d for d in area.desa if d.code == code), None)
    if row is None:
        raise Http404
    area.desa = [row]
    area.owners = {code: area.owners[code]} if code in area.owners else {}
    values = compute_layers(area, period).desa[code]
    w = kondusif.weights()
    factors = [
        FactorLine(
            key=key,
            label=str(label),
            rule=str(kondusif.FACTOR_RULES[key]),
            factor=round(values.kondusif.factors.get(key, 0.0), 2),
            weight=w.get(key, 0.0),
            points=values.kondusif.points.get(key, 0.0),
        )
        for key, label in kondusif.FACTOR_LABELS.items()
    ]
    # The desa is in the user's area (else 404 above), and sessions held in a desa of the area
    # are visible whatever unit recorded them (LiveScopedQuerySet.restrict), so the unit
    # condition adds nothing; without it the (desa, occurred_at) index answers newest-first.
    sessions = list(
        DialogueSession.objects.alive()
        .filter(desa_id=code)
        .select_related("patrol", "unit")
        .order_by("-occurred_at")[:5]
    )
    cases = sorted(
        Case.objects.restrict(user)
        .alive()
        .filter(desa_id=code, status__in=OPEN_STATUSES)
        .select_related("category")
        .defer("triage", "description")
        .order_by("-created_at")[:10],
        key=lambda c: (URGENCY_ORDER.get(Urgency(c.urgency), 9), c.due_at or timezone.now()),
    )
    since = period.end - dt.timedelta(days=30)
    reports = list(
        HoaxReport.objects.restrict(user)
        .filter(deleted_at__isnull=True, desa_id=code, reported_on__gte=since)
        .order_by("-reported_on", "-id")[:5]
    )
    waves = list(
        RumourWave.objects.restrict(user)
        .filter(kecamatan_id=row.kecamatan_code, day__gte=since)
        .order_by("-day")[:5]
    )
    unit = area.owners.get(code)
    commanders = list(
        Person.objects.filter(
            memberships__unit=unit,
            memberships__is_active=True,
            memberships__role__in=[Role.KAPOLSEK, Role.KAPOLRES],
        ).distinct()
        if unit
        else []
    )
    trend = list(
        KondusifSnapshot.objects.filter(
            desa_id=code, day__gt=period.end - dt.timedelta(days=TREND_DAYS)
        )
        .order_by("day")
        .values_list("day", "score")
    )
    return DesaDetail(
        values=values,
        area=area,
        factors=factors,
        sessions=sessions,
        cases=cases,
        reports=reports,
        waves=waves,
        unit=unit,
        commanders=commanders,
        bhabins=list(org_selectors.bhabinkamtibmas_for_desa(code)),
        trend=trend,
    )


__all__ = ["DesaDetail", "FactorLine", "desa_detail"]
