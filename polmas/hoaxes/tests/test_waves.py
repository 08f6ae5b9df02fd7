from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from polmas.core.models import AuditEvent
from polmas.hoaxes import services
from polmas.hoaxes.models import Alert, HoaxReport, RumourWave
from polmas.hoaxes.rumours import TextGrouper, jaccard, shingles, spike
from polmas.hoaxes.tasks import detect_rumour_waves_task
from polmas.hoaxes.tests.conftest import CONFIDENT_TEXT, UNMATCHED_TEXT
from polmas.org.models import Region
from polmas.org.testing import World


def test_spike_rule() -> None:
    assert spike(2, [0] * 14) is None  # below the floor of 3
    hit = spike(3, [0] * 14)
    assert hit is not None and hit.threshold == 3.0
    busy = [4, 5, 6, 5, 4, 5, 6, 5, 4, 5, 6, 5, 4, 5]
    assert spike(6, busy) is None  # a usual day for a steady rumour
    assert spike(10, busy) is not None


def test_near_duplicates_share_a_group_and_different_rumours_do_not() -> None:
    a = "Waspada! Ada penculikan anak pakai mobil putih di Desa Legok, jaga anak-anak kita"
    b = "waspada ada penculikan anak pakai mobil putih di desa Legok jaga anak2 kita ya bu"
    c = "Besok listrik padam seharian di seluruh kecamatan Lohbener karena perbaikan gardu"
    assert jaccard(shingles(a), shingles(b)) >= 0.5
    assert jaccard(shingles(a), shingles(c)) < 0.2
    grouper = TextGrouper()
    assert grouper.assign("tx:A", a) == "tx:A"
    assert grouper.assign("tx:B", b) == "tx:A"
    assert grouper.assign("tx:C", c) == "tx:C"


def _reports(n: int, text: str, desa: Region, day: dt.date) -> list[HoaxReport]:
    made = [services.report_hoax(actor=None, text=text, channel="web", desa=desa) for _ in range(n)]
    HoaxReport.objects.filter(pk__in=[r.pk for r in made]).update(reported_on=day)
    return made


@pytest.mark.django_db
def test_a_wave_in_one_kecamatan_raises_alerts_for_polsek_and_humas(
    world: World, kb: dict[str, Any]
) -> None:
    today = timezone.localdate()
    _reports(4, CONFIDENT_TEXT, world.desa_in, today)
    _reports(1, CONFIDENT_TEXT, world.desa_out, today)  # another kecamatan: no wave there
    summary = detect_rumour_waves_task.call(today.isoformat())
    assert summary["waves"] == 1 and summary["alerts_created"] == 2
    wave = RumourWave.objects.get()
    assert wave.kecamatan_id == world.desa_in.parent_id and wave.count == 4
    assert wave.factcheck == kb["35004"] and wave.desa_counts == {world.desa_in.code: 4}
    units = {a.unit.code: a.audience for a in Alert.objects.all()}
    assert units == {"polsek-lohbener": "polsek", "polres-indramayu": "humas"}
    # idempotent: running again changes nothing
    again = detect_rumour_waves_task.call(today.isoformat())
    assert again["alerts_created"] == 0
    assert RumourWave.objects.count() == 1 and Alert.objects.count() == 2
    # scoped: the other Polsek does not see it
    assert RumourWave.objects.restrict(world.user_out).count() == 0
    assert Alert.objects.restrict(world.user_in).count() == 1
    assert Alert.objects.restrict(world.user_polres).count() == 2


@pytest.mark.django_db
def test_unmatched_near_duplicates_form_a_wave(world: World, kb: dict[str, Any]) -> None:
    today = timezone.localdate()
    variants = [UNMATCHED_TEXT, UNMATCHED_TEXT + "!!", "Info: " + UNMATCHED_TEXT.lower()]
    for text in variants:
        _reports(1, text, world.desa_in, today)
    run = services.detect_rumour_waves(day=today)
    assert len(run.waves) == 1 and run.waves[0].count == 3
    assert run.waves[0].cluster_key.startswith("tx:") and run.waves[0].factcheck is None
    keys = set(HoaxReport.objects.values_list("cluster_key", flat=True))
    assert len(keys) == 1


@pytest.mark.django_db
def test_a_steady_rumour_is_not_a_wave(world: World, kb: dict[str, Any]) -> None:
    today = timezone.localdate()
    for back in range(1, 15):
        _reports(3, CONFIDENT_TEXT, world.desa_in, today - dt.timedelta(days=back))
    _reports(3, CONFIDENT_TEXT, world.desa_in, today)
    assert services.detect_rumour_waves(day=today).waves == []


@pytest.mark.django_db
def test_acknowledge_is_audited_and_scoped(world: World, kb: dict[str, Any]) -> None:
    today = timezone.localdate()
    _reports(3, CONFIDENT_TEXT, world.desa_in, today)
    services.detect_rumour_waves(day=today)
    alert = Alert.objects.get(unit=world.unit_in)
    services.acknowledge_alert(actor=world.user_in, alert=alert)
    alert.refresh_from_db()
    assert alert.acknowledged_by == world.user_in
    assert AuditEvent.objects.for_object(alert).filter(verb="hoax_alert.acknowledge").exists()
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.acknowledge_alert(actor=world.user_out, alert=alert)
