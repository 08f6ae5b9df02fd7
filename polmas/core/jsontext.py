"""JSON from outside (provider webhooks, API bodies), made safe to store, index and print.

Two escapes decode to characters that cannot be stored:

- half of a UTF-16 surrogate pair (``"\\ud83d"``), sent by a client that cut a message in the
  middle of an emoji. ``json.loads`` turns it into a lone surrogate, which UTF-8 cannot encode:
  saving, hashing or printing the text fails, far from the request. A paired escape decodes to
  one character, so a surrogate left after decoding is always lone.
- NUL (``"\\u0000"``), which PostgreSQL refuses in text and in ``jsonb``.

Each becomes U+FFFD, one code point for one, so offsets stay valid and the message gets in.
"""

from __future__ import annotations

import json
import re
from typing import Any

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: Any) -> Any:
    """``value`` (decoded JSON) with NUL and lone surrogates in its strings and keys replaced by
    U+FFFD."""
    if isinstance(value, str):
        return _UNSTORABLE.sub("\ufffd", value) if _UNSTORABLE.search(value) else value
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [storable(v) for v in value]
    return value


def loads(raw: bytes | str) -> Any:
    """``json.loads`` followed by :func:`storable`."""
    return storable(json.loads(raw))
