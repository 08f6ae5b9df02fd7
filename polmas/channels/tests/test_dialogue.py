"""The conversation, WhatsApp's 24-hour window, media limits, opt-out, broadcasts, notifications."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from polmas.aspirations.models import Case
from polmas.aspirations.services.actions import reply_to_case
from polmas.channels.models import (
    Contact,
    Identity,
    OutboundMessage,
    OutboundStatus,
)
from polmas.channels.services.setup import (
    channel_summary,
    create_channel,
    send_broadcast,
)
from polmas.channels.testing import FakeProvider, TelegramSender, WhatsAppSender
from polmas.channels.tests.conftest import load_fixture_factchecks
from polmas.channels.tests.helpers import drain
from polmas.hoaxes.models import HoaxReport
from polmas.org.testing import World

pytestmark = pytest.mark.django_db
PHONE = "6281311112222"


class Wa:
    def __init__(self, client: Client, world: World, fake: FakeProvider, **config: Any) -> None:
        channel = create_channel(actor=None, unit=world.unit_in, kind="whatsapp", api_base=fake.url)
        if config:
            channel.config = config
            channel.save()
        self.channel = channel
        self.info = channel_summary(channel)
        self.sender = WhatsAppSender("", self.info)
        self.client, self.fake = client, fake

    def post(self, payload: dict[str, Any]) -> None:
        import json

        from polmas.channels.types.whatsapp.signature import sign

        body = json.dumps(payload).encode()
        r = self.client.generic(
            "POST",
            self.info["webhook_url"],
            body,
            content_type="application/json",
            headers={"X-Hub-Signature-256": sign(body, self.info["app_secret"])},
        )
        assert r.status_code == 200
        drain()

    def text(self, text: str, phone: str = PHONE) -> str:
        self.post(self.sender.message(phone, {"type": "text", "text": {"body": text}}))
        return self.fake.texts()[-1]


@pytest.mark.parametrize(
    "greeting",
    [
        "halo",
        "Assalamualaikum pak",
        "punten",
        "sampurasun",
        "kula nuwun",
        "sugeng enjing",
        "kepriben rika",
    ],
)
def test_greetings_in_indonesian_javanese_and_sundanese_get_the_menu(
    client: Client, world: World, fake: FakeProvider, greeting: str
) -> None:
    wa = Wa(client, world, fake)
    answer = wa.text(greeting)
    assert "1. Lapor keluhan/aspirasi" in answer and "4. Info kamtibmas" in answer


def test_menu_navigation_report_then_place_name(
    client: Client, world: World, fake: FakeProvider
) -> None:
    wa = Wa(client, world, fake)
    assert "ceritakan" in wa.text("1")
    assert "Di mana kejadiannya" in wa.text("Ada balap liar tiap malam minggu bikin resah warga")
    answer = wa.text("desa Lohbener")
    case = Case.objects.get()
    assert case.tracking_code in answer and case.desa_id == world.desa_in.code
    assert "balap liar" in case.description and case.reply_channel == "whatsapp"


def test_javanese_and_sundanese_hoax_questions_go_to_the_hoax_check(
    client: Client, world: World, fake: FakeProvider
) -> None:
    assert load_fixture_factchecks() > 0
    wa = Wa(client, world, fake)
    assert "[SALAH]" in wa.text(
        "Surat suara di Indramayu sudah dicoblos sebelum hari pemungutan, bener ora?"
    )
    assert "Humas" in wa.text("leres teu aya bantuan tunai kanggo sadaya warga?")
    assert Case.objects.count() == 0
    assert HoaxReport.objects.count() == 2  # both rumours reach the Humas side


def test_status_menu_and_unknown_code(client: Client, world: World, fake: FakeProvider) -> None:
    wa = Wa(client, world, fake)
    assert "kode laporan" in wa.text("3")
    assert "tidak ditemukan" in wa.text("LP-AAAA-BBBB")


def test_anonymous_report(client: Client, world: World, fake: FakeProvider) -> None:
    wa = Wa(client, world, fake)
    answer = wa.text("anonim: ada pungli di pasar desa Lohbener")
    assert Case.objects.get().privacy == "anonim"
    assert "dirahasiakan" in answer


def test_unsupported_type_gets_a_polite_reply(
    client: Client, world: World, fake: FakeProvider
) -> None:
    wa = Wa(client, world, fake)
    wa.post(
        wa.sender.message(
            PHONE, {"type": "sticker", "sticker": {"id": "1", "mime_type": "image/webp"}}
        )
    )
    assert "belum dapat kami proses" in fake.texts()[-1]


def test_photo_is_stored_and_oversize_photo_refused(
    client: Client, world: World, fake: FakeProvider, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    settings.POLMAS_CHANNELS_MAX_MEDIA_BYTES = 1024 * 1024
    wa = Wa(client, world, fake)
    fake.add_media("m-big", b"x" * 10, declared_size=50 * 1024 * 1024)
    wa.post(
        wa.sender.message(
            PHONE, {"type": "image", "image": {"id": "m-big", "mime_type": "image/jpeg"}}
        )
    )
    assert "terlalu besar" in fake.texts()[-1]
    fake.add_media("m-lie", b"x" * (2 * 1024 * 1024))  # declared small, streams big
    wa.post(
        wa.sender.message(
            PHONE, {"type": "image", "image": {"id": "m-lie", "mime_type": "image/jpeg"}}
        )
    )
    assert "terlalu besar" in fake.texts()[-1]
    fake.add_media("m-ok")
    wa.post(
        wa.sender.message(
            PHONE,
            {
                "type": "image",
                "image": {
                    "id": "m-ok",
                    "caption": "jalan rusak parah di desa Lohbener",
                    "mime_type": "image/png",
                },
            },
        )
    )
    case = Case.objects.get()
    photo = case.attachments.get()
    assert photo.content_type == "image/png" and photo.file.storage.exists(photo.file.name)


def test_whatsapp_window_uses_template_or_fails_visibly(
    client: Client, world: World, fake: FakeProvider
) -> None:
    wa = Wa(client, world, fake, templates={"notification": "polmas_kabar_laporan"})
    wa.text("ada yang bagi-bagi amplop di desa Lohbener")
    case = Case.objects.get()
    Identity.objects.update(last_inbound_at=timezone.now() - dt.timedelta(hours=30))
    reply_to_case(
        actor=world.user_in, case=case, text="Sedang ditangani: petugas menuju lokasi.", public=True
    )
    drain()
    call = fake.sends()[-1].body
    assert call["type"] == "template" and call["template"]["name"] == "polmas_kabar_laporan"
    assert "Sedang ditangani" in call["template"]["components"][0]["parameters"][0]["text"]
    # no template for broadcasts: failed with a reason, never silent
    Contact.objects.update(broadcast_opt_in=True, desa=world.desa_in)
    broadcast = send_broadcast(
        actor=world.user_in,
        unit=world.unit_in,
        text="Jaga kondusivitas.",
        desa_codes=[world.desa_in.code],
    )
    drain()
    message = OutboundMessage.objects.get(broadcast=broadcast)
    assert message.status == OutboundStatus.FAILED and "24 jam" in message.last_error


def test_provider_131047_switches_to_template(
    client: Client, world: World, fake: FakeProvider
) -> None:
    wa = Wa(client, world, fake, templates={"default": "polmas_umum"})
    fake.state.whatsapp_window_closed = True
    wa.text("halo")
    assert fake.sends()[-1].body["type"] == "template"
    assert OutboundMessage.objects.get().status == OutboundStatus.SENT


def test_opt_out_stops_broadcasts_and_notifications(
    client: Client, world: World, fake: FakeProvider
) -> None:
    wa = Wa(client, world, fake)
    wa.text("DAFTAR")
    wa.text("ada yang bagi-bagi amplop di desa Lohbener")
    contact = Contact.objects.get()
    assert contact.broadcast_opt_in and contact.desa_id == world.desa_in.code
    b1 = send_broadcast(
        actor=world.user_in,
        unit=world.unit_in,
        text="Saring sebelum sharing.",
        desa_codes=[world.desa_in.code],
    )
    drain()
    assert b1.recipients == 1 and fake.texts()[-1] == "Saring sebelum sharing."
    assert "tidak akan menerima" in wa.text("BERHENTI")
    b2 = send_broadcast(
        actor=world.user_in, unit=world.unit_in, text="Pesan kedua", desa_codes=[world.desa_in.code]
    )
    assert b2.recipients == 0
    reply_to_case(actor=world.user_in, case=Case.objects.get(), text="Sudah selesai.", public=True)
    drain()
    assert (
        OutboundMessage.objects.filter(purpose="notification").get().status
        == OutboundStatus.SKIPPED
    )


def test_broadcast_outside_scope_is_refused(world: World) -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        send_broadcast(
            actor=world.user_in, unit=world.unit_out, text="x", desa_codes=[world.desa_out.code]
        )


def test_telegram_contact_links_to_the_whatsapp_resident(
    client: Client, world: World, fake: FakeProvider
) -> None:
    wa = Wa(client, world, fake)
    wa.text("halo")
    tg = channel_summary(
        create_channel(actor=None, unit=world.unit_in, kind="telegram", api_base=fake.url)
    )
    sender = TelegramSender("", tg)
    import json

    for payload in (
        sender.update(991, {"text": "halo"}),
        sender.update(
            991, {"contact": {"phone_number": "+" + PHONE, "first_name": "B", "user_id": 991}}
        ),
    ):
        client.generic(
            "POST",
            tg["webhook_url"],
            json.dumps(payload).encode(),
            content_type="application/json",
            headers={"X-Telegram-Bot-Api-Secret-Token": tg["secret_token"]},
        )
        drain()
    assert Contact.objects.filter(identities__isnull=False).distinct().count() == 1
    assert "tercatat" in fake.texts()[-1]


def test_rate_limit_defers_excess_messages(
    client: Client, world: World, fake: FakeProvider
) -> None:
    wa = Wa(client, world, fake)
    wa.channel.rate_per_second = 1
    wa.channel.save()
    wa.text("halo")
    wa.post(wa.sender.message("6281399998888", {"type": "text", "text": {"body": "halo"}}))
    statuses = sorted(OutboundMessage.objects.values_list("status", flat=True))
    assert statuses == ["queued", "sent"]
