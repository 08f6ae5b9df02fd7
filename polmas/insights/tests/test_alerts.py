"""Alert detection is idempotent and links to causes; acknowledging is audited and scoped."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from polmas.core.models import AuditEvent
from polmas.hoaxes.models import RumourWave
from polmas.insights.models import Alert, AlertKind, Election, ElectionKind
from polmas.insights.services.alerts import detect_alerts, spike_threshold
from polmas.insights.tests.factories import make_case, make_report
from polmas.org.models import Region
from polmas.org.testing import World


def test_detection_creates_each_kind_once(world: World) -> None:
    now = timezone.now()
    late = make_case(world.desa_in, world.unit_in, due_at=now - dt.timedelta(hours=3))
    urgent = make_case(world.desa_in, world.unit_in, urgency="darurat")
    for _ in range(3):
        make_case(
            world.desa_out,
            world.unit_out,
            triage={"hate_speech": True, "abusive": False, "sentiment": "negative"},
        )
    RumourWave.objects.create(
        day=timezone.localdate(),
        kecamatan=Region.objects.get(code=world.desa_in.code.rsplit(".", 1)[0]),
        cluster_key="k1",
        count=6,
        baseline_mean=0.5,
        baseline_sd=0.5,
        threshold=3,
        desa_counts={world.desa_in.code: 6},
    )
    Election.objects.create(
        name="Pilkades Uji",
        kind=ElectionKind.PILKADES,
        voting_date=timezone.localdate() + dt.timedelta(days=10),
        region=Region.objects.get(code="32.12"),
    )
    first = detect_alerts(now)
    kinds = set(Alert.objects.values_list("kind", flat=True))
    assert kinds == {
        AlertKind.SLA_BREACH,
        AlertKind.DARURAT,
        AlertKind.RUMOUR_SPIKE,
        AlertKind.PROVOCATION,
        AlertKind.NOT_VISITED,
    }
    assert Alert.objects.filter(kind=AlertKind.NOT_VISITED).count() == 317  # nobody visited yet
    second = detect_alerts(now)
    assert second.created == 0 and first.created == Alert.objects.count()
    sla = Alert.objects.get(kind=AlertKind.SLA_BREACH)
    assert sla.desa_id == world.desa_in.code and sla.unit == world.unit_in
    assert f"desa={world.desa_in.code}" in sla.link and "overdue=1" in sla.link
    assert Alert.objects.get(kind=AlertKind.DARURAT).link == f"/kasus/{urgent.pk}/"
    assert late.pk != urgent.pk


def test_no_provocation_alert_below_the_spike_rule(world: World) -> None:
    make_case(
        world.desa_in,
        world.unit_in,
        triage={"hate_speech": True, "abusive": False, "sentiment": "neutral"},
    )
    detect_alerts()
    assert not Alert.objects.filter(kind=AlertKind.PROVOCATION).exists()
    assert spike_threshold([0] * 14) == 3.0
    assert spike_threshold([4, 6] * 7) == 5 + 3 * 1.0


def test_acknowledge_is_audited_and_idempotent(world: World) -> None:
    make_case(world.desa_in, world.unit_in, urgency="darurat")
    detect_alerts()
    alert = Alert.objects.get(kind=AlertKind.DARURAT)
    client = Client()
    client.force_login(world.user_in)
    response = client.post(
        f"/situasi/peringatan/{alert.pk}/tanggapi/", headers={"HX-Request": "true"}
    )
    assert (
        response.status_code == 200
        and "Ditanggapi oleh uji.kapolsek.dalam" in response.content.decode()
    )
    alert.refresh_from_db()
    assert alert.acknowledged_by == world.user_in and alert.acknowledged_at is not None
    client.post(f"/situasi/peringatan/{alert.pk}/tanggapi/")
    events = AuditEvent.objects.for_object(alert)
    assert [e.verb for e in events] == ["insights.alert.acknowledged"]


def test_out_of_scope_alerts_are_invisible(world: World) -> None:
    make_case(world.desa_out, world.unit_out, urgency="darurat")
    detect_alerts()
    client = Client()
    client.force_login(world.user_in)
    assert "Kasus darurat" not in client.get("/situasi/peringatan/").content.decode()
    alert = Alert.objects.get(kind=AlertKind.DARURAT)
    assert client.post(f"/situasi/peringatan/{alert.pk}/tanggapi/").status_code == 404
    alert.refresh_from_db()
    assert alert.acknowledged_at is None


def test_hateful_hoax_reports_count_as_provocation(world: World) -> None:
    """A hateful rumour circulating in a desa is a tension signal, like a hateful complaint."""
    from polmas.insights.figures import direct_figures
    from polmas.patrols.selectors.coverage import Period

    hateful = {"hate_speech": True, "abusive": False, "sentiment": "negative"}
    make_case(world.desa_in, world.unit_in, triage=hateful)
    for _ in range(2):
        make_report(world.desa_in, triage=hateful)
    make_report(world.desa_in, triage={"hate_speech": False, "abusive": False})
    make_report(world.desa_in, triage=hateful, deleted=True)
    today = timezone.localdate()
    figures = direct_figures(Period(today, today), [world.desa_in.code])
    assert figures[(world.desa_in.code, today)].provocation == 3
    assert figures[(world.desa_in.code, today)].hoax_reports == 4 - 1
    detect_alerts()
    alert = Alert.objects.get(kind=AlertKind.PROVOCATION)  # 3 today reaches the spike rule
    assert alert.desa_id == world.desa_in.code and "3 kasus/laporan hoaks" in alert.title
