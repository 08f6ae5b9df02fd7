"""Telegram: setWebhook(secret_token) makes every update carry X-Telegram-Bot-Api-Secret-Token."""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Any

from polmas.channels.types.base import Verification

HEADER = "X-Telegram-Bot-Api-Secret-Token"


def verify(
    headers: Mapping[str, str], body: bytes, form: Any, secrets: Mapping[str, str]
) -> Verification:
    expected = secrets.get("secret_token", "")
    given = headers.get(HEADER, "")
    if not expected or not given:
        return Verification(False, "missing secret token")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        return Verification(False, "bad secret token")
    return Verification(True)
