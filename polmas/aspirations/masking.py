"""Masking personal data (phone numbers, NIK, e-mail) for people who do not need to see it."""

from __future__ import annotations

import re

# Indonesian phone numbers (+62 / 62 / 0 followed by 8-13 digits, spaces or dashes allowed).
_PHONE = re.compile(r"(?<!\d)(?:\+?62|0)[\s-]?8(?:[\s-]?\d){7,11}(?!\d)")
# NIK: 16 digits.
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def mask_phone(value: str) -> str:
    """'081234567890' -> '0812****7890'; short or empty values are fully masked or kept empty."""
    digits = [c for c in value if c.isdigit()]
    if not digits:
        return ""
    if len(digits) < 8:
        return "*" * len(digits)
    return "".join(digits[:4]) + "*" * (len(digits) - 8) + "".join(digits[-4:])


def mask_name(value: str) -> str:
    """'Siti Aminah' -> 'S*** A*****'."""
    return " ".join(w[0] + "*" * (len(w) - 1) for w in value.split() if w)


def mask_email(value: str) -> str:
    if "@" not in value:
        return mask_name(value)
    local, domain = value.split("@", 1)
    return (local[:1] + "***@" + domain) if local else "***@" + domain


def mask_text(text: str) -> str:
    """Mask NIK, phone numbers and e-mail addresses inside free text."""
    text = _NIK.sub(lambda m: m.group(0)[:4] + "*" * 8 + m.group(0)[-4:], text)
    text = _PHONE.sub(lambda m: mask_phone(m.group(0)), text)
    return _EMAIL.sub(lambda m: mask_email(m.group(0)), text)
