"""WhatsApp Cloud API webhook verification: the GET hub.challenge handshake and the
X-Hub-Signature-256 HMAC-SHA256 of the raw body with the App Secret (constant-time compare)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Any

from polmas.channels.types.base import Verification


def sign(body: bytes, app_secret: str) -> str:
    digest = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(
    headers: Mapping[str, str], body: bytes, form: Any, secrets: Mapping[str, str]
) -> Verification:
    given = headers.get("X-Hub-Signature-256", "")
    app_secret = secrets.get("app_secret", "")
    if not app_secret or not given.startswith("sha256="):
        return Verification(False, "missing signature")
    if not hmac.compare_digest(given.encode(), sign(body, app_secret).encode()):
        return Verification(False, "bad signature")
    return Verification(True)


def handshake(params: Mapping[str, str], secrets: Mapping[str, str]) -> str | None:
    """The challenge to echo when hub.mode=subscribe and the verify token matches, else None."""
    token = secrets.get("verify_token", "")
    if params.get("hub.mode") != "subscribe" or not token:
        return None
    if not hmac.compare_digest(params.get("hub.verify_token", "").encode(), token.encode()):
        return None
    return params.get("hub.challenge", "")
