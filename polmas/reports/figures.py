"""The numbers of a leadership report, computed only from the other apps' scoped reads.

`report_figures(user, unit, start, end)` restricts every read by `user`'s scope
(`Model.objects.restrict(user)`) and then narrows it to `unit`: records of the unit or a unit
below it, or located in a desa of the unit's jurisdiction. Scheduled builds pass
`SYSTEM` (sees everything; the unit filter does the narrowing) so a report's content does not
depend on who asked for it; the views check that the requester's scope covers the unit.

Cases: "opened" = created in the period, "closed" = closed in the period, "overdue" = still
open with its deadline before the end of the period (or now, for a period not yet over).
A case closed after the period is therefore not counted as overdue for it (current status).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.aspirations.models import Case
from polmas.aspirations.querysets import overdue_q
from polmas.hoaxes.models import HoaxReport, ReportStatus
from polmas.hoaxes.selectors import unit_area_reports
from polmas.org.models import Unit
from polmas.patrols.models import Patrol, PatrolStatus, PatrolType, Topic
from polmas.patrols.selectors.coverage import Period, coverage_map

ANSWERED = (ReportStatus.DIJAWAB, ReportStatus.TERJAWAB_OTOMATIS)
WAITING = (ReportStatus.BARU, ReportStatus.MENUNGGU_HUMAS)


class _SystemPrincipal:
    """The scheduler: a principal whose scope is everything (like a superuser)."""

    is_authenticated = True
    is_superuser = True
    is_active = True
    pk = None

    def get_username(self) -> str:
        return "sistem"


SYSTEM: Any = _SystemPrincipal()


@dataclass(frozen=True)
class CategoryCases:
    code: str
    name: str
    opened: int = 0
    closed: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class DesaRow:
    code: str
    name: str
    kecamatan: str
    sessions: int
    residents: int
    last_visit: dt.datetime | None


@dataclass
class ReportFigures:
    unit_code: str
    unit_name: str
    start: dt.date
    end: dt.date
    patrols_total: int = 0
    patrols_by_status: dict[str, int] = field(default_factory=dict)
    patrols_by_type: dict[str, int] = field(default_factory=dict)
    sessions: int = 0
    residents: int = 0
    desa_covered: int = 0
    desa_total: int = 0
    messages_by_topic: dict[str, int] = field(default_factory=dict)
    cases_opened: int = 0
    cases_closed: int = 0
    cases_overdue: int = 0
    cases_by_category: list[CategoryCases] = field(default_factory=list)
    hoaxes_received: int = 0
    hoaxes_answered: int = 0
    hoaxes_waiting: int = 0
    hoaxes_by_status: dict[str, int] = field(default_factory=dict)
    desa: list[DesaRow] = field(default_factory=list)

    @property
    def messages_total(self) -> int:
        return sum(self.messages_by_topic.values())

    @property
    def percent_covered(self) -> float:
        return round(100.0 * self.desa_covered / self.desa_total, 1) if self.desa_total else 0.0

    def summary_rows(self) -> list[tuple[str, int | float]]:
        """The headline numbers, in the order both the PDF and the XLSX show them."""
        return [
            (_("Patroli"), self.patrols_total),
            (_("Patroli selesai"), self.patrols_by_status.get(PatrolStatus.DONE, 0)),
            (_("Sesi dialog"), self.sessions),
            (_("Desa dikunjungi"), self.desa_covered),
            (_("Desa di wilayah"), self.desa_total),
            (_("Cakupan desa (%)"), self.percent_covered),
            (_("Warga dijangkau"), self.residents),
            (_("Pesan kamtibmas disampaikan"), self.messages_total),
            (_("Kasus masuk"), self.cases_opened),
            (_("Kasus selesai"), self.cases_closed),
            (_("Kasus lewat tenggat"), self.cases_overdue),
            (_("Laporan hoaks diterima"), self.hoaxes_received),
            (_("Laporan hoaks dijawab"), self.hoaxes_answered),
            (_("Laporan hoaks menunggu"), self.hoaxes_waiting),
        ]

    def labelled(self, counts: dict[str, int], choices: Any) -> list[tuple[str, int]]:
        """(Indonesian label, count) in the order of a TextChoices, zero rows included."""
        return [(str(label), counts.get(value, 0)) for value, label in choices.choices]

    @property
    def patrol_status_rows(self) -> list[tuple[str, int]]:
        return self.labelled(self.patrols_by_status, PatrolStatus)

    @property
    def patrol_type_rows(self) -> list[tuple[str, int]]:
        return self.labelled(self.patrols_by_type, PatrolType)

    @property
    def topic_rows(self) -> list[tuple[str, int]]:
        return self.labelled(self.messages_by_topic, Topic)

    @property
    def hoax_status_rows(self) -> list[tuple[str, int]]:
        return self.labelled(self.hoaxes_by_status, ReportStatus)


def _counts(rows: Any, key: str) -> dict[str, int]:
    return {str(r[key]): int(r["n"]) for r in rows}


def _patrols(f: ReportFigures, user: Any, unit: Unit, period: Period) -> None:
    qs = (
        Patrol.objects.restrict(user)
        .alive()
        .filter(
            unit__path__startswith=unit.path,
            planned_start__gte=period.start_at,
            planned_start__lt=period.end_before,
        )
    )
    f.patrols_by_status = _counts(qs.values("status").annotate(n=Count("id")), "status")
    f.patrols_by_type = _counts(qs.values("patrol_type").annotate(n=Count("id")), "patrol_type")
    f.patrols_total = sum(f.patrols_by_status.values())


def _coverage(f: ReportFigures, user: Any, unit: Unit, period: Period) -> list[str]:
    cmap = coverage_map(user, period, unit=unit, today=period.end)
    f.sessions, f.residents = cmap.total.sessions, cmap.total.residents
    f.desa_covered, f.desa_total = cmap.total.desa_visited, cmap.total.desa_total
    topics: dict[str, int] = {}
    for d in cmap.desa:
        for topic, n in d.figures.topics.items():
            topics[topic] = topics.get(topic, 0) + n
        f.desa.append(
            DesaRow(
                code=d.code,
                name=d.name,
                kecamatan=d.kecamatan_name,
                sessions=d.figures.sessions,
                residents=d.figures.residents,
                last_visit=d.last_visit,
            )
        )
    f.messages_by_topic = topics
    return [d.code for d in cmap.desa]


def _cases(f: ReportFigures, user: Any, unit: Unit, period: Period, area: list[str]) -> None:
    cutoff = min(period.end_before, timezone.now())
    base = (
        Case.objects.restrict(user)
        .alive()
        .filter(Q(unit__path__startswith=unit.path) | Q(desa_id__in=area))
    )
    opened = Q(created_at__gte=period.start_at, created_at__lt=period.end_before)
    closed = Q(closed_at__gte=period.start_at, closed_at__lt=period.end_before)
    overdue = Q(created_at__lt=cutoff) & overdue_q(cutoff)
    rows = (
        base.values("category__code", "category__name")
        .annotate(
            opened=Count("id", filter=opened),
            closed=Count("id", filter=closed),
            overdue=Count("id", filter=overdue),
        )
        .order_by("category__order", "category__code")
    )
    cats = [
        CategoryCases(
            code=r["category__code"],
            name=r["category__name"],
            opened=r["opened"],
            closed=r["closed"],
            overdue=r["overdue"],
        )
        for r in rows
        if r["opened"] or r["closed"] or r["overdue"]
    ]
    f.cases_by_category = cats
    f.cases_opened = sum(c.opened for c in cats)
    f.cases_closed = sum(c.closed for c in cats)
    f.cases_overdue = sum(c.overdue for c in cats)


def _hoaxes(f: ReportFigures, user: Any, unit: Unit, period: Period) -> None:
    qs = HoaxReport.objects.restrict(user) & unit_area_reports(unit, period.start, period.end)
    f.hoaxes_by_status = _counts(qs.values("status").annotate(n=Count("id")), "status")
    f.hoaxes_received = sum(f.hoaxes_by_status.values())
    f.hoaxes_answered = sum(f.hoaxes_by_status.get(s, 0) for s in ANSWERED)
    f.hoaxes_waiting = sum(f.hoaxes_by_status.get(s, 0) for s in WAITING)


def report_figures(user: Any, unit: Unit, start: dt.date, end: dt.date) -> ReportFigures:
    """Every number of the report of `unit` for `start`..`end` (inclusive, WIB days)."""
    period = Period(start, end)
    f = ReportFigures(unit_code=unit.code, unit_name=unit.name, start=start, end=end)
    _patrols(f, user, unit, period)
    area = _coverage(f, user, unit, period)
    _cases(f, user, unit, period, area)
    _hoaxes(f, user, unit, period)
    return f


def desa_boundaries(user: Any, codes: list[str]) -> dict[str, Any]:
    """GeoJSON geometry per desa code (in the user's scope) for the report map."""
    from polmas.org.models import Region

    rows = (
        Region.objects.restrict(user)
        .filter(code__in=codes, boundary__isnull=False)
        .values_list("code", "boundary")
    )
    return dict(rows)
