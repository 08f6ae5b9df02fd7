"""JSON from outside (provider webhooks, API bodies), made safe to store, index and print.

Two escapes decode to characters that cannot be stored:

- half of a UTF-16 surrogate pair (``"\\ud83d"``), sent by a client that cut a message in the
  middle of an emoji. ``json.loads`` turns it into a lone surrogate, which UTF-8 cannot encode:
  saving, hashing or printing the text fails, far from the request. A paired escape decodes to
  one character, so a surrogate left after decoding is always lone.
- NUL (``"\\u0000"``), which PostgreSQL refuses in text and in ``jsonb``.

Each becomes U+FFFD, one code point for one, so offsets stay valid and the message gets in.

What cannot be stored at all is refused with ``ValueError`` (as malformed JSON is): ``NaN`` and
``Infinity`` (and numbers too large for a float, read as infinity), which neither SQLite's nor
PostgreSQL's JSON accepts; integers past Python's 4,300-digit limit; nesting deep enough to
exhaust the parser's recursion.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: Any) -> Any:
    """``value`` (decoded JSON) with NUL and lone surrogates in its strings and keys replaced by
    U+FFFD; ``ValueError`` for a number that is not finite."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("a JSON number must be finite")
    if isinstance(value, str):
        return _UNSTORABLE.sub("\ufffd", value) if _UNSTORABLE.search(value) else value
    if isinstance(value, dict):
        return {storable(k): storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [storable(v) for v in value]
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"JSON constant {name} is not allowed")


def loads(raw: bytes | str) -> Any:
    """``json.loads`` followed by :func:`storable`; ``ValueError`` for anything that cannot be
    read or stored (see the module docstring)."""
    try:
        return storable(json.loads(raw, parse_constant=_no_constant))
    except RecursionError as exc:  # in the parser or in storable's walk
        raise ValueError("JSON nested too deeply") from exc
