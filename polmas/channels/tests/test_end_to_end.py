"""End to end over real HTTP: fake providers -> running Polmas (live_server) -> database queue
-> the real db_worker -> outbound calls back to the fake provider."""

from __future__ import annotations

from typing import Any

import pytest

from polmas.aspirations.models import Case
from polmas.channels.models import (
    Contact,
    InboundEvent,
    OutboundMessage,
    OutboundStatus,
)
from polmas.channels.testing import FakeProvider, SmsSender, TelegramSender, WhatsAppSender
from polmas.channels.tests.conftest import add_channel, load_fixture_factchecks, run_worker
from polmas.hoaxes.models import HoaxReport
from polmas.org.models import Region
from polmas.org.testing import ensure_reference_data

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

WA_PHONE = "6281234567890"


def lohbener() -> Region:
    return Region.objects.get(parent__name="Lohbener", name="Lohbener")


def test_whatsapp_text_and_location_become_a_case_in_the_right_polsek(
    live_server: Any, fake: FakeProvider
) -> None:
    ensure_reference_data()
    # the channel belongs to Polsek Indramayu, but the incident is in Lohbener
    channel = add_channel("whatsapp", unit="polsek-indramayu", api_base=fake.url)
    wa = WhatsAppSender(live_server.url, channel)
    assert (
        wa.text(WA_PHONE, "Pak, ada yang membagikan uang ke warga menjelang pemilu").status_code
        == 200
    )
    run_worker()
    ask = fake.sends()[-1].body
    assert ask["type"] == "interactive"
    assert ask["interactive"]["type"] == "location_request_message"
    assert ask["to"] == WA_PHONE
    desa = lohbener()
    assert desa.lat is not None and desa.lng is not None
    assert wa.location(WA_PHONE, desa.lat, desa.lng).status_code == 200
    run_worker()
    report = Case.objects.get()
    assert report.unit.code == "polsek-lohbener"
    assert report.desa_id == desa.code
    assert report.reply_channel == "whatsapp" and report.origin == "chat"
    confirmation = fake.texts()[-1]
    assert report.tracking_code in confirmation
    assert "Polsek Lohbener" in confirmation
    assert OutboundMessage.objects.filter(status=OutboundStatus.SENT).count() == 2
    # delivery receipt from WhatsApp is recorded on the message
    last = OutboundMessage.objects.order_by("-id").first()
    assert last is not None
    wa.status(last.provider_message_id, "delivered", WA_PHONE)
    run_worker()
    last.refresh_from_db()
    assert last.status == OutboundStatus.DELIVERED


def test_free_text_with_desa_becomes_a_case_without_menu(
    live_server: Any, fake: FakeProvider
) -> None:
    ensure_reference_data()
    channel = add_channel("whatsapp", api_base=fake.url)
    wa = WhatsAppSender(live_server.url, channel)
    wa.text(WA_PHONE, "ada yang bagi-bagi amplop di desa Lohbener")
    run_worker()
    report = Case.objects.get()
    assert report.desa_id == lohbener().code and report.unit.code == "polsek-lohbener"
    assert report.category.code == "pemilu_politik_uang"
    assert report.tracking_code in fake.texts()[-1]


def test_telegram_forward_of_known_hoax_gets_its_clarification(
    live_server: Any, fake: FakeProvider
) -> None:
    ensure_reference_data()
    assert load_fixture_factchecks() > 0
    channel = add_channel("telegram", api_base=fake.url)
    tg = TelegramSender(live_server.url, channel)
    response = tg.forward(
        555001,
        "Info penting! Surat suara di Indramayu sudah dicoblos sebelum hari pemungutan, sebarkan!",
    )
    assert response.status_code == 200
    run_worker()
    call = fake.sends()[-1]
    assert call.path.endswith("/sendMessage") and call.body["chat_id"] == 555001
    assert "[SALAH]" in call.body["text"]
    assert "tersegel di gudang logistik" in call.body["text"]
    assert Case.objects.count() == 0
    assert HoaxReport.objects.get().status == "terjawab_otomatis"


def test_sms_status_answers_with_the_case_status(live_server: Any, fake: FakeProvider) -> None:
    ensure_reference_data()
    channel = add_channel("sms", api_base=fake.url)
    sms = SmsSender(live_server.url, channel)
    sms.text("081299990000", "Ada tawuran pemuda di desa Lohbener tadi malam")
    run_worker()
    report = Case.objects.get()
    sms.text("081299990000", f"STATUS {report.tracking_code.lower()}")
    run_worker()
    answer = fake.sends()[-1].body
    assert answer["to"] == "081299990000"
    assert f"Status laporan {report.tracking_code}: Baru" in answer["text"]


def test_bad_signatures_and_secrets_are_refused(live_server: Any, fake: FakeProvider) -> None:
    ensure_reference_data()
    wa_info = add_channel("whatsapp", api_base=fake.url)
    tg_info = add_channel("telegram", api_base=fake.url)
    sms_info = add_channel("sms", api_base=fake.url)
    wa = WhatsAppSender(live_server.url, wa_info)
    assert (
        wa.post(
            wa.message(WA_PHONE, {"type": "text", "text": {"body": "halo"}}), secret="salah"
        ).status_code
        == 403
    )
    assert (
        TelegramSender(live_server.url, tg_info)
        .post(TelegramSender(live_server.url, tg_info).update(1, {"text": "halo"}), secret="salah")
        .status_code
        == 403
    )
    assert (
        SmsSender(live_server.url, sms_info).text("0812", "halo", secret="salah").status_code == 403
    )
    assert InboundEvent.objects.count() == 0
    run_worker()
    assert fake.sends() == []


def test_outage_keeps_messages_queued_until_the_provider_is_back(
    live_server: Any, fake: FakeProvider
) -> None:
    from django.utils import timezone

    ensure_reference_data()
    channel = add_channel("telegram", api_base=fake.url)
    tg = TelegramSender(live_server.url, channel)
    fake.state.down = True
    tg.text(777, "halo")
    run_worker()
    message = OutboundMessage.objects.get()
    assert message.status == OutboundStatus.QUEUED and message.attempts == 1
    assert message.next_attempt_at > timezone.now()
    assert "503" in message.last_error
    fake.state.down = False
    OutboundMessage.objects.update(next_attempt_at=timezone.now())  # the backoff has passed
    from django.core.management import call_command

    call_command("channels", "tick")
    run_worker()
    message.refresh_from_db()
    assert message.status == OutboundStatus.SENT and message.attempts == 2
    assert "Selamat datang" in fake.texts()[-1]


def test_same_phone_links_whatsapp_and_sms_to_one_resident(
    live_server: Any, fake: FakeProvider
) -> None:
    ensure_reference_data()
    wa = WhatsAppSender(live_server.url, add_channel("whatsapp", api_base=fake.url))
    sms = SmsSender(live_server.url, add_channel("sms", api_base=fake.url))
    wa.text(WA_PHONE, "halo")
    sms.text("081234567890", "halo")
    run_worker()
    assert Contact.objects.count() == 1
