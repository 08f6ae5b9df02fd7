"""Test doubles that speak the providers' documented payloads, for tests and benchmarks.

with FakeProvider() as fake:
    # polmas channels add whatsapp --unit polsek-lohbener --api-base {fake.url}
    wa = WhatsAppSender(polmas_url, channel_info)
    wa.text("6281234567890", "halo")
    assert fake.texts()  # the replies Polmas sent back
"""

from polmas.channels.testing.provider import PNG_1PX, Call, FakeProvider
from polmas.channels.testing.senders import SmsSender, TelegramSender, WhatsAppSender

__all__ = ["PNG_1PX", "Call", "FakeProvider", "SmsSender", "TelegramSender", "WhatsAppSender"]
