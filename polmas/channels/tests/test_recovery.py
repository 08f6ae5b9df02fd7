"""The cron sweep re-enqueues events a killed worker left behind, and only those: an event whose
job still waits in the queue is not given a second job on every sweep."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from polmas.channels import tasks
from polmas.channels.models import Identity, InboundEvent, OutboundMessage, OutboundStatus
from polmas.channels.services.contacts import resolve_identity
from polmas.channels.services.inbound import (
    MAX_EVENT_ATTEMPTS,
    accept_events,
    process_event,
    recover_unprocessed,
)
from polmas.channels.services.outbound import flush_due, queue_message
from polmas.channels.services.setup import create_channel
from polmas.channels.types.base import RawEvent
from polmas.org.testing import World

pytestmark = pytest.mark.django_db
NOW = dt.timedelta(0)


def _jobs_for(event_id: int) -> list[Any]:
    jobs = DBTaskResult.objects.filter(task_path__endswith="process_inbound")
    return [j for j in jobs if j.args_kwargs["args"] == [event_id]]


def test_sweep_skips_queued_events_and_recovers_abandoned_ones(world: World) -> None:
    channel = create_channel(actor=None, unit=world.unit_in, kind="telegram")
    accept_events(channel, [RawEvent(f"update:{i}", {"update_id": i}) for i in range(4)])
    waiting, dead, failed, done = InboundEvent.objects.filter(channel=channel).order_by("id")
    assert recover_unprocessed(NOW) == 0  # every event still has its job in the queue

    # A worker claimed `dead` an hour ago and was killed; `failed`'s job ended without it.
    (job,) = _jobs_for(dead.pk)
    job.status, job.started_at = TaskResultStatus.RUNNING, timezone.now() - dt.timedelta(hours=1)
    job.save()
    (job,) = _jobs_for(failed.pk)
    job.status = TaskResultStatus.FAILED
    job.save()
    InboundEvent.objects.filter(pk=done.pk).update(processed_at=timezone.now())

    assert recover_unprocessed(NOW) == 2
    assert [len(_jobs_for(e.pk)) for e in (waiting, dead, failed, done)] == [1, 2, 2, 1]
    assert recover_unprocessed(NOW) == 0  # the new jobs are waiting: nothing doubled
    # A job running for less than the sweep's age is a live worker's: left alone.
    (job,) = [j for j in _jobs_for(waiting.pk)]
    job.status, job.started_at = TaskResultStatus.RUNNING, timezone.now()
    job.save()
    assert recover_unprocessed(dt.timedelta(minutes=1)) == 0


def test_replies_are_taken_before_queued_inbound_events() -> None:
    tasks.process_inbound.enqueue(101)
    tasks.process_inbound.enqueue(102)
    tasks.send_outbound.enqueue(7)  # queued last, e.g. the reply to an event processed just now
    with transaction.atomic():
        first = DBTaskResult.objects.ready().get_locked()
    assert first is not None and first.task_path.endswith("send_outbound")
    assert first.args_kwargs["args"] == [7]


def test_due_sweep_skips_messages_whose_send_job_waits(world: World) -> None:
    channel = create_channel(actor=None, unit=world.unit_in, kind="telegram")
    identity = resolve_identity(channel, "42", phone="", name="Warga")
    waiting, lost = (queue_message(identity, f"balasan {i}", log=False) for i in range(2))
    assert len(_send_jobs(waiting.pk)) == len(_send_jobs(lost.pk)) == 1
    for job in _send_jobs(lost.pk):  # its job ended without sending (e.g. the worker was killed)
        job.status = TaskResultStatus.FAILED
        job.save()
    assert OutboundMessage.objects.filter(status=OutboundStatus.QUEUED).count() == 2
    assert flush_due() == 1  # only the message without a waiting job
    assert (len(_send_jobs(waiting.pk)), len(_send_jobs(lost.pk))) == (1, 2)
    assert flush_due() == 0  # sweeping again adds nothing


def _send_jobs(message_id: int) -> list[Any]:
    jobs = DBTaskResult.objects.filter(task_path__endswith="send_outbound")
    return [j for j in jobs if j.args_kwargs["args"] == [message_id]]


def test_an_event_that_keeps_failing_is_given_up_with_its_error(world: World) -> None:
    """Each failed attempt is rolled back, counted and its error kept; after
    MAX_EVENT_ATTEMPTS the sweep stops re-enqueueing it (it used to be retried every minute)."""
    channel = create_channel(actor=None, unit=world.unit_in, kind="telegram")
    # the webhook only checks update_id; a chat that is not an object makes parsing raise
    accept_events(channel, [RawEvent("update:1", {"update_id": 1, "message": {"chat": ["x"]}})])
    event = InboundEvent.objects.get(channel=channel)
    for attempt in range(1, MAX_EVENT_ATTEMPTS + 1):
        with pytest.raises(AttributeError):
            process_event(event.pk)
        event.refresh_from_db()
        assert event.attempts == attempt and event.processed_at is None
        assert event.error.startswith("AttributeError: ")
        assert event.outcome == ("failed" if attempt == MAX_EVENT_ATTEMPTS else "")
        DBTaskResult.objects.all().delete()  # as if the failed job had been cleaned up
        assert recover_unprocessed(NOW) == (0 if attempt == MAX_EVENT_ATTEMPTS else 1)


def test_an_over_long_sender_id_is_refused_not_retried(world: World) -> None:
    channel = create_channel(actor=None, unit=world.unit_in, kind="telegram")
    update = {
        "update_id": 2,
        "message": {
            "message_id": 1,
            "date": 1796480103,
            "chat": {"id": 10**70, "type": "private"},
            "from": {"id": 10**70, "is_bot": False, "first_name": "F" * 2000},
            "text": "kebakaran di desa Lohbener",
        },
    }
    accept_events(channel, [RawEvent("update:2", update)])
    event = InboundEvent.objects.get(channel=channel)
    assert process_event(event.pk) == "bad_sender"
    event.refresh_from_db()
    assert event.processed_at is not None and event.attempts == 0
    assert not Identity.objects.exists()
