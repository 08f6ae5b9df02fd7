"""Generic HTTP SMS gateway: a shared secret in header X-Gateway-Secret or form field `secret`."""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Any

from polmas.channels.types.base import Verification

HEADER = "X-Gateway-Secret"


def verify(
    headers: Mapping[str, str], body: bytes, form: Any, secrets: Mapping[str, str]
) -> Verification:
    expected = secrets.get("secret_token", "")
    given = headers.get(HEADER, "") or (form.get("secret", "") if form is not None else "")
    if not expected or not given:
        return Verification(False, "missing shared secret")
    if not hmac.compare_digest(str(given).encode(), expected.encode()):
        return Verification(False, "bad shared secret")
    return Verification(True)
