"""Personal data: NIK, phone numbers, e-mail addresses and vehicle plates; typed masking.

Offsets are Python ``str`` indices into the text as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Kemendagri province codes (Kepmendagri 300.2.2-2138/2025): the first two digits of a NIK.
PROVINCE_CODES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "21",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "51",
        "52",
        "53",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "72",
        "73",
        "74",
        "75",
        "76",
        "81",
        "82",
        "91",
        "92",
        "93",
        "94",
        "95",
        "96",
    ]
)

# Region prefixes of Indonesian vehicle plates (Indramayu is E).
PLATE_PREFIXES = frozenset(
    [
        "A",
        "B",
        "D",
        "E",
        "F",
        "G",
        "H",
        "K",
        "L",
        "M",
        "N",
        "P",
        "R",
        "S",
        "T",
        "W",
        "Z",
        "AA",
        "AB",
        "AD",
        "AE",
        "AG",
        "BA",
        "BB",
        "BD",
        "BE",
        "BG",
        "BH",
        "BK",
        "BL",
        "BM",
        "BN",
        "BP",
        "DA",
        "DB",
        "DD",
        "DE",
        "DG",
        "DH",
        "DK",
        "DL",
        "DM",
        "DN",
        "DR",
        "DS",
        "DT",
        "EA",
        "EB",
        "ED",
        "KB",
        "KH",
        "KT",
        "KU",
        "PA",
        "PB",
    ]
)

MASKS = {"nik": "[NIK]", "phone": "[TELEPON]", "email": "[EMAIL]", "plate": "[PLAT]"}

_NIK_RE = re.compile(r"(?<![\d])(\d{4})([ .-]?)(\d{4})\2(\d{4})\2(\d{4})(?![\d])")
_PHONE_RE = re.compile(r"(?<![\w+])(?:\+62|62|0)[ .-]?8\d{1,2}(?:[ .-]?\d{2,5}){2,4}(?![\d])")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_PLATE_RE = re.compile(r"\b([A-Za-z]{1,2})[ -]?([1-9]\d{0,3})[ -]?([A-Za-z]{1,3})\b")
_DIGIT_RE = re.compile(r"\d")
r"""The NIK, phone and plate patterns all need a digit (the same Unicode ``\d``): a message
without one skips them."""


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """A personal-data mention: ``type`` is one of nik, phone, email, plate."""

    type: str
    start: int
    end: int
    text: str


def is_valid_nik(digits: str) -> bool:
    """Check a 16-digit NIK: province code, non-zero regency/district, date and serial."""
    if len(digits) != 16 or not digits.isdigit():
        return False
    if digits[:2] not in PROVINCE_CODES or digits[2:4] == "00" or digits[4:6] == "00":
        return False
    day, month = int(digits[6:8]), int(digits[8:10])
    if day > 40:  # women: day of birth + 40
        day -= 40
    return 1 <= day <= 31 and 1 <= month <= 12 and digits[12:] != "0000"


def _phone_ok(match: str) -> bool:
    digits = re.sub(r"\D", "", match)
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return 10 <= len(digits) <= 13


def _plate_ok(match: re.Match[str]) -> bool:
    prefix, number, suffix = match.group(1), match.group(2), match.group(3)
    if prefix.upper() not in PLATE_PREFIXES:
        return False
    whole = match.group(0)
    return whole.isupper() or (len(number) >= 3 and prefix.isupper() == suffix.isupper())


def find_pii(text: str) -> list[PiiSpan]:
    """Find NIK, phone, e-mail and plate mentions; non-overlapping, ordered by start."""
    found: list[PiiSpan] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        found.append(PiiSpan(kind, start, end, text[start:end]))

    if "@" in text:  # every pattern below needs an "@" or a digit; most messages have neither
        for m in _EMAIL_RE.finditer(text):
            add("email", m.start(), m.end())
    if _DIGIT_RE.search(text) is None:
        return found
    for m in _NIK_RE.finditer(text):
        if is_valid_nik("".join(m.group(1, 3, 4, 5))):
            add("nik", m.start(), m.end())
    for m in _PHONE_RE.finditer(text):
        if _phone_ok(m.group(0)):
            add("phone", m.start(), m.end())
    for m in _PLATE_RE.finditer(text):
        if _plate_ok(m):
            add("plate", m.start(), m.end())
    found.sort(key=lambda s: s.start)
    return found


def mask_pii(text: str, spans: list[PiiSpan] | None = None) -> str:
    """Replace every personal-data mention with its typed mask ([NIK], [TELEPON], ...)."""
    items = find_pii(text) if spans is None else spans
    out: list[str] = []
    pos = 0
    for span in sorted(items, key=lambda s: s.start):
        out.append(text[pos : span.start])
        out.append(MASKS[span.type])
        pos = span.end
    out.append(text[pos:])
    return "".join(out)
