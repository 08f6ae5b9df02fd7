"""Coverage reads: per desa figures, roll-ups per unit, campaign progress, GeoJSON.

Figures come from the roll-up (`CoverageMonthly` for whole months, `CoverageDaily` for the rest,
`CoverageLastVisit`, `CoverageMessageDaily`). The same figures can be computed directly from the
sessions (`method="direct"`); tests prove both agree.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db.models import Count, Max, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from polmas.core.formatting import WIB
from polmas.org import selectors as org_selectors
from polmas.org.models import Region, RegionLevel, Unit, UnitLevel
from polmas.org.regions import deployment_code
from polmas.patrols.models import (
    CoverageDaily,
    CoverageLastVisit,
    CoverageMonthly,
    DialogueSession,
    SessionMessage,
    Topic,
    topic_field,
)

Method = Literal["rollup", "direct"]


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @classmethod
    def last_days(cls, days: int, today: dt.date | None = None) -> Period:
        today = today or timezone.localdate()
        return cls(today - dt.timedelta(days=max(days, 1) - 1), today)

    @property
    def start_at(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time.min, tzinfo=WIB)

    @property
    def end_before(self) -> dt.datetime:
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=WIB)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass
class DesaFigures:
    sessions: int = 0
    residents: int = 0
    last_in_period: dt.datetime | None = None
    topics: dict[str, int] = field(default_factory=dict)


@dataclass
class DesaCoverage:
    code: str
    name: str
    kecamatan_code: str
    kecamatan_name: str
    unit_code: str | None
    last_visit: dt.datetime | None
    figures: DesaFigures

    def days_since_visit(self, today: dt.date) -> int | None:
        if self.last_visit is None:
            return None
        return (today - self.last_visit.astimezone(WIB).date()).days


@dataclass
class UnitRollup:
    code: str
    name: str
    desa_total: int = 0
    desa_visited: int = 0
    sessions: int = 0
    residents: int = 0
    not_visited: int = 0  # desa without a visit in the last N days (or never)

    @property
    def percent_visited(self) -> float:
        return round(100.0 * self.desa_visited / self.desa_total, 1) if self.desa_total else 0.0


@dataclass
class CoverageMap:
    period: Period
    stale_days: int
    desa: list[DesaCoverage]
    units: list[UnitRollup]
    total: UnitRollup


def desa_figures(
    codes: list[str] | None, period: Period, *, method: Method = "rollup", detail: bool = True
) -> dict[str, DesaFigures]:
    """Sessions, residents reached, last visit and messages by topic per desa in `period`.

    `codes=None` means every desa (no filter). `detail=False`: sessions and residents only,
    without the last visit in the period and the topics (the command map needs no more)."""
    result: dict[str, DesaFigures] = defaultdict(DesaFigures)
    topic_names = list(Topic.values) if detail else []  # `Topic.values` is rebuilt per access
    if method == "rollup":
        # Whole calendar months from the monthly roll-up, the partial months at either end
        # from the daily one: a year is 12 month rows per desa instead of 365 day rows.
        months, days = _split_by_month(period)
        parts: list[Any] = []
        if months is not None:
            parts.append(CoverageMonthly.objects.filter(month__gte=months[0], month__lt=months[1]))
        if days:
            ranges = Q()
            for first, last in days:
                ranges |= Q(day__gte=first, day__lte=last)
            parts.append(CoverageDaily.objects.filter(ranges))
        sums: dict[str, Any] = {topic: Sum(topic_field(topic)) for topic in topic_names}
        if detail:
            sums["last"] = Max("last_at")
        for qs in parts:
            if codes is not None:
                qs = qs.filter(desa_id__in=codes)
            rows = qs.values("desa_id").annotate(n=Sum("sessions"), people=Sum("residents"), **sums)
            for row in rows:
                if not row["n"]:
                    continue
                fig = result[row["desa_id"]]
                fig.sessions += int(row["n"])
                fig.residents += int(row["people"] or 0)
                last = row.get("last")
                if last is not None and (fig.last_in_period is None or last > fig.last_in_period):
                    fig.last_in_period = last
                for t in topic_names:
                    if row[t]:
                        fig.topics[t] = fig.topics.get(t, 0) + int(row[t])
    else:
        sessions = DialogueSession.objects.filter(
            deleted_at__isnull=True,
            desa__isnull=False,
            occurred_at__gte=period.start_at,
            occurred_at__lt=period.end_before,
        )
        links = SessionMessage.objects.filter(
            session__deleted_at__isnull=True,
            session__desa__isnull=False,
            session__occurred_at__gte=period.start_at,
            session__occurred_at__lt=period.end_before,
        )
        if codes is not None:
            sessions = sessions.filter(desa_id__in=codes)
            links = links.filter(session__desa_id__in=codes)
        for code, n, people, last in (
            sessions.values("desa_id")
            .annotate(n=Count("id"), people=Sum("audience_total"), last=Max("occurred_at"))
            .values_list("desa_id", "n", "people", "last")
        ):
            result[code].sessions, result[code].residents = int(n), int(people or 0)
            result[code].last_in_period = last
        if not detail:
            return dict(result)
        for code, topic, n in (
            links.values("session__desa_id", "message__topic")
            .annotate(n=Count("id"))
            .values_list("session__desa_id", "message__topic", "n")
        ):
            result[code].topics[topic] = int(n)
    return dict(result)


def _split_by_month(
    period: Period,
) -> tuple[tuple[dt.date, dt.date] | None, list[tuple[dt.date, dt.date]]]:
    """The whole months inside the period ([first month, month after the last)), or None, and
    the day ranges (inclusive) outside them."""
    first = period.start if period.start.day == 1 else _next_month(period.start)
    after_end = period.end + dt.timedelta(days=1)
    stop = after_end if after_end.day == 1 else after_end.replace(day=1)
    if first >= stop:
        return None, [(period.start, period.end)]
    days = []
    if period.start < first:
        days.append((period.start, first - dt.timedelta(days=1)))
    if stop <= period.end:
        days.append((stop, period.end))
    return (first, stop), days


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def last_visits(codes: list[str] | None, *, method: Method = "rollup") -> dict[str, dt.datetime]:
    """The last (all-time) visit per desa."""
    if method == "rollup":
        qs = CoverageLastVisit.objects.all()
        if codes is not None:
            qs = qs.filter(desa_id__in=codes)
        rows: Any = qs.values_list("desa_id", "last_at")
    else:
        sqs = DialogueSession.objects.filter(deleted_at__isnull=True, desa__isnull=False)
        if codes is not None:
            sqs = sqs.filter(desa_id__in=codes)
        rows = (
            sqs.values("desa_id").annotate(last=Max("occurred_at")).values_list("desa_id", "last")
        )
    return {code: last for code, last in rows if last is not None}


def desa_in_scope_rows(user: Any, unit: Unit | None) -> list[tuple[str, str, str, str]]:
    """(code, name, kecamatan code, kecamatan name) for the desa the user may see."""
    qs = org_selectors.desa_in_scope(user)
    if unit is not None:
        from polmas.org.scope import region_q

        codes = tuple(unit.jurisdiction.values_list("code", flat=True))
        qs = qs.filter(region_q("code", codes))
    rows = list(qs.values_list("code", "name", "parent_id", "parent__name").order_by("code"))
    return [(c, n, str(p or ""), str(pn or "")) for c, n, p, pn in rows]


def _polsek_by_region(user: Any) -> dict[str, Unit]:
    """Kecamatan/desa code -> the Polsek (or Pos) whose jurisdiction names it, in scope."""
    mapping: dict[str, Unit] = {}
    units = list(
        Unit.objects.restrict(user)
        .filter(level__in=[UnitLevel.POLSEK, UnitLevel.POS])
        .only("id", "code", "name", "path")
        .order_by("path")
    )
    # The codes straight from the link table: the regions themselves (with their boundaries)
    # are not needed.
    links = Unit.jurisdiction.through.objects.filter(unit__in=units).values_list(
        "unit_id", "region_id"
    )
    codes: dict[int, list[str]] = {}
    for unit_id, code in links.order_by("region_id"):
        codes.setdefault(unit_id, []).append(code)
    for unit in units:
        for code in codes.get(unit.pk, []):
            mapping.setdefault(code, unit)
    return mapping


def coverage_map(
    user: Any,
    period: Period,
    *,
    unit: Unit | None = None,
    stale_days: int = 14,
    method: Method = "rollup",
    today: dt.date | None = None,
) -> CoverageMap:
    today = today or timezone.localdate()
    desa_rows = desa_in_scope_rows(user, unit)
    scope_codes = (
        None if unit is None and _is_whole_deployment(desa_rows) else [d[0] for d in desa_rows]
    )
    figures = desa_figures(scope_codes, period, method=method)
    last = last_visits(scope_codes, method=method)
    owners = _polsek_by_region(user)
    rollups: dict[str, UnitRollup] = {}
    total = UnitRollup(code="", name=str(unit.name if unit else _("Seluruh cakupan")))
    entries: list[DesaCoverage] = []
    for code, name, kec, kec_name in desa_rows:
        owner = owners.get(code) or owners.get(kec)
        entry = DesaCoverage(
            code=code,
            name=name,
            kecamatan_code=kec,
            kecamatan_name=kec_name,
            unit_code=owner.code if owner else None,
            last_visit=last.get(code),
            figures=figures.get(code, DesaFigures()),
        )
        entries.append(entry)
        targets = [total]
        if owner is not None:
            targets.append(rollups.setdefault(owner.code, UnitRollup(owner.code, owner.name)))
        since = entry.days_since_visit(today)
        for r in targets:
            r.desa_total += 1
            r.sessions += entry.figures.sessions
            r.residents += entry.figures.residents
            r.desa_visited += 1 if entry.figures.sessions else 0
            r.not_visited += 1 if since is None or since > stale_days else 0
    return CoverageMap(
        period=period,
        stale_days=stale_days,
        desa=entries,
        units=sorted(rollups.values(), key=lambda r: r.name),
        total=total,
    )


def _is_whole_deployment(desa_rows: list[tuple[str, str, str, str]]) -> bool:
    """True when the rows are every desa of the deployment (no need for an IN filter)."""
    total = Region.objects.filter(
        level=RegionLevel.DESA, code__startswith=deployment_code() + "."
    ).count()
    return len(desa_rows) == total


def not_visited(cmap: CoverageMap, today: dt.date | None = None) -> list[DesaCoverage]:
    """Desa without a visit in the last `stale_days`, never-visited first, then oldest."""
    today = today or timezone.localdate()
    stale = [
        d
        for d in cmap.desa
        if d.last_visit is None or (d.days_since_visit(today) or 0) > cmap.stale_days
    ]
    return sorted(
        stale, key=lambda d: (d.last_visit is not None, d.last_visit or timezone.now(), d.code)
    )


# --- GeoJSON -------------------------------------------------------------------------------------

_geometry_lock = threading.Lock()
_geometry: dict[str, Any] = {}


def _geometries(codes: list[str]) -> dict[str, Any]:
    """Desa boundaries, parsed once per process (they change only with `load-regions`)."""
    missing = [c for c in codes if c not in _geometry]
    if missing:
        with _geometry_lock:
            rows = Region.objects.filter(code__in=missing).values_list("code", "boundary")
            for code, boundary in rows:
                _geometry[code] = boundary
    return {c: _geometry.get(c) for c in codes}


def coverage_geojson(cmap: CoverageMap, *, with_geometry: bool = True) -> dict[str, Any]:
    today = timezone.localdate()
    geoms = _geometries([d.code for d in cmap.desa]) if with_geometry else {}
    features = []
    for d in cmap.desa:
        since = d.days_since_visit(today)
        features.append(
            {
                "type": "Feature",
                "id": d.code,
                "properties": {
                    "code": d.code,
                    "name": d.name,
                    "kecamatan": d.kecamatan_name,
                    "unit": d.unit_code,
                    "last_visit": d.last_visit.isoformat() if d.last_visit else None,
                    "days_since_visit": since,
                    "stale": since is None or since > cmap.stale_days,
                    "sessions": d.figures.sessions,
                    "residents": d.figures.residents,
                    "topics": d.figures.topics,
                },
                "geometry": geoms.get(d.code) if with_geometry else None,
            }
        )
    return {
        "type": "FeatureCollection",
        "period": {"start": cmap.period.start.isoformat(), "end": cmap.period.end.isoformat()},
        "stale_days": cmap.stale_days,
        "features": features,
    }
