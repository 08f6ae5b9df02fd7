"""WhatsApp Cloud API `messages` webhook: envelope -> one RawEvent per message or status,
and a message/status payload -> Inbound. See docs (entry[].changes[].value.messages[])."""

from __future__ import annotations

from typing import Any

from polmas.channels.types.base import Inbound, PayloadError, RawEvent
from polmas.core import jsontext


def split(body: bytes, form: Any) -> list[RawEvent]:
    try:
        data = jsontext.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise PayloadError("malformed JSON") from exc
    if not isinstance(data, dict) or not isinstance(data.get("entry"), list):
        raise PayloadError("not a WhatsApp webhook envelope")
    events: list[RawEvent] = []
    for entry in data["entry"]:
        if not isinstance(entry, dict):
            raise PayloadError("bad entry")
        for change in entry.get("changes") or []:
            if not isinstance(change, dict):
                raise PayloadError("bad change")
            value = change.get("value") or {}
            if not isinstance(value, dict):
                raise PayloadError("bad value")
            contacts = value.get("contacts") or []
            for message in value.get("messages") or []:
                if not isinstance(message, dict) or not message.get("id"):
                    raise PayloadError("message without id")
                sender = str(message.get("from", ""))
                profile = next(
                    (c for c in contacts if isinstance(c, dict) and c.get("wa_id") == sender),
                    contacts[0] if contacts and isinstance(contacts[0], dict) else {},
                )
                events.append(
                    RawEvent(f"msg:{message['id']}", {"message": message, "contact": profile})
                )
            for status in value.get("statuses") or []:
                if not isinstance(status, dict) or not status.get("id"):
                    raise PayloadError("status without id")
                key = f"status:{status['id']}:{status.get('status', '')}"
                events.append(RawEvent(key, {"status": status}))
    return events


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def parse(payload: dict[str, Any]) -> Inbound:
    if "status" in payload:
        status = payload["status"]
        errors = status.get("errors") or []
        code = errors[0].get("code") if errors and isinstance(errors[0], dict) else None
        return Inbound(
            kind="status",
            status=str(status.get("status", "")),
            provider_message_id=str(status.get("id", "")),
            sender_id=str(status.get("recipient_id", "")),
            error_code=int(code) if isinstance(code, int) else None,
        )
    message = payload["message"]
    contact = payload.get("contact") or {}
    sender = str(message.get("from") or contact.get("wa_id") or contact.get("user_id") or "")
    common: dict[str, Any] = {
        "sender_id": sender,
        "phone": sender if sender.isdigit() else "",
        "name": str((contact.get("profile") or {}).get("name", "")),
        "forwarded": bool((message.get("context") or {}).get("forwarded")),
        "original_type": str(message.get("type", "")),
    }
    kind = message.get("type")
    if kind == "text":
        return Inbound(kind="text", text=str((message.get("text") or {}).get("body", "")), **common)
    if kind == "image":
        image = message.get("image") or {}
        size = image.get("file_size")
        return Inbound(
            kind="photo",
            text=str(image.get("caption", "")),
            media_id=str(image.get("id", "")),
            media_size=int(str(size)) if str(size or "").isdigit() else None,
            mime_type=str(image.get("mime_type", "")),
            **common,
        )
    if kind == "location":
        loc = message.get("location") or {}
        label = " ".join(str(loc.get(k, "")) for k in ("name", "address") if loc.get(k))
        return Inbound(
            kind="location",
            lat=_float(loc.get("latitude")),
            lng=_float(loc.get("longitude")),
            text=label,
            **common,
        )
    if kind == "contacts":
        cards = message.get("contacts") or []
        phones = (cards[0].get("phones") or []) if cards and isinstance(cards[0], dict) else []
        number = str(phones[0].get("wa_id") or phones[0].get("phone", "")) if phones else ""
        return Inbound(kind="contact", contact_phone=number, contact_is_self=False, **common)
    if kind == "interactive":
        reply = message.get("interactive") or {}
        chosen = reply.get("button_reply") or reply.get("list_reply") or {}
        return Inbound(kind="text", text=str(chosen.get("title") or chosen.get("id", "")), **common)
    if kind == "button":
        return Inbound(
            kind="text", text=str((message.get("button") or {}).get("text", "")), **common
        )
    return Inbound(kind="unsupported", **common)
