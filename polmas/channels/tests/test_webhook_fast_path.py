"""The webhook hot path: middleware short-circuit, channel cache, one-commit store + enqueue."""

from __future__ import annotations

import json

import pytest
from django.db import transaction
from django.test import Client
from django_tasks_db.models import DBTaskResult

from polmas.channels import webhooks
from polmas.channels.models import Channel, InboundEvent
from polmas.channels.services.inbound import accept_events
from polmas.channels.services.setup import channel_summary, create_channel
from polmas.channels.types.base import RawEvent
from polmas.org.testing import World

pytestmark = pytest.mark.django_db


def _update(update_id: int) -> bytes:
    message = {"message_id": 1, "chat": {"id": 7, "type": "private"}, "text": "halo"}
    return json.dumps({"update_id": update_id, "message": message}).encode()


def test_webhook_skips_browser_middleware_but_keeps_the_secret_check(
    client: Client, world: World
) -> None:
    info = channel_summary(create_channel(actor=None, unit=world.unit_in, kind="telegram"))
    url, secret = info["webhook_url"], info["secret_token"]
    assert webhooks.WEBHOOK_PATH.match(url)
    refused = client.generic("POST", url, _update(1), content_type="application/json")
    assert refused.status_code == 403
    ok = client.generic(
        "POST",
        url,
        _update(1),
        content_type="application/json",
        headers={"X-Telegram-Bot-Api-Secret-Token": secret},
    )
    assert ok.status_code == 200 and ok.json() == {"ok": True, "accepted": 1, "duplicates": 0}
    # Answered before the session, CSRF, messages and clickjacking middleware ran.
    assert "Set-Cookie" not in ok.headers and "X-Frame-Options" not in ok.headers
    assert not client.cookies


def test_deactivating_a_channel_takes_effect_at_once_in_this_process(
    client: Client, world: World
) -> None:
    channel = create_channel(actor=None, unit=world.unit_in, kind="telegram")
    info = channel_summary(channel)
    headers = {"X-Telegram-Bot-Api-Secret-Token": info["secret_token"]}

    def post(uid: int) -> int:
        return client.generic(
            "POST",
            info["webhook_url"],
            _update(uid),
            content_type="application/json",
            headers=headers,
        ).status_code

    assert post(1) == 200  # cached now
    channel.is_active = False
    channel.save(update_fields=["is_active"])
    assert post(2) == 404
    # A new secret is used at once too.
    channel.is_active = True
    channel.secrets = {**channel.secrets, "secret_token": "baru"}
    channel.save()
    assert post(3) == 403


def test_events_and_jobs_commit_together_in_one_transaction(world: World) -> None:
    channel = create_channel(actor=None, unit=world.unit_in, kind="telegram")
    events = [RawEvent("update:1", {"a": 1}), RawEvent("update:2", {"a": 2})]
    events.append(RawEvent("update:1", {"a": 1}))  # repeated inside the same body
    jobs_before = DBTaskResult.objects.count()
    assert accept_events(channel, events) == (2, 1)
    assert accept_events(channel, events[:1]) == (0, 1)  # redelivery
    stored = InboundEvent.objects.filter(channel=channel).order_by("dedupe_key")
    assert [(e.dedupe_key, e.payload, e.processed_at) for e in stored] == [
        ("update:1", {"a": 1}, None),
        ("update:2", {"a": 2}, None),
    ]
    assert DBTaskResult.objects.count() == jobs_before + 2
    # Rolled back together: no event without its job and no job without its event.
    with pytest.raises(RuntimeError), transaction.atomic():
        accept_events(channel, [RawEvent("update:3", {})])
        raise RuntimeError
    assert not InboundEvent.objects.filter(dedupe_key="update:3").exists()
    assert DBTaskResult.objects.count() == jobs_before + 2
    assert Channel.objects.filter(pk=channel.pk).exists()


def test_postgresql_one_statement_writes_the_jobs_enqueue_writes(world: World) -> None:
    """On PostgreSQL events and jobs are one statement (core.jobs.jobs_from_cte_sql); its job
    rows must be the ones django-tasks-db's own enqueue writes, or the worker would not run
    them as it runs every other job."""
    from django.db import connection

    from polmas.channels import tasks

    if connection.vendor != "postgresql":
        pytest.skip("the one-statement path is PostgreSQL's")
    channel = create_channel(actor=None, unit=world.unit_in, kind="telegram")
    assert accept_events(channel, [RawEvent("update:9", {"a": 1})]) == (1, 0)
    event = InboundEvent.objects.get(channel=channel, dedupe_key="update:9")
    ours = DBTaskResult.objects.get(args_kwargs__args=[event.pk])
    theirs = DBTaskResult.objects.get(id=tasks.process_inbound.enqueue(event.pk).id)
    fields = ("status", "args_kwargs", "priority", "task_path", "queue_name", "backend_name")
    assert [getattr(ours, f) for f in fields] == [getattr(theirs, f) for f in fields]
    assert (ours.run_after, ours.worker_ids, ours.return_value) == (
        theirs.run_after,
        theirs.worker_ids,
        theirs.return_value,
    )
    assert ours.task_result.task.func is tasks.process_inbound.func
