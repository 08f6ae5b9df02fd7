from __future__ import annotations

from typing import Any

from django.test import Client

from polmas.channels.models import InboundEvent, OutboundMessage, OutboundStatus
from polmas.channels.services.inbound import process_event
from polmas.channels.services.outbound import deliver_case_messages, send_message


def drain() -> None:
    """Process stored events and send queued messages through the services (no worker)."""
    for _round in range(3):
        deliver_case_messages()  # what the job queued by a new case message does
        for event_id in InboundEvent.objects.filter(processed_at__isnull=True).values_list(
            "id", flat=True
        ):
            process_event(event_id)
        for message_id in OutboundMessage.objects.filter(status=OutboundStatus.QUEUED).values_list(
            "id", flat=True
        ):
            send_message(message_id)


def post_json(client: Client, path: str, body: bytes, headers: dict[str, str]) -> Any:
    return client.generic("POST", path, body, content_type="application/json", headers=headers)
