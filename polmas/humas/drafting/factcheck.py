"""No-invention checker: which facts in a release are not backed by its input?

A *fact token* is any word that starts with a capital letter or contains a digit (names, ranks,
places, units, day and month names, numbers, dates). Each must be either

* a word of the input (any string value, case-insensitive; numbers without leading zeros), or
* derived from the input's dates: for every ISO date/datetime in the input, its WIB day, month,
  year, hour and minute, its Indonesian day and month name, and the whole days between any two
  of those dates (for "H-22"); "Pemilu" when the input says "Pemilihan Umum", or
* one of the generic house-style words in :data:`FIXED_WORDS` (sentence openers, headline
  verbs, titles like "Kapolres" that are completed by a unit name from the input).

Day and month names are deliberately NOT in the allow-list, and a day name written before a
date ("Selasa malam (23/1/2024)") must be that date's weekday (:func:`find_wrong_weekdays`).
Quoted text must be a verbatim part of a recorded statement (:func:`find_invented_quotes`).
The checker reads the raw input and shares no phrasing code with the generator.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any
from zoneinfo import ZoneInfo

from .calendar_id import DAY_NAMES, MONTH_NAMES

_WIB = ZoneInfo("Asia/Jakarta")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_QUOTED = re.compile(r'"([^"]*)"')
_DAY_DATE = re.compile(
    r"\b("
    + "|".join(DAY_NAMES)
    + r")(?: (?:pagi|siang|sore|malam))? \((\d{1,2})/(\d{1,2})/(\d{4})\)"
)

FIXED_WORDS: frozenset[str] = frozenset(
    {
        "adapun",
        "aspirasi",
        "bersama",
        "bertepatan",
        "dalam",
        "dengarkan",
        "desa",
        "di",
        "gelar",
        "h",
        "hal",
        "humas",
        "jaga",
        "jelang",
        "kamtibmas",
        "kapolda",
        "kapolres",
        "kapolresta",
        "kapolsek",
        "kapolsekta",
        "kasi",
        "kecamatan",
        "kegiatan",
        "kepada",
        "kesadaran",
        "lakukan",
        "lewat",
        "melalui",
        "memasuki",
        "meningkatkan",
        "menjelang",
        "menurut",
        "menyongsong",
        "pada",
        "pascapelaksanaan",
        "pelaksanaan",
        "personil",
        "pesan",
        "pungkasnya",
        "saat",
        "sambangi",
        "sampaikan",
        "sebanyak",
        "sejumlah",
        "selain",
        "sementara",
        "tercatat",
        "untuk",
        "usai",
        "warga",
        "wib",
    }
)


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _norm(token: str) -> str:
    return str(int(token)) if token.isdigit() else token.lower()


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, bool):
        return
    elif isinstance(value, int | float):
        yield str(value)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dt.datetime | dt.date):
        yield value.isoformat()


def _as_plain(source: Any) -> Any:
    if dataclasses.is_dataclass(source) and not isinstance(source, type):
        return dataclasses.asdict(source)
    return source


def _date_of(text: str) -> dt.date | dt.datetime | None:
    if not _ISO_DATE.match(text):
        return None
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    try:
        return value.replace(tzinfo=_WIB) if value.tzinfo is None else value.astimezone(_WIB)
    except OverflowError:  # year 1 or 9999 with an offset: no WIB date exists
        return None


def source_vocabulary(source: Any) -> set[str]:
    """Every normalised fact token the input backs (its words plus date-derived words)."""
    strings = list(_strings(_as_plain(source)))
    vocab = {_norm(word) for text in strings for word in _words(text)}
    days: set[dt.date] = set()
    for text in strings:
        value = _date_of(text)
        if value is None:
            continue
        day = value.date() if isinstance(value, dt.datetime) else value
        days.add(day)
        vocab |= {str(day.day), str(day.month), str(day.year)}
        vocab |= {DAY_NAMES[day.weekday()].lower(), MONTH_NAMES[day.month - 1].lower()}
        if isinstance(value, dt.datetime):
            vocab |= {str(value.hour), str(value.minute)}
    for first, second in itertools.combinations(sorted(days), 2):
        vocab.add(str((second - first).days))
    if any("pemilihan umum" in text.lower() for text in strings):
        vocab.add("pemilu")
    return vocab


def find_invented_tokens(
    text: str, source: Any, extra_allowed: frozenset[str] = frozenset()
) -> list[str]:
    """Fact tokens of ``text`` that neither the input nor the allow-list backs (in order)."""
    vocab = source_vocabulary(source)
    allowed = FIXED_WORDS | {word.lower() for word in extra_allowed}
    invented: list[str] = []
    for word in _words(text):
        if not (word[0].isupper() or any(char.isdigit() for char in word)):
            continue
        key = _norm(word)
        if key not in vocab and key not in allowed and word not in invented:
            invented.append(word)
    return invented


def find_wrong_weekdays(text: str) -> list[str]:
    """'Rabu malam (23/1/2024)' when 23/1/2024 is a Selasa: the day name must fit its date."""
    wrong = []
    for match in _DAY_DATE.finditer(text):
        name, day, month, year = match.groups()
        try:
            actual = DAY_NAMES[dt.date(int(year), int(month), int(day)).weekday()]
        except ValueError:
            wrong.append(match.group(0))
            continue
        if actual != name:
            wrong.append(match.group(0))
    return wrong


def _squash(text: str) -> str:
    return " ".join(text.replace('"', "'").split())


def find_invented_quotes(text: str, source: Any) -> list[str]:
    """Quoted passages of ``text`` that are not verbatim (bar final punctuation) in a quote."""
    plain = _as_plain(source)
    recorded: list[str] = []
    if isinstance(plain, Mapping):
        for quote in plain.get("quotes") or []:
            if isinstance(quote, Mapping) and isinstance(quote.get("text"), str):
                recorded.append(_squash(quote["text"]))
    invented = []
    for passage in _QUOTED.findall(text):
        core = _squash(passage).rstrip(",.!?;: ")
        if not core or not any(core in quote for quote in recorded):
            invented.append(passage)
    return invented


def find_invented(text: str, source: Any) -> list[str]:
    """All problems: invented fact tokens, wrong weekdays and invented quotations."""
    tokens = find_invented_tokens(text, source)
    quotes = [f'"{passage}"' for passage in find_invented_quotes(text, source)]
    return tokens + find_wrong_weekdays(text) + quotes
