"""The outbound queue: the single way anything is sent to a resident.

A message is a row (status queued). `send_message(id)` sends it through the vendor client with
per-channel rate limits; retryable failures wait with exponential backoff (and the provider's
retry_after); permanent failures are `failed` with the reason. WhatsApp's 24-hour window: free
text inside it, the channel's approved template outside it, or `failed` with a clear reason
when no template is configured — never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from polmas.channels.models import (
    Broadcast,
    Channel,
    Identity,
    MessageLog,
    OutboundMessage,
    OutboundStatus,
    Purpose,
    ReportLink,
)
from polmas.channels.types import vendor
from polmas.channels.types.base import Outgoing, OutsideWindowError, ProviderError
from polmas.core.jobs import enqueue_atomic, enqueue_missing

logger = logging.getLogger("polmas.channels")

MAX_ATTEMPTS = 8
WINDOW = dt.timedelta(hours=24)
STUCK_AFTER = dt.timedelta(minutes=2)


def _timeout() -> float:
    return float(getattr(settings, "POLMAS_CHANNELS_HTTP_TIMEOUT", 10.0))


def backoff_seconds(attempts: int) -> float:
    base: float = min(2.0 ** max(attempts - 1, 0) * 5.0, 3600.0)
    return base * (0.8 + 0.4 * random.random())


def _enqueue_send(message_id: int, *, run_after: dt.datetime | None = None) -> None:
    from polmas.channels import tasks

    task = (
        tasks.send_outbound if run_after is None else tasks.send_outbound.using(run_after=run_after)
    )
    enqueue_atomic(task, message_id)  # a database queue commits the job with the message


def queue_message(
    identity: Identity,
    text: str,
    *,
    purpose: str = Purpose.REPLY,
    ask_location: bool = False,
    dedupe_key: str | None = None,
    broadcast: Broadcast | None = None,
    tracking_code: str = "",
    log: bool = True,
) -> OutboundMessage:
    if dedupe_key:
        existing = OutboundMessage.objects.filter(dedupe_key=dedupe_key).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            message = OutboundMessage.objects.create(
                channel_id=identity.channel_id,
                identity=identity,
                purpose=purpose,
                body=text,
                ask_location=ask_location,
                dedupe_key=dedupe_key,
                broadcast=broadcast,
                tracking_code=tracking_code,
            )
    except IntegrityError:
        return OutboundMessage.objects.get(dedupe_key=dedupe_key)
    if log:
        conversation = getattr(identity, "conversation", None)
        if conversation is not None:
            MessageLog.objects.create(
                conversation=conversation, direction="out", text=text, outbound=message
            )
    _enqueue_send(message.pk)
    return message


def _claim(message_id: int) -> OutboundMessage | None:
    """Mark a due message as sending (one worker wins), honouring the channel's rate limit."""
    now = timezone.now()
    with transaction.atomic():
        message = (
            OutboundMessage.objects.select_for_update()
            .select_related("channel", "identity", "identity__contact")
            .filter(pk=message_id, status=OutboundStatus.QUEUED)
            .first()
        )
        if message is None:
            return None
        if message.next_attempt_at > now + dt.timedelta(seconds=1):
            _enqueue_send(message.pk, run_after=message.next_attempt_at)
            return None
        channel = message.channel
        recent = OutboundMessage.objects.filter(
            channel=channel, sent_at__gte=now - dt.timedelta(seconds=1)
        ).count()
        if recent >= channel.rate_per_second:
            later = now + dt.timedelta(seconds=1)
            message.next_attempt_at = later
            message.save(update_fields=["next_attempt_at", "updated_at"])
            _enqueue_send(message.pk, run_after=later)
            return None
        message.status = OutboundStatus.SENDING
        message.attempts += 1
        message.sent_at = now  # reserves the rate-limit slot; overwritten on success
        message.save(update_fields=["status", "attempts", "sent_at", "updated_at"])
    return message


def _outgoing(message: OutboundMessage, *, force_template: bool) -> Outgoing | str:
    """What to send, or an error text when WhatsApp's window is closed and no template exists."""
    channel = message.channel
    spec = vendor(channel.kind)
    text = message.body
    if spec.needs_window:
        last = message.identity.last_inbound_at
        outside = force_template or last is None or timezone.now() - last > WINDOW
        if outside:
            templates: dict[str, Any] = (channel.config or {}).get("templates", {})
            name = templates.get(message.purpose) or templates.get("default")
            if not name:
                return (
                    "Di luar jendela 24 jam WhatsApp dan belum ada template yang disetujui "
                    f"untuk '{message.purpose}'."
                )
            language = str((channel.config or {}).get("template_language", "id"))
            return Outgoing(
                to=message.identity.external_id,
                text=text,
                template_name=str(name),
                template_language=language,
            )
    return Outgoing(to=message.identity.external_id, text=text, ask_location=message.ask_location)


def _finish(message: OutboundMessage, **fields: Any) -> None:
    for key, value in fields.items():
        setattr(message, key, value)
    message.save(update_fields=[*fields, "updated_at"])


