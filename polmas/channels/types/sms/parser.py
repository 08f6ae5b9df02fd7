"""Generic HTTP SMS gateway, inbound form POST (application/x-www-form-urlencoded):

message:  id=<gateway message id>&from=<msisdn>&text=<body>[&secret=...]
status:   type=status&id=<our provider_message_id>&status=delivered|failed
"""

from __future__ import annotations

from typing import Any

from polmas.channels.types.base import Inbound, PayloadError, RawEvent
from polmas.core.jsontext import storable


def _field(form: Any, name: str) -> str:
    """A form field as text; NUL (``%00``), which PostgreSQL cannot store, becomes U+FFFD as in
    the JSON webhooks (:mod:`polmas.core.jsontext`)."""
    value: str = storable(str(form.get(name, "")))
    return value


def split(body: bytes, form: Any) -> list[RawEvent]:
    if form is None:
        raise PayloadError("expected a form body")
    message_id = _field(form, "id").strip()
    if not message_id:
        raise PayloadError("missing id")
    if form.get("type") == "status":
        status = _field(form, "status")
        return [
            RawEvent(
                f"status:{message_id}:{status}",
                {"type": "status", "id": message_id, "status": status},
            )
        ]
    sender = _field(form, "from").strip()
    if not sender:
        raise PayloadError("missing from")
    return [
        RawEvent(
            f"msg:{message_id}",
            {"id": message_id, "from": sender, "text": _field(form, "text")},
        )
    ]


def parse(payload: dict[str, Any]) -> Inbound:
    if payload.get("type") == "status":
        return Inbound(kind="status", status=payload["status"], provider_message_id=payload["id"])
    sender = payload["from"]
    return Inbound(
        kind="text",
        sender_id=sender,
        phone=sender,
        text=payload.get("text", ""),
        original_type="text",
    )
