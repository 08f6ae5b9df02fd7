from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.utils import timezone

from polmas.core.models import AuditEvent
from polmas.org.testing import World
from polmas.patrols import selectors, services, workflow
from polmas.patrols.models import (
    CoverageDaily,
    DialogueSession,
    PatrolStatus,
    ResidentInput,
    Shift,
)
from polmas.patrols.signals import resident_inputs_recorded
from polmas.patrols.testing import add_session, messages, person, point_in, started_patrol

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("hour", "minute", "shift"),
    [
        (4, 0, Shift.PAGI),
        (10, 59, Shift.PAGI),
        (11, 0, Shift.SIANG),
        (14, 59, Shift.SIANG),
        (15, 0, Shift.SORE),
        (17, 59, Shift.SORE),
        (18, 0, Shift.MALAM),
        (23, 30, Shift.MALAM),
        (0, 0, Shift.MALAM),
        (3, 59, Shift.MALAM),
    ],
)
def test_shift_from_wib_time(hour: int, minute: int, shift: str) -> None:
    from polmas.core.formatting import WIB

    assert workflow.shift_for(dt.datetime(2024, 1, 23, hour, minute, tzinfo=WIB)) == shift
    # The same instant written in UTC gives the same shift.
    utc = dt.datetime(2024, 1, 23, hour, minute, tzinfo=WIB).astimezone(dt.UTC)
    assert workflow.shift_for(utc) == shift


def test_patrol_lifecycle_is_audited(world: World) -> None:
    leader = person(world.user_in)
    patrol, replayed = services.create_patrol(
        actor=world.user_in, unit=world.unit_in, leader=leader
    )
    assert not replayed and patrol.status == PatrolStatus.PLANNED
    services.transition_patrol(actor=world.user_in, patrol=patrol, action="start")
    patrol.refresh_from_db()
    assert patrol.status == PatrolStatus.ACTIVE and patrol.actual_start is not None
    with pytest.raises(services.Conflict):
        services.transition_patrol(actor=world.user_in, patrol=patrol, action="start")
    services.transition_patrol(actor=world.user_in, patrol=patrol, action="end")
    patrol.refresh_from_db()
    assert patrol.status == PatrolStatus.DONE
    verbs = set(AuditEvent.objects.for_object(patrol).values_list("verb", flat=True))
    assert {"patrol.create", "patrol.start", "patrol.end"} <= verbs
    with pytest.raises(services.Conflict):
        services.update_patrol(actor=world.user_in, patrol=patrol, area_note="x")


def test_other_polsek_cannot_plan_in_my_unit(world: World) -> None:
    with pytest.raises(services.NotAllowed):
        services.create_patrol(
            actor=world.user_out, unit=world.unit_in, leader=person(world.user_in)
        )


def test_session_resolves_desa_and_updates_rollup(world: World) -> None:
    patrol = started_patrol(world.user_in)
    msgs = messages(2)
    session = add_session(
        world.user_in, patrol, world.desa_in, audience=7, message_ids=[m.pk for m in msgs]
    )
    assert session.desa_id == world.desa_in.code
    assert session.kecamatan_id == world.desa_in.parent_id
    assert not session.outside_area
    row = CoverageDaily.objects.get(desa=world.desa_in)
    assert (row.sessions, row.residents) == (1, 7)
    services.delete_session(actor=world.user_in, session=session)
    assert not CoverageDaily.objects.filter(desa=world.desa_in).exists()


def test_point_outside_area_is_kept_with_a_flag(world: World) -> None:
    patrol = started_patrol(world.user_in)
    data = services.SessionData(
        occurred_at=timezone.now() - dt.timedelta(minutes=5), lat=-6.2088, lng=106.8456
    )
    session = services.record_session(actor=world.user_in, patrol=patrol, data=data).session
    assert session.outside_area and session.desa_id is None
    assert session.lat == -6.2088


def test_named_place_fallback_without_gps(world: World) -> None:
    patrol = started_patrol(world.user_in)
    data = services.SessionData(
        occurred_at=timezone.now() - dt.timedelta(minutes=5), place_name="Desa Lohbener"
    )
    session = services.record_session(actor=world.user_in, patrol=patrol, data=data).session
    assert session.desa_id == world.desa_in.code


@pytest.mark.parametrize(
    ("delta", "reason"),
    [(dt.timedelta(hours=2), "masa depan"), (dt.timedelta(hours=-3), "sebelum patroli dimulai")],
)
def test_session_time_outside_the_patrol_is_refused(
    world: World, delta: dt.timedelta, reason: str
) -> None:
    patrol = started_patrol(world.user_in, minutes_ago=60)
    lat, lng = point_in(world.desa_in)
    data = services.SessionData(occurred_at=timezone.now() + delta, lat=lat, lng=lng)
    with pytest.raises(services.InvalidInput) as exc:
        services.record_session(actor=world.user_in, patrol=patrol, data=data)
    assert reason in exc.value.message
    assert not DialogueSession.objects.exists()


