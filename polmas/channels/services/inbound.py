"""Inbound: store raw events before acknowledging, process them later in a job.

`accept_events` runs in the webhook (one short transaction: one INSERT for the events, one
job row per new event, one commit).
`process_event` runs in the worker: idempotent, the event row is locked and marked processed in
the same transaction that changes state, so a killed worker leaves the event unprocessed (and
`recover_unprocessed` re-enqueues it) and a repeated job finds it already processed. An attempt
that raises is rolled back and counted on the event, with its error; after
`MAX_EVENT_ATTEMPTS` the event is marked `failed` and no longer re-enqueued, so one event that
cannot be processed is not retried every minute for ever.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import (
    DatabaseError,
    InterfaceError,
    OperationalError,
    connection,
    transaction,
)
from django.db.models import F
from django.utils import timezone

from polmas.channels.models import Channel, Conversation, Identity, InboundEvent
from polmas.channels.services import contacts
from polmas.channels.services.conversation import Dialogue
from polmas.channels.services.outbound import record_delivery_status
from polmas.channels.types import vendor
from polmas.channels.types.base import RawEvent
from polmas.core.jobs import enqueue_many_atomic, enqueue_missing, jobs_from_cte_sql

logger = logging.getLogger("polmas.channels")

MAX_EVENT_ATTEMPTS = 5
FAILED = "failed"
SENDER_ID_MAX: int = Identity._meta.get_field("external_id").max_length or 64


def accept_events(channel: Channel, events: list[RawEvent]) -> tuple[int, int]:
    """Store new events and enqueue their processing. Returns (new, duplicates).

    One transaction, one commit: a single `INSERT ... ON CONFLICT DO NOTHING RETURNING id` for
    all the events (a redelivered key returns no row), then one job row per new event in the
    same transaction, written by one INSERT (`enqueue_many_atomic`; after commit for other
    queues). On PostgreSQL both INSERTs are one statement (`jobs_from_cte_sql`): one round trip,
    committed on its own outside a transaction, atomic as any single statement is."""
    from polmas.channels import tasks

    if not events:
        return 0, 0
    keys: dict[str, RawEvent] = {}
    for raw in events:
        keys.setdefault(raw.dedupe_key[:160], raw)  # a key repeated in one body counts once
    payload = InboundEvent._meta.get_field("payload")
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params: list[Any] = []
    for key, raw in keys.items():
        params += [channel.pk, key, payload.get_db_prep_save(raw.payload, connection), now, "", ""]
    table = connection.ops.quote_name(InboundEvent._meta.db_table)
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(keys))
    columns = "channel_id, dedupe_key, payload, received_at, outcome, error"
    # Identifiers from the model, values as parameters.
    sql = f"INSERT INTO {table} ({columns}) VALUES {values} "  # noqa: S608
    sql += "ON CONFLICT (channel_id, dedupe_key) DO NOTHING RETURNING id"
    one_statement = jobs_from_cte_sql(tasks.process_inbound, "new_events")
    if one_statement is not None:  # PostgreSQL: events and jobs in one statement, one commit
        jobs_sql, jobs_params = one_statement
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH new_events AS ({sql}) {jobs_sql} RETURNING 1", params + jobs_params
            )
            new = len(cursor.fetchall())
        return new, len(events) - new
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ids = sorted(row[0] for row in cursor.fetchall())
        enqueue_many_atomic(tasks.process_inbound, [(event_id,) for event_id in ids])
    return len(ids), len(events) - len(ids)


def process_event(event_id: int) -> str:
    """Process one stored event (see the module docstring); returns its outcome."""
    try:
        return _process_event(event_id)
    except (OperationalError, InterfaceError):
        raise  # the database was busy or gone, not the event's fault: retried, not counted
    except Exception as exc:
        _record_failure(event_id, exc)
        raise


def _record_failure(event_id: int, exc: Exception) -> None:
    """Count a failed attempt (its transaction was rolled back) and keep its error."""
    error = f"{exc.__class__.__name__}: {exc}"[:2000]
    try:
        InboundEvent.objects.filter(pk=event_id, processed_at__isnull=True).update(
            attempts=F("attempts") + 1, error=error
        )
        given_up = InboundEvent.objects.filter(
            pk=event_id, processed_at__isnull=True, attempts__gte=MAX_EVENT_ATTEMPTS
        ).update(outcome=FAILED)
    except DatabaseError:
        logger.exception("inbound event %s: could not record a failed attempt", event_id)
        return
    logger.error(
        "inbound event %s: processing failed%s: %s",
        event_id,
        f" {MAX_EVENT_ATTEMPTS} times, given up" if given_up else "",
        error,
    )


def _process_event(event_id: int) -> str:
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
        elif len(msg.sender_id) > SENDER_ID_MAX:
            outcome = "bad_sender"  # no provider's id is this long; storing it would fail
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
    """Re-enqueue events a killed worker left unprocessed (processing is idempotent). Events
    whose job still waits in the queue (or has been running for less than `older_than`) are
    left to it: a backed-up queue is not doubled on every sweep."""
    from polmas.channels import tasks

    cutoff = timezone.now() - older_than
    unprocessed = (
        InboundEvent.objects.filter(
            processed_at__isnull=True, received_at__lte=cutoff, attempts__lt=MAX_EVENT_ATTEMPTS
        )
        .order_by("id")
        .values_list("id", flat=True)
    )
    return len(enqueue_missing(tasks.process_inbound, unprocessed.iterator(), running_since=cutoff))
