"""Alert detection (`polmas detect-alerts`, idempotent by `Alert.key`) and acknowledgement.

Rules (each alert names the unit answerable for the desa and links to its cause):

- `sla`: open cases of a desa past their SLA deadline, one alert per desa and WIB day
  (key `sla:<desa>:<day>`), linking to the inbox filtered on that desa's overdue cases.
- `darurat`: every open darurat case (key `darurat:<case id>`), linking to the case.
- `hoaks`: every rumour wave the hoaxes app detected (key `hoaks:<wave id>`), linking to the
  waves page; addressed to the Polsek of the wave's kecamatan.
- `provokasi`: a desa whose cases flagged by triage as hate speech or abusive today reach
  max(3, mean + 3 sd of the previous 14 days) (the hoaxes spike rule), key
  `provokasi:<desa>:<day>`, linking to the desa panel.
- `belum_dikunjungi`: within 30 days before an election's voting day (through voting day),
  a desa without a dialogue-patrol visit for `POLMAS_NOT_VISITED_DAYS` (14) days; one alert per
  desa, election and last visit (key `belum:<desa>:<election>:<last visit day|never>`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.aspirations.models import OPEN_STATUSES, Case, Urgency
from polmas.aspirations.querysets import overdue_q
from polmas.core.audit import record_event, snapshot
from polmas.core.formatting import WIB
from polmas.core.triage import PROVOCATION_Q
from polmas.hoaxes.models import HoaxReport, RumourWave
from polmas.insights.models import Alert, AlertKind, DesaDaily, Election
from polmas.insights.selectors.layers import deployment_area
from polmas.org.access import check_role
from polmas.org.models import Unit, UnitLevel
from polmas.patrols.models import CoverageLastVisit

ELECTION_WINDOW_DAYS = 30
SPIKE_HISTORY_DAYS = 14
SPIKE_SIGMA = 3.0
SPIKE_MIN = 3
SPIKE_SD_FLOOR = 0.5


@dataclass
class DetectRun:
    created: int = 0
    seen: int = 0


def _create(run: DetectRun, **fields: Any) -> None:
    run.seen += 1
    if Alert.objects.filter(key=fields["key"]).exists():
        return
    try:
        with transaction.atomic():
            Alert.objects.create(**fields)
            run.created += 1
    except IntegrityError:  # a concurrent run created it
        pass


def _fallback_unit() -> Unit:
    unit = Unit.objects.filter(level=UnitLevel.POLRES).order_by("path").first()
    if unit is None:
        raise RuntimeError("no Polres unit: run `polmas load-units` first")
    return unit


def spike_threshold(history: list[int]) -> float:
    n = len(history)
    mean = sum(history) / n if n else 0.0
    sd = math.sqrt(sum((x - mean) ** 2 for x in history) / n) if n else 0.0
    return max(float(SPIKE_MIN), mean + SPIKE_SIGMA * max(sd, SPIKE_SD_FLOOR))


def detect_alerts(now: dt.datetime | None = None) -> DetectRun:
    now = now or timezone.now()
    today = now.astimezone(WIB).date()
    run = DetectRun()
    area = deployment_area()
    names = {d.code: d.name for d in area.desa}
    fallback = _fallback_unit()

    def unit_for(code: str) -> Unit:
        return area.owners.get(code) or fallback

    inbox = reverse("aspirations:inbox")
    late = (
        Case.objects.filter(deleted_at__isnull=True, desa__isnull=False)
        .filter(overdue_q(now))
        .values("desa_id")
        .annotate(n=Count("id"))
        .values_list("desa_id", "n")
    )
    for code, n in late:
        _create(
            run,
            kind=AlertKind.SLA_BREACH,
            key=f"sla:{code}:{today.isoformat()}",
            unit=unit_for(code),
            desa_id=code,
            title=_("%(n)s kasus melewati tenggat di %(desa)s")
            % {"n": n, "desa": names.get(code, code)},
            detail=_("Kasus terbuka yang tenggat SLA-nya sudah lewat; segera tindak lanjuti."),
            link=f"{inbox}?status=open&overdue=1&desa={code}",
        )

    for case in Case.objects.filter(
        deleted_at__isnull=True, status__in=OPEN_STATUSES, urgency=Urgency.DARURAT
    ).only("id", "tracking_code", "title", "description", "desa_id", "unit_id"):
        _create(
            run,
            kind=AlertKind.DARURAT,
            key=f"darurat:{case.pk}",
            unit_id=case.unit_id,
            desa_id=case.desa_id,
            title=_("Kasus darurat %(code)s: %(summary)s")
            % {"code": case.tracking_code, "summary": case.summary[:120]},
            link=reverse("aspirations:case", args=[case.pk]),
        )

    waves_page = reverse("hoaxes:waves")
    for wave in RumourWave.objects.filter(day__gte=today - dt.timedelta(days=7)):
        top = max(wave.desa_counts, key=lambda c: wave.desa_counts[c]) if wave.desa_counts else None
        kec = area.owners.get(top) if top else None
        unit = kec or _unit_for_kecamatan(wave.kecamatan_id) or fallback
        _create(
            run,
            kind=AlertKind.RUMOUR_SPIKE,
            key=f"hoaks:{wave.pk}",
            unit=unit,
            desa_id=top if top in names else None,
            title=_("Lonjakan laporan hoaks: %(n)s laporan pada %(day)s")
            % {"n": wave.count, "day": wave.day.isoformat()},
            detail=wave.sample_text,
            link=waves_page,
        )

    _detect_provocation(run, today, names, unit_for)
    _detect_not_visited(run, today, area.codes, names, unit_for)
    return run


def _unit_for_kecamatan(code: str) -> Unit | None:
    return Unit.objects.filter(jurisdiction__code=code, level=UnitLevel.POLSEK).first()


def _detect_provocation(
    run: DetectRun, today: dt.date, names: dict[str, str], unit_for: Any
) -> None:
    start = dt.datetime.combine(today, dt.time.min, tzinfo=WIB)
    todays: dict[str, int] = defaultdict(int)
    for source in (
        Case.objects.filter(deleted_at__isnull=True, desa__isnull=False, created_at__gte=start),
        HoaxReport.objects.filter(deleted_at__isnull=True, desa__isnull=False, reported_on=today),
    ):
        for code, n in (
            source.filter(PROVOCATION_Q)
            .values("desa_id")
            .annotate(n=Count("id"))
            .values_list("desa_id", "n")
        ):
            todays[code] += n
    if not todays:
        return
    history: dict[str, dict[dt.date, int]] = defaultdict(dict)
    for code, day, n in DesaDaily.objects.filter(
        desa_id__in=list(todays),
        day__gte=today - dt.timedelta(days=SPIKE_HISTORY_DAYS),
        day__lt=today,
        provocation__gt=0,
    ).values_list("desa_id", "day", "provocation"):
        history[code][day] = n
    for code, n in todays.items():
        past = [
            history[code].get(today - dt.timedelta(days=i), 0)
            for i in range(1, SPIKE_HISTORY_DAYS + 1)
        ]
        if n < spike_threshold(past):
            continue
        _create(
            run,
            kind=AlertKind.PROVOCATION,
            key=f"provokasi:{code}:{today.isoformat()}",
            unit=unit_for(code),
            desa_id=code,
            title=_("Lonjakan provokasi di %(desa)s: %(n)s kasus/laporan hoaks hari ini")
            % {"desa": names.get(code, code), "n": n},
            detail=_(
                "Triase menandai ujaran kebencian atau bahasa kasar pada kasus atau laporan "
                "hoaks baru."
            ),
            link=reverse("insights:desa", args=[code]),
        )


def _detect_not_visited(
    run: DetectRun, today: dt.date, codes: list[str], names: dict[str, str], unit_for: Any
) -> None:
    elections = list(
        Election.objects.filter(
            voting_date__gte=today, voting_date__lte=today + dt.timedelta(days=ELECTION_WINDOW_DAYS)
        )
    )
    if not elections:
        return
    stale_days = int(getattr(settings, "POLMAS_NOT_VISITED_DAYS", 14))
    last = dict(CoverageLastVisit.objects.values_list("desa_id", "last_at"))
    for election in elections:
        region = election.region_id
        for code in codes:
            if not (code == region or code.startswith(region + ".")):
                continue
            at = last.get(code)
            last_day = at.astimezone(WIB).date() if at else None
            if last_day is not None and (today - last_day).days < stale_days:
                continue
            _create(
                run,
                kind=AlertKind.NOT_VISITED,
                key=f"belum:{code}:{election.pk}:{last_day.isoformat() if last_day else 'never'}",
                unit=unit_for(code),
                desa_id=code,
                title=_("%(desa)s belum dikunjungi %(days)s hari menjelang %(election)s")
                % {
                    "desa": names.get(code, code),
                    "days": (today - last_day).days if last_day else stale_days,
                    "election": election.name,
                }
                if last_day
                else _("%(desa)s belum pernah dikunjungi patroli menjelang %(election)s")
                % {"desa": names.get(code, code), "election": election.name},
                link=reverse("insights:desa", args=[code]),
            )


@transaction.atomic
def acknowledge_alert(*, actor: Any, alert: Alert) -> Alert:
    """Mark an alert as seen and acted on (audited). Acknowledging twice changes nothing."""
    check_role(actor)
    locked = Alert.objects.select_for_update().get(pk=alert.pk)
    if locked.acknowledged_at is not None:
        return locked
    before = snapshot(locked, ["acknowledged_at", "acknowledged_by"])
    locked.acknowledged_at = timezone.now()
    locked.acknowledged_by = actor
    locked.save(update_fields=["acknowledged_at", "acknowledged_by", "updated_at"])
    record_event(
        actor=actor,
        verb="insights.alert.acknowledged",
        target=locked,
        before=before,
        after=snapshot(locked, ["acknowledged_at", "acknowledged_by"]),
    )
    return locked


__all__ = ["DetectRun", "acknowledge_alert", "detect_alerts", "spike_threshold"]
