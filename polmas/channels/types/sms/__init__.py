"""Generic HTTP SMS gateway."""

from polmas.channels.types.base import VendorSpec
from polmas.channels.types.sms import client, parser, signature

SPEC = VendorSpec(
    kind="sms",
    label="SMS gateway (HTTP)",
    secret_names=("secret_token", "api_key"),
    verify=signature.verify,
    split=parser.split,
    parse=parser.parse,
    client=client.SmsClient,
    rate_per_second=10,
)
