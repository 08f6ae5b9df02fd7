"""Telegram Bot API."""

from polmas.channels.types.base import VendorSpec
from polmas.channels.types.telegram import client, parser, signature

SPEC = VendorSpec(
    kind="telegram",
    label="Telegram Bot API",
    secret_names=("secret_token", "bot_token"),
    verify=signature.verify,
    split=parser.split,
    parse=parser.parse,
    client=client.TelegramClient,
    default_api_base=client.DEFAULT_API_BASE,
    rate_per_second=25,
)
