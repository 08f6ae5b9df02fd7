"""The public web form posts to the same webhook path as the providers:

session=<uuid kept in the browser>&submission=<uuid per submit>&text=...&lat=&lng=&anonim=1
and, as multipart, an optional `photo`: the webhook checks and stores it and adds
`payload["photo"] = {"path","sha256","size","mime_type"}` to the event (see services/media.py).
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from typing import Any

from polmas.channels.types.base import Inbound, PayloadError, RawEvent, Verification
from polmas.core.jsontext import storable

MAX_TEXT = 4000
LIMITS = {"lat": 90.0, "lng": 180.0}


def _uuid(value: Any) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError as exc:
        raise PayloadError("bad id") from exc


def verify(
    headers: Mapping[str, str], body: bytes, form: Any, secrets: Mapping[str, str]
) -> Verification:
    return Verification(True)  # public form; identity is the browser's session id


def split(body: bytes, form: Any) -> list[RawEvent]:
    if form is None:
        raise PayloadError("expected a form body")
    session = _uuid(form.get("session"))
    submission = _uuid(form.get("submission"))
    # NUL (PostgreSQL cannot store it) becomes U+FFFD, as in JSON webhooks
    text = storable(str(form.get("text", "")).strip())
    if not text or len(text) > MAX_TEXT:
        raise PayloadError("text missing or too long")
    payload: dict[str, Any] = {
        "session": session,
        "text": text,
        "anonim": form.get("anonim") == "1",
    }
    for key, limit in LIMITS.items():
        raw = str(form.get(key, "")).strip()
        if raw:
            try:
                value = float(raw)
            except ValueError as exc:
                raise PayloadError(f"bad {key}") from exc
            # nan/inf cannot be stored as JSON; a point off the globe is no place
            if not math.isfinite(value) or abs(value) > limit:
                raise PayloadError(f"bad {key}")
            payload[key] = value
    return [RawEvent(f"form:{submission}", payload)]


def parse(payload: dict[str, Any]) -> Inbound:
    anonymous = " #anonim" if payload.get("anonim") else ""
    photo = payload.get("photo") or {}
    if photo.get("path"):
        return Inbound(
            kind="photo",
            sender_id=payload["session"],
            text=payload["text"] + anonymous,
            lat=payload.get("lat"),
            lng=payload.get("lng"),
            media_id=str(photo["path"]),
            media_size=int(photo.get("size") or 0),
            mime_type=str(photo.get("mime_type", "")),
            original_type="form",
        )
    return Inbound(
        kind="text",
        sender_id=payload["session"],
        text=payload["text"] + anonymous,
        lat=payload.get("lat"),
        lng=payload.get("lng"),
        original_type="form",
    )