def test_idempotent_replay_and_conflict(world: World) -> None:
    patrol = started_patrol(world.user_in)
    key = uuid.uuid4()
    at = timezone.now() - dt.timedelta(minutes=9)  # a retry sends the same time as the first try
    first = add_session(world.user_in, patrol, world.desa_in, occurred_at=at, key=key)
    again = add_session(world.user_in, patrol, world.desa_in, occurred_at=at, key=key)
    assert first.pk == again.pk
    assert DialogueSession.objects.count() == 1
    with pytest.raises(services.Conflict):
        add_session(world.user_in, patrol, world.desa_in, occurred_at=at, audience=99, key=key)
    assert CoverageDaily.objects.get(desa=world.desa_in).sessions == 1


def test_resident_inputs_signal_on_commit_and_backfill_selector(world: World) -> None:
    received: list[dict[str, Any]] = []

    def receiver(sender: Any, **kwargs: Any) -> None:
        received.append(kwargs)

    resident_inputs_recorded.connect(receiver)
    try:
        patrol = started_patrol(world.user_in)
        from django.test import TestCase

        with TestCase.captureOnCommitCallbacks(execute=True):
            session = add_session(
                world.user_in, patrol, world.desa_in, inputs=["Jalan rusak", "Lampu mati"]
            )
    finally:
        resident_inputs_recorded.disconnect(receiver)
    ids = list(ResidentInput.objects.filter(session=session).values_list("id", flat=True))
    assert len(received) == 1
    assert received[0]["session_id"] == session.pk and sorted(received[0]["input_ids"]) == ids
    assert list(selectors.unlinked_resident_inputs().values_list("id", flat=True)) == ids
    assert services.mark_resident_input_linked(input_id=ids[0], ref="KASUS-1")
    assert not services.mark_resident_input_linked(input_id=ids[0], ref="KASUS-1")
    assert list(selectors.unlinked_resident_inputs().values_list("id", flat=True)) == ids[1:]
    assert ResidentInput.objects.get(pk=ids[0]).desa_id == world.desa_in.code


def test_unknown_message_and_bad_audience_are_refused(world: World) -> None:
    patrol = started_patrol(world.user_in)
    lat, lng = point_in(world.desa_in)
    at = timezone.now() - dt.timedelta(minutes=1)
    bad = [
        services.SessionData(occurred_at=at, lat=lat, lng=lng, message_ids=[999999]),
        services.SessionData(occurred_at=at, lat=lat, lng=lng, audience_groups={"alien": 3}),
        services.SessionData(
            occurred_at=at, lat=lat, lng=lng, audience_groups={"pemuda": 5}, audience_total=2
        ),
        services.SessionData(occurred_at=at),
    ]
    for data in bad:
        with pytest.raises(services.InvalidInput):
            services.record_session(actor=world.user_in, patrol=patrol, data=data)
    assert not DialogueSession.objects.exists()


def test_planned_patrol_accepts_no_session(world: World) -> None:
    patrol, _ = services.create_patrol(
        actor=world.user_in, unit=world.unit_in, leader=person(world.user_in)
    )
    lat, lng = point_in(world.desa_in)
    with pytest.raises(services.InvalidInput, match="setelah patroli dimulai"):
        services.record_session(
            actor=world.user_in,
            patrol=patrol,
            data=services.SessionData(occurred_at=timezone.now(), lat=lat, lng=lng),
        )


def test_replay_is_answered_even_when_the_body_no_longer_validates(world: World) -> None:
    """The key is no longer looked up before every write (the unique constraint catches a
    retry); a retry that fails validation now (e.g. the patrol has changed) is still a replay."""
    patrol = started_patrol(world.user_in)
    lat, lng = point_in(world.desa_in)
    at = timezone.now() - dt.timedelta(minutes=9)

    def body(pemuda: int = 3) -> services.SessionData:  # a fresh body per request, as the API
        return services.SessionData(
            occurred_at=at, lat=lat, lng=lng, audience_groups={"pemuda": pemuda}
        )

    key = uuid.uuid4()
    first = services.record_session(
        actor=world.user_in, patrol=patrol, data=body(), idempotency_key=key
    )
    assert not first.replayed
    patrol.actual_start = at + dt.timedelta(minutes=1)  # the stored body would be refused now
    again = services.record_session(
        actor=world.user_in, patrol=patrol, data=body(), idempotency_key=key
    )
    assert again.replayed and again.session.pk == first.session.pk
    with pytest.raises(services.InvalidInput):
        services.record_session(
            actor=world.user_in, patrol=patrol, data=body(), idempotency_key=uuid.uuid4()
        )
    with pytest.raises(services.Conflict):
        services.record_session(
            actor=world.user_in, patrol=patrol, data=body(4), idempotency_key=key
        )
    assert DialogueSession.objects.count() == 1
    assert CoverageDaily.objects.get(desa=world.desa_in).sessions == 1
