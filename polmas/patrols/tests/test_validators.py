from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone, translation

from polmas.core.formatting import WIB
from polmas.org.testing import World
from polmas.patrols import services
from polmas.patrols.models import Patrol
from polmas.patrols.testing import person, point_in, started_patrol
from polmas.patrols.validators import EARLIEST, MAX_AHEAD, check_moment, date_in_range

FAR_EAST = dt.timezone(dt.timedelta(hours=23, minutes=59))


def test_check_moment_returns_utc_within_the_bounds() -> None:
    at = dt.datetime(2026, 1, 2, 8, 0, tzinfo=FAR_EAST)
    assert check_moment(at) == at and check_moment(at).utcoffset() == dt.timedelta(0)
    assert check_moment(EARLIEST) == EARLIEST
    assert check_moment(timezone.now() + MAX_AHEAD - dt.timedelta(minutes=1))
    with pytest.raises(ValueError, match="Waktu"):
        check_moment(timezone.now() + MAX_AHEAD + dt.timedelta(minutes=1))


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2026, 1, 1, 8, 0),  # naive
        dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=8))),  # year 0 in UTC
        dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC),
        EARLIEST - dt.timedelta(seconds=1),
    ],
)
def test_check_moment_refuses_naive_and_out_of_range(value: dt.datetime) -> None:
    with pytest.raises(ValueError, match="Waktu"):
        check_moment(value)


def test_date_in_range() -> None:
    assert date_in_range(timezone.localdate()) and date_in_range(dt.date(2000, 1, 1))
    assert not date_in_range(dt.date(1, 1, 1)) and not date_in_range(dt.date(9999, 12, 31))
    assert not date_in_range(dt.date(1999, 12, 31))
    # Dates are WIB calendar days: from 17:00 UTC on, the UTC date is a day behind WIB's.
    latest = timezone.localdate(timezone.now() + MAX_AHEAD, WIB)
    assert date_in_range(latest)
    assert not date_in_range(latest + dt.timedelta(days=1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2026, 1, 1, 8, 0),
        dt.datetime(1, 1, 1, tzinfo=WIB),
        dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    ],
)
def test_services_refuse_what_the_schemas_and_forms_refuse(
    world: World, value: dt.datetime
) -> None:
    """The services guard callers that skip the schemas and forms: InvalidInput, not a 500."""
    user = world.user_in
    leader = person(user)
    patrol = started_patrol(user)
    planned, _ = services.create_patrol(actor=user, unit=leader.unit, leader=leader)
    count = Patrol.objects.count()
    lat, lng = point_in(world.desa_in)
    calls: list[Callable[[], object]] = [
        lambda: services.create_patrol(
            actor=user, unit=leader.unit, leader=leader, planned_start=value
        ),
        lambda: services.update_patrol(actor=user, patrol=planned, planned_end=value),
        lambda: services.transition_patrol(actor=user, patrol=planned, action="start", at=value),
        lambda: services.transition_patrol(actor=user, patrol=patrol, action="end", at=value),
        lambda: services.record_session(
            actor=user,
            patrol=patrol,
            data=services.SessionData(occurred_at=value, lat=lat, lng=lng),
            idempotency_key=None,
        ),
    ]
    for call in calls:
        with pytest.raises(services.InvalidInput):
            call()
    assert Patrol.objects.count() == count and not patrol.sessions.exists()
    planned.refresh_from_db()
    assert planned.planned_end is None and planned.actual_start is None


def test_messages_follow_the_request_language() -> None:
    with translation.override("en"), pytest.raises(ValueError, match="time zone"):
        check_moment(dt.datetime(2026, 1, 1, 8, 0))
    with translation.override("id"), pytest.raises(ValueError, match="zona waktu"):
        check_moment(dt.datetime(2026, 1, 1, 8, 0))
