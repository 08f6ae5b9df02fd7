"""Objects inside and outside the acting user's scope, made once per world."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.utils import timezone

from polmas.org.testing import Where, World
from polmas.patrols import services
from polmas.patrols.defaults import ensure_default_catalog
from polmas.patrols.models import Campaign, DialogueSession, KamtibmasMessage, Patrol
from polmas.patrols.testing import add_session, point_in, started_patrol


def patrol(world: World, where: Where) -> Patrol:
    key = f"patrol_{where}"
    if key not in world.objects:
        ensure_default_catalog()
        user = world.user_in if where == "in" else world.user_out
        world.objects[key] = started_patrol(user)
    return world.objects[key]  # type: ignore[no-any-return]


def planned_patrol(world: World, where: Where) -> Patrol:
    key = f"planned_{where}"
    if key not in world.objects:
        user = world.user_in if where == "in" else world.user_out
        leader = user.person
        world.objects[key] = services.create_patrol(actor=user, unit=leader.unit, leader=leader)[0]
    return world.objects[key]  # type: ignore[no-any-return]


def session(world: World, where: Where) -> DialogueSession:
    key = f"session_{where}"
    if key not in world.objects:
        user = world.user_in if where == "in" else world.user_out
        world.objects[key] = add_session(user, patrol(world, where), world.desa(where))
    return world.objects[key]  # type: ignore[no-any-return]


def campaign(world: World, where: Where) -> Campaign:
    key = f"campaign_{where}"
    if key not in world.objects:
        ensure_default_catalog()
        user = world.user_in if where == "in" else world.user_out
        today = timezone.localdate()
        world.objects[key] = services.create_campaign(
            actor=user,
            unit=world.unit(where),
            name=f"Kampanye {where}",
            starts_on=today - dt.timedelta(days=3),
            ends_on=today + dt.timedelta(days=30),
            messages=list(KamtibmasMessage.objects.order_by("id")[:3]),
        )
    return world.objects[key]  # type: ignore[no-any-return]


def session_body(world: World, where: Where, **extra: Any) -> dict[str, Any]:
    lat, lng = point_in(world.desa(where))
    message = KamtibmasMessage.objects.order_by("id").first()
    body = {
        "idempotency_key": str(uuid.uuid4()),
        "occurred_at": (timezone.now() - dt.timedelta(minutes=5)).isoformat(),
        "lat": lat,
        "lng": lng,
        "accuracy_m": 8.5,
        "audience_groups": {"tokoh_masyarakat": 2, "pemuda": 6},
        "message_ids": [message.pk] if message else [],
        "inputs": [
            {"text": "Lampu jalan di gang mati", "kind": "keluhan"},
            {"text": "Minta ronda malam dihidupkan", "kind": "aspirasi"},
        ],
        "quotes": [{"speaker": "Pak Kuwu", "text": "Kami siap menjaga desa tetap kondusif."}],
    }
    body.update(extra)
    return body


def message(world: World, where: Where) -> KamtibmasMessage:
    key = f"message_{where}"
    if key not in world.objects:
        user = world.user_in if where == "in" else world.user_out
        world.objects[key] = services.create_message(
            actor=user,
            unit=world.unit(where),
            title=f"Pesan {where}",
            text="Jaga keamanan lingkungan bersama.",
            topic="ketertiban",
        )
    return world.objects[key]  # type: ignore[no-any-return]


def message_body(world: World, where: Where) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "unit": world.unit(where).pk,
        "title": "Waspada hoaks pilkada",
        "topic": "hoaks",
        "text": "Cek dulu sebelum membagikan kabar.",
        "valid_from": today.isoformat(),
        "valid_until": (today + dt.timedelta(days=30)).isoformat(),
    }


def campaign_body(world: World, where: Where) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "unit": world.unit(where).pk,
        "name": "Pemilu Damai",
        "description": "",
        "starts_on": today.isoformat(),
        "ends_on": (today + dt.timedelta(days=14)).isoformat(),
        "messages": [message(world, where).pk],
        "areas": [world.desa(where).parent_id],
    }
