"""Outbound messages to the reporter: an outbox the channels app delivers later.

`notify_reporter` records a `CaseMessage` on the case and on every case merged into it, so a
merged case's reporter still gets the answers. Web-channel messages are simply shown on the
tracking page (status `shown`); WhatsApp/Telegram/SMS/Open311 ones wait as `pending`.
"""

from __future__ import annotations

from typing import Any

from polmas.aspirations.models import (
    Case,
    CaseMessage,
    Channel,
    DeliveryStatus,
    MessageKind,
)


def _status_for(channel: str) -> str:
    if channel == Channel.WEB:
        return DeliveryStatus.SHOWN
    if channel == Channel.NONE:
        return DeliveryStatus.NONE
    return DeliveryStatus.PENDING


def notify_reporter(
    case: Case,
    text: str,
    *,
    author: Any = None,
    kind: str = MessageKind.PUBLIC_REPLY,
    include_merged: bool = True,
) -> CaseMessage:
    """Send `text` to the case's reporter (and the reporters of cases merged into it)."""
    user = author if getattr(author, "is_authenticated", False) else None
    message = CaseMessage.objects.create(
        case=case,
        kind=kind,
        text=text,
        author=user,
        channel=case.reply_channel,
        delivery_status=_status_for(case.reply_channel),
    )
    if not include_merged:
        return message
    # No ordering: with the model's default (-created_at) SQLite walks the whole created_at
    # index instead of the merged_into one (this alone made intake O(table size)).
    merged_cases = Case.objects.filter(merged_into=case).order_by().only("id", "reply_channel")
    for merged in merged_cases:
        CaseMessage.objects.create(
            case=merged,
            kind=kind,
            text=text,
            author=user,
            channel=merged.reply_channel,
            delivery_status=_status_for(merged.reply_channel),
        )
    return message


def pending_outbox(channel: str) -> list[CaseMessage]:
    """Messages waiting for the channels app (it marks them sent/delivered/failed)."""
    return list(
        CaseMessage.objects.filter(channel=channel, delivery_status=DeliveryStatus.PENDING)
        .select_related("case")
        .order_by("id")
    )
