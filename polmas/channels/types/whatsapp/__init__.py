"""WhatsApp Cloud API (Meta)."""

from polmas.channels.types.base import VendorSpec
from polmas.channels.types.whatsapp import client, parser, signature

SPEC = VendorSpec(
    kind="whatsapp",
    label="WhatsApp Cloud API",
    secret_names=("app_secret", "verify_token", "access_token", "phone_number_id"),
    verify=signature.verify,
    split=parser.split,
    parse=parser.parse,
    client=client.WhatsAppClient,
    default_api_base=client.DEFAULT_API_BASE,
    rate_per_second=50,
    needs_window=True,
    handshake=signature.handshake,
)
