"""The public web form (same inbound path as the providers)."""

from polmas.channels.types.base import VendorSpec
from polmas.channels.types.web import client, parser

SPEC = VendorSpec(
    kind="web",
    label="Formulir web",
    secret_names=(),
    verify=parser.verify,
    split=parser.split,
    parse=parser.parse,
    client=client.WebClient,
    rate_per_second=1000,
)
