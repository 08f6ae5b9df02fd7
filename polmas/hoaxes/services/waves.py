"""Rumour waves: group the window's reports, count per kecamatan and day, raise alerts.

`detect_rumour_waves(day)` is idempotent: group keys are assigned once and kept; a wave is
keyed by (day, kecamatan, group) and updated in place; one alert per wave and unit.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.core.audit import record_event
from polmas.hoaxes.models import Alert, AlertAudience, FactCheck, HoaxReport, RumourWave
from polmas.hoaxes.rumours import BASELINE_DAYS, TextGrouper, spike
from polmas.org.models import Region, Unit, UnitLevel
from polmas.org.selectors import responsible_unit_for_desa

KECAMATAN_CODE_LEN = len("32.12.01")


@dataclass(frozen=True)
class WaveRun:
    day: dt.date
    reports: int
    grouped_now: int
    waves: list[RumourWave]
    alerts_created: int


def assign_groups(start: dt.date, end: dt.date) -> int:
    """Give every report in [start, end] without a group key one; returns how many got one.

    Matched reports already carry ``fc:<id>``; unmatched ones are grouped by text with the
    leaders of the window's existing text groups (oldest first, so keys are stable)."""
    window = HoaxReport.objects.filter(
        reported_on__gte=start, reported_on__lte=end, deleted_at__isnull=True
    )
    grouper = TextGrouper()
    leaders = (
        window.filter(cluster_key__startswith="tx:")
        .order_by("created_at", "id")
        .values_list("cluster_key", "reference", "text")
    )
    for key, reference, text in leaders:
        if key == f"tx:{reference}":
            grouper.add_leader(key, text)
    pending = list(
        window.filter(cluster_key="")
        .order_by("created_at", "id")
        .values_list("id", "reference", "text")
    )
    by_key: dict[str, list[int]] = defaultdict(list)
    for pk, reference, text in pending:
        by_key[grouper.assign(f"tx:{reference}", text)].append(pk)
    for key, ids in by_key.items():
        for i in range(0, len(ids), 500):
            HoaxReport.objects.filter(id__in=ids[i : i + 500]).update(cluster_key=key)
    return len(pending)


def _alert_units(kecamatan: str) -> list[tuple[Unit, str]]:
    polsek = responsible_unit_for_desa(kecamatan)
    targets: list[tuple[Unit, str]] = []
    if polsek is not None:
        targets.append((polsek, AlertAudience.POLSEK))
        humas_unit: Unit | None = polsek
        while humas_unit is not None and humas_unit.level not in (
            UnitLevel.POLRES,
            UnitLevel.POLDA,
        ):
            humas_unit = humas_unit.parent
        if humas_unit is not None and humas_unit.pk != polsek.pk:
            targets.append((humas_unit, AlertAudience.HUMAS))
    return targets


def _message(wave: RumourWave, title: str, kec_name: str) -> str:
    return (
        _('Gelombang isu di Kecamatan %(kec)s pada %(day)s: %(n)s laporan tentang "%(t)s".')
        % {"kec": kec_name, "day": wave.day.strftime("%d/%m/%Y"), "n": wave.count, "t": title}
    )[:400]


def detect_rumour_waves(*, day: dt.date, actor: Any = None) -> WaveRun:
    start = day - dt.timedelta(days=BASELINE_DAYS)
    grouped_now = assign_groups(start, day)
    rows = (
        HoaxReport.objects.filter(
            reported_on__gte=start,
            reported_on__lte=day,
            deleted_at__isnull=True,
            desa__isnull=False,
        )
        .exclude(cluster_key="")
        .values_list("desa_id", "reported_on", "cluster_key")
    )
    per_day: dict[tuple[str, str], Counter[dt.date]] = defaultdict(Counter)
    desa_today: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    total = 0
    for desa_code, reported_on, key in rows.iterator(chunk_size=5000):
        total += 1
        kec = desa_code[:KECAMATAN_CODE_LEN]
        per_day[(kec, key)][reported_on] += 1
        if reported_on == day:
            desa_today[(kec, key)][desa_code] += 1
    history_days = [day - dt.timedelta(days=i) for i in range(BASELINE_DAYS, 0, -1)]
    found: list[tuple[str, str, Any]] = []
    for (kec, key), counts in per_day.items():
        today = counts.get(day, 0)
        if not today:
            continue
        hit = spike(today, [counts.get(d, 0) for d in history_days])
        if hit is not None:
            found.append((kec, key, hit))
    waves: list[RumourWave] = []
    alerts_created = 0
    names = dict(
        Region.objects.filter(code__in={k for k, _, _ in found}).values_list("code", "name")
    )
    for kec, key, hit in sorted(found):
        with transaction.atomic():
            wave, created_alerts = _store_wave(
                day, kec, key, hit, desa_today[(kec, key)], names.get(kec, kec), actor
            )
        waves.append(wave)
        alerts_created += created_alerts
    return WaveRun(day, total, grouped_now, waves, alerts_created)


def _store_wave(
    day: dt.date,
    kec: str,
    key: str,
    hit: Any,
    desa_counts: Counter[str],
    kec_name: str,
    actor: Any,
) -> tuple[RumourWave, int]:
    factcheck = None
    sample = ""
    if key.startswith("fc:"):
        factcheck = FactCheck.objects.filter(pk=int(key[3:])).first()
    first = (
        HoaxReport.objects.filter(reported_on=day, cluster_key=key, desa__pk__startswith=kec + ".")
        .order_by("created_at", "id")
        .values_list("text", "is_demo")
        .first()
    )
    if first is not None:
        sample = first[0][:300]
    wave, created = RumourWave.objects.update_or_create(
        day=day,
        kecamatan_id=kec,
        cluster_key=key,
        defaults={
            "factcheck": factcheck,
            "sample_text": sample,
            "count": hit.count,
            "baseline_mean": hit.mean,
            "baseline_sd": hit.sd,
            "threshold": hit.threshold,
            "desa_counts": dict(sorted(desa_counts.items())),
            "is_demo": bool(first and first[1]),
        },
    )
    if created:
        record_event(
            actor=actor,
            verb="rumour_wave.detect",
            target=wave,
            after={"count": wave.count, "threshold": wave.threshold},
        )
    title = factcheck.title if factcheck else sample[:80]
    new_alerts = 0
    for unit, audience in _alert_units(kec):
        alert, made = Alert.objects.get_or_create(
            wave=wave,
            unit=unit,
            defaults={"audience": audience, "message": _message(wave, title, kec_name)},
        )
        if made:
            new_alerts += 1
            record_event(
                actor=actor,
                verb="hoax_alert.create",
                target=alert,
                after={"unit": unit.code, "audience": audience},
            )
        elif alert.acknowledged_at is None:
            alert.message = _message(wave, title, kec_name)
            alert.save(update_fields=["message", "updated_at"])
    return wave, new_alerts


@transaction.atomic
def acknowledge_alert(*, actor: Any, alert: Alert) -> Alert:
    from polmas.org.access import check_role

    check_role(actor)
    if not Alert.objects.restrict(actor).filter(pk=alert.pk).exists():
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(_("Peringatan ini di luar cakupan Anda."))
    if alert.acknowledged_at is None:
        alert.acknowledged_at = timezone.now()
        alert.acknowledged_by = actor
        alert.save(update_fields=["acknowledged_at", "acknowledged_by", "updated_at"])
        record_event(
            actor=actor,
            verb="hoax_alert.acknowledge",
            target=alert,
            after={"acknowledged_at": alert.acknowledged_at},
        )
    return alert
