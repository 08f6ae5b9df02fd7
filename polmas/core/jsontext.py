"""JSON from outside (provider webhooks, API bodies), made safe to store, index and print.

JSON can escape half of a UTF-16 surrogate pair (``"\\ud83d"``): a sender's client that cut a
message in the middle of an emoji does. ``json.loads`` turns it into a lone surrogate code point,
which UTF-8 cannot encode, so saving the text (SQLite, PostgreSQL), hashing it or printing it
fails later, far from the request. A paired escape decodes to one character, so any surrogate
left after decoding is lone; it becomes U+FFFD, one code point for one, and the message gets in.
"""

from __future__ import annotations

import json
import re
from typing import Any

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(value: Any) -> Any:
    """``value`` (decoded JSON) with lone surrogates in its strings and keys replaced by U+FFFD."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value) if _LONE_SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {without_lone_surrogates(k): without_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_lone_surrogates(v) for v in value]
    return value


def loads(raw: bytes | str) -> Any:
    """``json.loads`` followed by :func:`without_lone_surrogates`."""
    return without_lone_surrogates(json.loads(raw))
