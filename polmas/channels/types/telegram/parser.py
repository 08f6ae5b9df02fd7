"""Telegram Bot API `Update` -> RawEvent (keyed by update_id) -> Inbound."""

from __future__ import annotations

from typing import Any

from polmas.channels.types.base import Inbound, PayloadError, RawEvent
from polmas.core import jsontext


def split(body: bytes, form: Any) -> list[RawEvent]:
    try:
        data = jsontext.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PayloadError("malformed JSON") from exc
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        raise PayloadError("not a Telegram Update")
    return [RawEvent(f"update:{data['update_id']}", data)]


def parse(update: dict[str, Any]) -> Inbound:
    message = update.get("message") or update.get("edited_message")
    if not isinstance(message, dict):
        return Inbound(kind="status", status="ignored")
    chat = message.get("chat") or {}
    sender = message.get("from") or {}
    if chat.get("type", "private") != "private":
        return Inbound(kind="status", status="ignored")
    name = " ".join(str(sender.get(k, "")) for k in ("first_name", "last_name") if sender.get(k))
    common: dict[str, Any] = {
        "sender_id": str(chat.get("id", "")),
        "name": name,
        "forwarded": any(
            k in message
            for k in ("forward_origin", "forward_from", "forward_date", "forward_from_chat")
        ),
    }
    if "text" in message:
        return Inbound(kind="text", text=str(message["text"]), original_type="text", **common)
    if "location" in message:
        loc = message["location"] or {}
        return Inbound(
            kind="location",
            lat=float(loc["latitude"]) if "latitude" in loc else None,
            lng=float(loc["longitude"]) if "longitude" in loc else None,
            original_type="location",
            **common,
        )
    if "venue" in message:
        venue = message["venue"] or {}
        loc = venue.get("location") or {}
        return Inbound(
            kind="location",
            lat=loc.get("latitude"),
            lng=loc.get("longitude"),
            text=str(venue.get("title", "")),
            original_type="venue",
            **common,
        )
    if "photo" in message:
        sizes = [p for p in message["photo"] or [] if isinstance(p, dict)]
        best = max(sizes, key=lambda p: p.get("file_size") or p.get("width", 0)) if sizes else {}
        return Inbound(
            kind="photo",
            text=str(message.get("caption", "")),
            media_id=str(best.get("file_id", "")),
            media_size=best.get("file_size"),
            mime_type="image/jpeg",
            original_type="photo",
            **common,
        )
    if "contact" in message:
        card = message["contact"] or {}
        return Inbound(
            kind="contact",
            contact_phone=str(card.get("phone_number", "")),
            contact_is_self=card.get("user_id") is not None
            and card.get("user_id") == sender.get("id"),
            original_type="contact",
            **common,
        )
    kinds = [k for k in message if k not in {"message_id", "from", "chat", "date"}]
    return Inbound(kind="unsupported", original_type=kinds[0] if kinds else "", **common)
