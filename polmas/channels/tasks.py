"""Background jobs (django-tasks). Each takes ids and is idempotent."""

from __future__ import annotations

import datetime as dt

from django_tasks import task


@task()
def process_inbound(event_id: int) -> str:
    from polmas.channels.services.inbound import process_event

    return process_event(event_id)


# Replies jump the queue: during a surge a resident's answer (the tracking code) goes out as soon
# as it is written, not after every inbound event queued before it.
@task(priority=10)
def send_outbound(message_id: int) -> str:
    from polmas.channels.services.outbound import send_message

    return send_message(message_id)


@task()
def deliver_case_messages() -> int:
    from polmas.channels.services.outbound import deliver_case_messages as deliver

    return deliver()


@task()
def tick(recover_after_seconds: int = 60) -> dict[str, int]:
    """Periodic housekeeping: release stuck sends, re-enqueue due messages and unprocessed
    events, pull case notifications."""
    from polmas.channels.services.inbound import recover_unprocessed
    from polmas.channels.services.outbound import deliver_case_messages as deliver
    from polmas.channels.services.outbound import flush_due

    return {
        "recovered_events": recover_unprocessed(dt.timedelta(seconds=recover_after_seconds)),
        "case_messages": deliver(),
        "due_messages": flush_due(),
    }
