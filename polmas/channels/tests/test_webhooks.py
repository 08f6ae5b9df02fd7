"""Bad input at the webhook: signatures, secrets, malformed bodies, repeats, oversize."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from polmas.aspirations.models import Case
from polmas.channels.models import InboundEvent, MessageLog
from polmas.channels.services.setup import channel_summary, create_channel
from polmas.channels.testing import TelegramSender, WhatsAppSender
from polmas.channels.tests.helpers import drain
from polmas.channels.types.whatsapp.signature import sign
from polmas.org.testing import World

pytestmark = pytest.mark.django_db


def make(world: World, kind: str) -> dict[str, Any]:
    return channel_summary(create_channel(actor=None, unit=world.unit_in, kind=kind))


def wa_body(text: str = "halo", message_id: str = "wamid.A1") -> bytes:
    sender = WhatsAppSender("", {"webhook_url": "", "app_secret": "x"})
    return json.dumps(
        sender.message(
            "6281200000001", {"type": "text", "text": {"body": text}}, message_id=message_id
        )
    ).encode()


def test_whatsapp_handshake(client: Client, world: World) -> None:
    info = make(world, "whatsapp")
    ok = client.get(
        info["webhook_url"],
        {
            "hub.mode": "subscribe",
            "hub.verify_token": info["verify_token"],
            "hub.challenge": "1158201444",
        },
    )
    assert ok.status_code == 200 and ok.content == b"1158201444"
    bad = client.get(
        info["webhook_url"],
        {"hub.mode": "subscribe", "hub.verify_token": "salah", "hub.challenge": "1"},
    )
    assert bad.status_code == 403


def test_whatsapp_signature_required_and_checked(client: Client, world: World, caplog: Any) -> None:
    info = make(world, "whatsapp")
    body = wa_body()
    assert (
        client.generic(
            "POST", info["webhook_url"], body, content_type="application/json"
        ).status_code
        == 403
    )
    tampered = {"X-Hub-Signature-256": sign(body + b" ", info["app_secret"])}
    assert (
        client.generic(
            "POST", info["webhook_url"], body, content_type="application/json", headers=tampered
        ).status_code
        == 403
    )
    assert "webhook refused" in caplog.text
    assert InboundEvent.objects.count() == 0
    good = {"X-Hub-Signature-256": sign(body, info["app_secret"])}
    assert (
        client.generic(
            "POST", info["webhook_url"], body, content_type="application/json", headers=good
        ).status_code
        == 200
    )
    assert InboundEvent.objects.count() == 1


def test_malformed_json_is_400_with_a_valid_signature(client: Client, world: World) -> None:
    info = make(world, "whatsapp")
    for body in (b"{not json", b"[]", b'{"entry": "x"}'):
        headers = {"X-Hub-Signature-256": sign(body, info["app_secret"])}
        assert (
            client.generic(
                "POST", info["webhook_url"], body, content_type="application/json", headers=headers
            ).status_code
            == 400
        )
    tg = make(world, "telegram")
    headers = {"X-Telegram-Bot-Api-Secret-Token": tg["secret_token"]}
    assert (
        client.generic(
            "POST",
            tg["webhook_url"],
            b'{"message": {}}',
            content_type="application/json",
            headers=headers,
        ).status_code
        == 400
    )
    assert InboundEvent.objects.count() == 0


def test_repeated_message_id_and_update_id_are_acknowledged_and_ignored(
    client: Client, world: World
) -> None:
    info = make(world, "whatsapp")
    body = wa_body(message_id="wamid.SAME")
    headers = {"X-Hub-Signature-256": sign(body, info["app_secret"])}
    first = client.generic(
        "POST", info["webhook_url"], body, content_type="application/json", headers=headers
    )
    again = client.generic(
        "POST", info["webhook_url"], body, content_type="application/json", headers=headers
    )
    assert first.json() == {"ok": True, "accepted": 1, "duplicates": 0}
    assert again.status_code == 200 and again.json()["duplicates"] == 1
    tg = make(world, "telegram")
    update = json.dumps(
        TelegramSender("", {"webhook_url": "", "secret_token": "x"}).update(
            1, {"text": "halo"}, update_id=42
        )
    ).encode()
    tg_headers = {"X-Telegram-Bot-Api-Secret-Token": tg["secret_token"]}
    for _ in range(2):
        assert (
            client.generic(
                "POST",
                tg["webhook_url"],
                update,
                content_type="application/json",
                headers=tg_headers,
            ).status_code
            == 200
        )
    assert InboundEvent.objects.count() == 2


def test_telegram_and_sms_secrets(client: Client, world: World) -> None:
    tg = make(world, "telegram")
    update = b'{"update_id": 5, "message": {"message_id": 1, "chat": {"id": 1, "type": "private"}, "text": "x"}}'  # noqa: E501
    assert (
        client.generic(
            "POST", tg["webhook_url"], update, content_type="application/json"
        ).status_code
        == 403
    )
    sms = make(world, "sms")
    assert (
        client.post(
            sms["webhook_url"], {"id": "1", "from": "0812", "text": "x", "secret": "salah"}
        ).status_code
        == 403
    )
    assert (
        client.post(sms["webhook_url"], {"id": "1", "from": "0812", "text": "x"}).status_code == 403
    )
    assert (
        client.post(
            sms["webhook_url"], {"id": "1", "text": "x", "secret": sms["secret_token"]}
        ).status_code
        == 400
    )
    assert (
        client.post(
            sms["webhook_url"],
            {"id": "1", "from": "0812", "text": "x", "secret": sms["secret_token"]},
        ).status_code
        == 200
    )


def test_oversize_body_is_refused_before_reading(
    client: Client, world: World, settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    info = make(world, "whatsapp")
    body = wa_body("x" * 2000)
    headers = {"X-Hub-Signature-256": sign(body, info["app_secret"])}
    assert (
        client.generic(
            "POST", info["webhook_url"], body, content_type="application/json", headers=headers
        ).status_code
        == 413
    )


def test_unknown_channel_kind_or_id_is_404_and_get_is_405(client: Client, world: World) -> None:
    info = make(world, "telegram")
    assert client.post("/channels/fax/1/webhook").status_code == 404
    assert client.post(info["webhook_url"].replace("telegram", "sms")).status_code == 404
    assert client.get(info["webhook_url"]).status_code == 405


def test_half_an_emoji_or_a_nul_escaped_in_a_webhook_still_becomes_a_case(
    client: Client, world: World
) -> None:
    """A message cut inside an emoji arrives as a lone ``"\\ud83d"`` escape. It used to be
    acknowledged and then fail on every processing attempt (SQLite) or answered 500 (PostgreSQL);
    a NUL escape too (PostgreSQL). Now each reads as U+FFFD."""
    info = make(world, "whatsapp")
    body = wa_body("ada pencurian motor di desa Lohbener tolong X Y")
    body = body.replace(b" X", b" \\ud83d").replace(b" Y", b" \\u0000")
    headers = {"X-Hub-Signature-256": sign(body, info["app_secret"])}
    answer = client.generic(
        "POST", info["webhook_url"], body, content_type="application/json", headers=headers
    )
    assert answer.json() == {"ok": True, "accepted": 1, "duplicates": 0}
    tg = make(world, "telegram")
    update = json.dumps(
        TelegramSender("", {"webhook_url": "", "secret_token": "x"}).update(
            1, {"text": "kebakaran rumah di desa Lohbener tolong X"}, update_id=7
        )
    ).encode()
    update = update.replace(b" X", b" \\udc4d")
    tg_headers = {"X-Telegram-Bot-Api-Secret-Token": tg["secret_token"]}
    assert client.generic(
        "POST", tg["webhook_url"], update, content_type="application/json", headers=tg_headers
    ).json() == {"ok": True, "accepted": 1, "duplicates": 0}
    drain()
    assert not InboundEvent.objects.filter(processed_at__isnull=True).exists()
    texts = sorted(MessageLog.objects.filter(direction="in").values_list("text", flat=True))
    assert texts == [
        "ada pencurian motor di desa Lohbener tolong \ufffd \ufffd",
        "kebakaran rumah di desa Lohbener tolong \ufffd",
    ]
    assert Case.objects.count() == 2


def test_sms_form_fields_with_nul_are_stored_as_u_fffd(client: Client, world: World) -> None:
    """A NUL (%00) in an SMS gateway's form fields answered 500 on PostgreSQL (payload and
    dedupe key) and left `status_d\\x00` as an outcome on SQLite."""
    sms = make(world, "sms")
    secret = sms["secret_token"]
    message = {"id": "a\x002", "from": "0812\x0034", "text": "ha\x00lo", "secret": secret}
    assert client.post(sms["webhook_url"], message).status_code == 200
    status = {"type": "status", "id": "x", "status": "d\x00", "secret": secret}
    assert client.post(sms["webhook_url"], status).status_code == 200
    keys = sorted(InboundEvent.objects.values_list("dedupe_key", flat=True))
    assert keys == ["msg:a\ufffd2", "status:x:d\ufffd"]
    text = InboundEvent.objects.get(dedupe_key="msg:a\ufffd2").payload
    assert text == {"id": "a\ufffd2", "from": "0812\ufffd34", "text": "ha\ufffdlo"}
    drain()
    assert not InboundEvent.objects.filter(processed_at__isnull=True).exists()
