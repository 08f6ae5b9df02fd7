from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client

from polmas.aspirations.models import Case
from polmas.channels.models import Channel, Conversation, InboundEvent
from polmas.channels.services.setup import create_channel
from polmas.channels.tests.helpers import drain
from polmas.org.testing import PermissionMatrix, Route, World

pytestmark = pytest.mark.django_db


def _channel(w: World, where: Any) -> Channel:
    key = f"channel-{where}"
    if key not in w.objects:
        w.objects[key] = create_channel(actor=None, unit=w.unit(where), kind="sms")
    channel: Channel = w.objects[key]
    return channel


def _conversation(w: World, where: Any) -> Conversation:
    key = f"conv-{where}"
    if key not in w.objects:
        channel = _channel(w, where)
        Client().post(
            channel.webhook_path,
            {
                "id": f"m-{where}",
                "from": "081200000000",
                "text": "halo",
                "secret": channel.secrets["secret_token"],
            },
        )
        drain()
        w.objects[key] = Conversation.objects.get(channel=channel)
    conversation: Conversation = w.objects[key]
    return conversation


class TestChannelPagePermissions(PermissionMatrix):
    routes = [
        Route("channel list", "get", lambda w, where: "/channels/", scoped=False),
        Route("channel page", "get", lambda w, where: f"/channels/kanal/{_channel(w, where).pk}/"),
        Route(
            "conversation",
            "get",
            lambda w, where: f"/channels/percakapan/{_conversation(w, where).pk}/",
        ),
        Route("broadcasts", "get", lambda w, where: "/channels/siaran/", scoped=False),
        Route(
            "broadcast post",
            "post",
            lambda w, where: "/channels/siaran/",
            data=lambda w, where: {
                "unit": w.unit_in.pk,
                "desa": [w.desa_in.code],
                "text": "Jaga kondusivitas",
            },
            scoped=False,
            ok=(302,),
        ),
    ]


def test_conversation_page_masks_phone_numbers(client: Client, world: World) -> None:
    conversation = _conversation(world, "in")
    client.force_login(world.user_in)
    html = client.get(f"/channels/percakapan/{conversation.pk}/").content.decode()
    import re

    assert "081200000000" not in html and "62812" not in html, re.findall(r".{80}08120.{40}", html)
    assert "•" in html
    assert "Selamat datang" in html


def test_broadcast_form_rejects_desa_outside_scope(client: Client, world: World) -> None:
    client.force_login(world.user_in)
    response = client.post(
        "/channels/siaran/", {"unit": world.unit_in.pk, "desa": [world.desa_out.code], "text": "x"}
    )
    assert response.status_code == 200  # form re-rendered with an error, nothing queued
    from polmas.channels.models import Broadcast

    assert Broadcast.objects.count() == 0


def test_public_web_form_uses_the_same_inbound_path(client: Client, world: World) -> None:
    channel = create_channel(actor=None, unit=world.unit_in, kind="web")
    page = client.get(f"/channels/web/{channel.pk}/")
    assert page.status_code == 200 and channel.webhook_path in page.content.decode()
    session = client.cookies["polmas_warga"].value
    data = {
        "session": session,
        "submission": str(uuid.uuid4()),
        "text": "Ada judi sabung ayam di desa Lohbener",
        "anonim": "1",
    }
    response = client.post(channel.webhook_path, data)
    assert response.status_code == 302
    receipt_url = response["Location"]
    assert "sedang diproses" in client.get(receipt_url).content.decode()
    drain()
    report = Case.objects.get()
    assert report.privacy == "anonim" and report.reply_channel == "web"
    assert report.tracking_code in client.get(receipt_url).content.decode()
    # a resubmitted form (same submission id) makes no second case
    client.post(channel.webhook_path, data)
    drain()
    assert Case.objects.count() == 1
    bad = client.post(
        channel.webhook_path, {"session": session, "submission": str(uuid.uuid4()), "text": ""}
    )
    assert bad.status_code == 302 and "galat=1" in bad["Location"]


def _png(size: tuple[int, int] = (32, 24)) -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_web_form_accepts_a_photo_and_the_case_carries_it(client: Client, world: World) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    channel = create_channel(actor=None, unit=world.unit_in, kind="web")
    page = client.get(f"/channels/web/{channel.pk}/").content.decode()
    assert 'enctype="multipart/form-data"' in page and 'name="photo"' in page
    session = client.cookies["polmas_warga"].value
    photo = SimpleUploadedFile("jalan.png", _png(), content_type="image/png")
    response = client.post(
        channel.webhook_path,
        {
            "session": session,
            "submission": str(uuid.uuid4()),
            "text": "Jalan berlubang di desa Lohbener",
            "photo": photo,
        },
    )
    assert response.status_code == 302 and "tanda-terima" in response["Location"]
    drain()
    case = Case.objects.get()
    attachment = case.attachments.get()
    assert attachment.content_type == "image/png" and attachment.size == len(_png())
    assert case.tracking_code in client.get(response["Location"]).content.decode()


def test_web_form_refuses_an_oversize_or_fake_photo(
    client: Client, world: World, settings: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from polmas.channels.models import InboundEvent

    channel = create_channel(actor=None, unit=world.unit_in, kind="web")

    def post(name: str, content: bytes, content_type: str) -> str:
        data = {
            "session": str(uuid.uuid4()),
            "submission": str(uuid.uuid4()),
            "text": "Ada pungli di desa Lohbener",
            "photo": SimpleUploadedFile(name, content, content_type=content_type),
        }
        response = client.post(channel.webhook_path, data)
        assert response.status_code == 302
        return str(response["Location"])

    not_image = post("foto.jpg", b"MZ\x90\x00 this is no picture" * 20, "image/jpeg")
    assert not_image.endswith("?galat=gambar")
    assert "JPEG, PNG atau WebP" in client.get(not_image).content.decode()
    settings.POLMAS_CHANNELS_MAX_MEDIA_BYTES = 2000
    too_big = post("besar.png", _png((400, 400)) + b"\0" * 3000, "image/png")
    assert too_big.endswith("?galat=foto")
    assert "Foto terlalu besar" in client.get(too_big).content.decode()
    assert not InboundEvent.objects.exists() and not Case.objects.exists()


def test_web_form_refuses_impossible_coordinates_and_reads_nul_as_u_fffd(
    client: Client, world: World
) -> None:
    """lat=nan or inf could not be stored as JSON (500 on both databases); lat=91 made a case at
    no place on Earth; NUL in the text was a 500 on PostgreSQL."""
    channel = create_channel(actor=None, unit=world.unit_in, kind="web")
    client.get(f"/channels/web/{channel.pk}/")
    session = client.cookies["polmas_warga"].value

    def send(**fields: str) -> Any:
        data = {"session": session, "submission": str(uuid.uuid4()), "text": "Ada judi", **fields}
        return client.post(channel.webhook_path, data)

    for lat, lng in (("nan", "108"), ("inf", "108"), ("-6.3", "-inf"), ("91", "108"), ("0", "181")):
        refused = send(lat=lat, lng=lng)
        assert refused.status_code == 302 and "galat=1" in refused["Location"], (lat, lng)
    assert not InboundEvent.objects.exists()
    assert send(lat="-6.33", lng="108.32", text="Ada judi\x00 sabung ayam").status_code == 302
    drain()
    (event,) = InboundEvent.objects.all()
    assert event.payload["text"] == "Ada judi\ufffd sabung ayam"
    assert Case.objects.count() == 1
