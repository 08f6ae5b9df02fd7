"""Test helpers for patrols (used by this app's tests and by apps building on it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from shapely.geometry import shape

from polmas.org.models import Person, Region
from polmas.patrols import services
from polmas.patrols.defaults import ensure_default_catalog
from polmas.patrols.models import DialogueSession, KamtibmasMessage, Patrol


def point_in(desa: Region) -> tuple[float, float]:
    p = shape(desa.boundary).representative_point()  # type: ignore[arg-type]
    return float(p.y), float(p.x)


def person(user: Any) -> Person:
    return Person.objects.get(user=user)


def started_patrol(user: Any, *, minutes_ago: int = 60, **kwargs: Any) -> Patrol:
    """A patrol of the user's unit, started `minutes_ago`."""
    leader = person(user)
    patrol, _ = services.create_patrol(
        actor=user, unit=leader.unit, leader=leader, planned_start=timezone.now(), **kwargs
    )
    return services.transition_patrol(
        actor=user,
        patrol=patrol,
        action="start",
        at=timezone.now() - dt.timedelta(minutes=minutes_ago),
    )


def messages(n: int = 2) -> list[KamtibmasMessage]:
    ensure_default_catalog()
    return list(KamtibmasMessage.objects.order_by("id")[:n])


def add_session(
    user: Any,
    patrol: Patrol,
    desa: Region,
    *,
    minutes_ago: int = 10,
    audience: int = 5,
    message_ids: list[int] | None = None,
    inputs: list[str] | None = None,
    key: Any = None,
    occurred_at: dt.datetime | None = None,
) -> DialogueSession:
    """Record a session; pass ``occurred_at`` to send the very same body twice (a retry)."""
    lat, lng = point_in(desa)
    data = services.SessionData(
        occurred_at=occurred_at or timezone.now() - dt.timedelta(minutes=minutes_ago),
        lat=lat,
        lng=lng,
        accuracy_m=12.0,
        audience_groups={"warga_umum": audience},
        message_ids=message_ids or [],
        inputs=[services.InputItem(t) for t in inputs or []],
    )
    return services.record_session(
        actor=user, patrol=patrol, data=data, idempotency_key=key
    ).session