def send_message(message_id: int) -> str:
    """Send one queued message. Returns the resulting status."""
    message = _claim(message_id)
    if message is None:
        return "not-due"
    channel = message.channel
    if not channel.is_active:
        _finish(
            message, status=OutboundStatus.FAILED, last_error="Kanal tidak aktif.", sent_at=None
        )
        return message.status
    spec = vendor(channel.kind)
    client = spec.client(channel.api_base, channel.secrets or {}, _timeout())
    force_template = False
    for _round in range(2):
        outgoing = _outgoing(message, force_template=force_template)
        if isinstance(outgoing, str):
            logger.warning("outbound %s not sent: %s", message.pk, outgoing)
            _finish(message, status=OutboundStatus.FAILED, last_error=outgoing, sent_at=None)
            return message.status
        try:
            result = client.send(outgoing)
        except OutsideWindowError as exc:
            if force_template:
                _finish(message, status=OutboundStatus.FAILED, last_error=str(exc), sent_at=None)
                return message.status
            force_template = True
            continue
        except ProviderError as exc:
            if exc.retryable and message.attempts < MAX_ATTEMPTS:
                delay = max(exc.retry_after or 0.0, backoff_seconds(message.attempts))
                when = timezone.now() + dt.timedelta(seconds=delay)
                _finish(
                    message,
                    status=OutboundStatus.QUEUED,
                    next_attempt_at=when,
                    last_error=str(exc)[:500],
                    sent_at=None,
                )
                _enqueue_send(message.pk, run_after=when)
            else:
                logger.warning("outbound %s failed: %s", message.pk, exc)
                _finish(
                    message, status=OutboundStatus.FAILED, last_error=str(exc)[:500], sent_at=None
                )
            return message.status
        _finish(
            message,
            status=OutboundStatus.SENT,
            provider_message_id=result.provider_message_id,
            template_name=outgoing.template_name,
            sent_at=timezone.now(),
            status_at=timezone.now(),
            last_error="",
        )
        if channel.kind == "web":
            _finish(message, status=OutboundStatus.DELIVERED)
        return message.status
    return message.status


STATUS_ORDER = {
    OutboundStatus.SENT: 1,
    OutboundStatus.DELIVERED: 2,
    OutboundStatus.READ: 3,
}


def record_delivery_status(
    channel: Channel, provider_message_id: str, status: str, error: str = ""
) -> bool:
    """A provider's delivery receipt (sent/delivered/read/failed). Never moves backwards."""
    message = OutboundMessage.objects.filter(
        channel=channel, provider_message_id=provider_message_id
    ).first()
    if message is None or not provider_message_id:
        return False
    mapping = {
        "sent": OutboundStatus.SENT,
        "delivered": OutboundStatus.DELIVERED,
        "read": OutboundStatus.READ,
        "failed": OutboundStatus.FAILED,
    }
    new = mapping.get(status)
    if new is None:
        return False
    if new != OutboundStatus.FAILED and STATUS_ORDER.get(new, 0) <= STATUS_ORDER.get(
        OutboundStatus(message.status), 0
    ):
        return True
    _finish(message, status=new, status_at=timezone.now(), last_error=error or message.last_error)
    return True


def notify_reporter(*, tracking_code: str, text: str, dedupe_key: str) -> OutboundMessage | None:
    """Queue a case update for the resident who reported `tracking_code`, on the channel they
    used. Residents who sent BERHENTI get nothing (the row is kept as `skipped`)."""
    link = (
        ReportLink.objects.select_related("identity", "identity__contact")
        .filter(tracking_code=tracking_code)
        .first()
    )
    if link is None:
        return None
    message = queue_message(
        link.identity,
        text,
        purpose=Purpose.NOTIFICATION,
        dedupe_key=dedupe_key,
        tracking_code=tracking_code,
    )
    if link.identity.contact.opted_out and message.status == OutboundStatus.QUEUED:
        _finish(
            message, status=OutboundStatus.SKIPPED, last_error="Warga telah berhenti berlangganan."
        )
    return message


def deliver_case_messages(limit: int = 200) -> int:
    """Pull pending reporter notifications from the case backend and queue them."""
    from polmas.channels.services.backends import case_backend

    backend = case_backend()
    count = 0
    for item in backend.pending_case_messages(limit):
        message = notify_reporter(
            tracking_code=item.tracking_code, text=item.text, dedupe_key=f"case-message:{item.id}"
        )
        backend.mark_case_message(
            item.id,
            queued=message is not None,
            note="" if message is not None else "Pelapor tidak terhubung ke kanal warga.",
        )
        count += message is not None
    return count


def flush_due(limit: int = 1000) -> int:
    """Re-enqueue due queued messages that have no send job waiting, and release messages
    stuck in `sending` by a killed worker (at-least-once: such a message may reach the provider
    twice). A message whose job is still in the queue is left to it: during a surge the sweep
    would otherwise add a job per queued message on every run."""
    from polmas.channels import tasks

    now = timezone.now()
    OutboundMessage.objects.filter(
        status=OutboundStatus.SENDING, updated_at__lt=now - STUCK_AFTER
    ).update(status=OutboundStatus.QUEUED, next_attempt_at=now, sent_at=None)
    due = (
        OutboundMessage.objects.filter(status=OutboundStatus.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("id", flat=True)
    )
    queued = enqueue_missing(
        tasks.send_outbound, due.iterator(), running_since=now - STUCK_AFTER, limit=limit
    )
    return len(queued)
