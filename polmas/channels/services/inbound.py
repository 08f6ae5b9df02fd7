"""Inbound: store raw events before acknowledging, process them later in a job.

`accept_events` runs in the webhook (one short transaction: insert events, enqueue jobs).
`process_event` runs in the worker: idempotent, the event row is locked and marked processed in
the same transaction that changes state, so a killed worker leaves the event unprocessed (and
`recover_unprocessed` re-enqueues it) and a repeated job finds it already processed.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from polmas.channels.models import Channel, Conversation, InboundEvent
from polmas.channels.services import contacts
from polmas.channels.services.conversation import Dialogue
from polmas.channels.services.outbound import record_delivery_status
from polmas.channels.types import vendor
from polmas.channels.types.base import RawEvent
from polmas.core.jobs import enqueue_on_commit

logger = logging.getLogger("polmas.channels")


def accept_events(channel: Channel, events: list[RawEvent]) -> tuple[int, int]:
    """Store new events and enqueue their processing. Returns (new, duplicates)."""
    from polmas.channels import tasks

    new = duplicates = 0
    with transaction.atomic():
        for raw in events:
            try:
                with transaction.atomic():
                    event = InboundEvent.objects.create(
                        channel=channel, dedupe_key=raw.dedupe_key[:160], payload=raw.payload
                    )
            except IntegrityError:
                duplicates += 1
                continue
            new += 1
            enqueue_on_commit(tasks.process_inbound, event.pk)
    return new, duplicates


def process_event(event_id: int) -> str:
    with transaction.atomic():
        event = (
            InboundEvent.objects.select_for_update()
            .select_related("channel", "channel__unit")
            .filter(pk=event_id)
            .first()
        )
        if event is None or event.processed_at is not None:
            return "already-processed"
        channel = event.channel
        msg = vendor(channel.kind).parse(event.payload)
        if msg.kind == "status":
            if msg.provider_message_id:
                record_delivery_status(channel, msg.provider_message_id, msg.status)
            outcome = f"status_{msg.status or 'ignored'}"[:40]
        elif not msg.sender_id:
            outcome = "no_sender"
        else:
            identity = contacts.resolve_identity(
                channel, msg.sender_id, phone=msg.phone, name=msg.name
            )
            contacts.touch_inbound(identity)
            conversation, _ = Conversation.objects.get_or_create(
                identity=identity, defaults={"channel": channel}
            )
            identity.conversation = conversation
            outcome = Dialogue(channel, identity, conversation, event).handle(msg)
        event.processed_at = timezone.now()
        event.outcome = outcome[:40]
        event.save(update_fields=["processed_at", "outcome"])
    return outcome


def recover_unprocessed(older_than: dt.timedelta = dt.timedelta(minutes=1)) -> int:
    """Re-enqueue events a killed worker left unprocessed (processing is idempotent)."""
    from polmas.channels import tasks

    cutoff = timezone.now() - older_than
    ids = list(
        InboundEvent.objects.filter(processed_at__isnull=True, received_at__lte=cutoff)
        .order_by("id")
        .values_list("id", flat=True)
    )
    with transaction.atomic():
        for event_id in ids:
            enqueue_on_commit(tasks.process_inbound, event_id)
    return len(ids)
