"""Tracking codes: short, unambiguous, with a check character, unguessable enough for a page.

Format "PM-XXXX-XXXX": seven random characters from a 31-letter alphabet without 0/O/1/I/L
(31**7 ~ 2.75e10 codes) and a final check character (weighted sum modulo the prime 31, which
catches every single-character error and every swap of two neighbours).
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
assert len(ALPHABET) == 31
PREFIX = "PM"
RANDOM_LENGTH = 7
_VALUE = {c: i for i, c in enumerate(ALPHABET)}


def check_character(body: str) -> str:
    total = sum((i + 1) * _VALUE[c] for i, c in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    full = body + check_character(body)
    return f"{PREFIX}-{full[:4]}-{full[4:]}"


def normalise(raw: str) -> str | None:
    """A canonical code from what a resident typed, or None if it cannot be one of ours.

    Case, spaces and dashes are forgiven; the check character must match.
    """
    cleaned = "".join(ch for ch in raw.upper() if ch.isalnum())
    if cleaned.startswith(PREFIX):
        cleaned = cleaned[len(PREFIX) :]
    if len(cleaned) != RANDOM_LENGTH + 1 or any(ch not in _VALUE for ch in cleaned):
        return None
    if check_character(cleaned[:-1]) != cleaned[-1]:
        return None
    return f"{PREFIX}-{cleaned[:4]}-{cleaned[4:]}"
