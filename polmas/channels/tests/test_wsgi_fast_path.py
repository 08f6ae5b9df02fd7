"""The WSGI webhook fast path (what polmas.config.wsgi serves: `WebhookWSGI` around Django's WSGI
application): same answers as the Django view, without Django's request machinery; everything
else reaches Django unchanged."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django_tasks_db.models import DBTaskResult

from polmas.channels.fastpath import WebhookWSGI
from polmas.channels.models import InboundEvent
from polmas.channels.services.setup import channel_summary, create_channel
from polmas.channels.testing import WhatsAppSender
from polmas.channels.types.whatsapp.signature import sign
from polmas.org.testing import World

pytestmark = pytest.mark.django_db
application = WebhookWSGI(get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_test_transaction() -> Iterator[None]:
    """As Django's test client does: the request signals must not close the test's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(
    path: str,
    body: bytes = b"",
    *,
    method: str = "POST",
    content_type: str = "application/json",
    headers: dict[str, str] | None = None,
    length: str | None = None,
    query: str = "",
) -> tuple[int, dict[str, str], bytes, io.BytesIO]:
    stream = io.BytesIO(body)
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": query,
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)) if length is None else length,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "testserver",
        "wsgi.input": stream,
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    answer: dict[str, Any] = {}

    def start_response(status: str, response_headers: list[tuple[str, str]], *_: Any) -> None:
        answer["status"], answer["headers"] = int(status.split()[0]), dict(response_headers)

    chunks = application(environ, start_response)
    content = b"".join(chunks)
    if hasattr(chunks, "close"):
        chunks.close()
    return answer["status"], answer["headers"], content, stream


def _update(update_id: int) -> bytes:
    message = {"message_id": 1, "chat": {"id": 7, "type": "private"}, "text": "halo"}
    return json.dumps({"update_id": update_id, "message": message}).encode()


def test_telegram_post_is_stored_with_its_job_and_redelivery_is_ignored(world: World) -> None:
    info = channel_summary(create_channel(actor=None, unit=world.unit_in, kind="telegram"))
    secret = {"X-Telegram-Bot-Api-Secret-Token": info["secret_token"]}
    jobs = DBTaskResult.objects.count()
    status, headers, body, _ = call(info["webhook_url"], _update(41), headers=secret)
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert json.loads(body) == {"ok": True, "accepted": 1, "duplicates": 0}
    assert "Set-Cookie" not in headers
    event = InboundEvent.objects.get()
    assert event.dedupe_key == "update:41" and event.processed_at is None
    job = DBTaskResult.objects.order_by("-enqueued_at").first()
    assert DBTaskResult.objects.count() == jobs + 1 and job is not None
    assert job.task_path.endswith("process_inbound") and job.args_kwargs["args"] == [event.pk]
    assert job.status == "READY"
    again = call(info["webhook_url"], _update(41), headers=secret)
    assert json.loads(again[2]) == {"ok": True, "accepted": 0, "duplicates": 1}
    assert InboundEvent.objects.count() == 1 and DBTaskResult.objects.count() == jobs + 1


def test_bad_input_gets_the_same_answers_as_the_view(world: World, settings: Any) -> None:
    info = channel_summary(create_channel(actor=None, unit=world.unit_in, kind="telegram"))
    url, secret = info["webhook_url"], {"X-Telegram-Bot-Api-Secret-Token": info["secret_token"]}
    assert call(url, _update(1), headers={"X-Telegram-Bot-Api-Secret-Token": "salah"})[0] == 403
    assert call(url, _update(1))[0] == 403
    assert call(url, b"{not json", headers=secret)[0] == 400
    assert call(url, b'{"update_id": "x"}', headers=secret)[0] == 400
    assert call(url.replace(f"/{info['channel_id']}/", "/999999/"), _update(1))[0] == 404
    assert call(url.replace("telegram", "sms"), b"id=1", content_type="")[0] == 404
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    status, _, _, stream = call(url, _update(2) + b" " * 200, headers=secret)
    assert status == 413 and stream.tell() == 0  # refused before reading the body
    assert not InboundEvent.objects.exists()


def test_sms_form_and_signed_whatsapp_take_the_fast_path(world: World) -> None:
    sms = channel_summary(create_channel(actor=None, unit=world.unit_in, kind="sms"))
    form = urlencode({"id": "s1", "from": "0812", "text": "halo", "secret": sms["secret_token"]})
    status, _, body, _ = call(
        sms["webhook_url"], form.encode(), content_type="application/x-www-form-urlencoded"
    )
    assert status == 200 and json.loads(body)["accepted"] == 1
    wa = channel_summary(create_channel(actor=None, unit=world.unit_in, kind="whatsapp"))
    sender = WhatsAppSender("", {"webhook_url": "", "app_secret": "x"})
    payload = sender.message("6281200000001", {"type": "text", "text": {"body": "halo"}})
    raw = json.dumps(payload).encode()
    good = {"X-Hub-Signature-256": sign(raw, wa["app_secret"])}
    assert call(wa["webhook_url"], raw, headers=good)[0] == 200
    bad = {"X-Hub-Signature-256": sign(raw, "bukan-rahasianya")}
    assert call(wa["webhook_url"], raw, headers=bad)[0] == 403
    assert InboundEvent.objects.count() == 2


def test_other_requests_reach_django_unchanged(world: World) -> None:
    wa = channel_summary(create_channel(actor=None, unit=world.unit_in, kind="whatsapp"))
    query = urlencode(
        {"hub.mode": "subscribe", "hub.verify_token": wa["verify_token"], "hub.challenge": "77"}
    )
    status, _, body, _ = call(wa["webhook_url"], method="GET", query=query, content_type="")
    assert status == 200 and body == b"77"  # the handshake, answered by the Django view
    tg = channel_summary(create_channel(actor=None, unit=world.unit_in, kind="telegram"))
    secret = {"X-Telegram-Bot-Api-Secret-Token": tg["secret_token"]}
    # No Content-Length: Django's path, which reads no body without one; nothing is stored.
    assert call(tg["webhook_url"], _update(9), headers=secret, length="")[0] == 400
    assert not InboundEvent.objects.exists()
    assert call("/masuk/", method="GET", content_type="")[0] == 200
