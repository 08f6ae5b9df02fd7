"""Turn untrusted activity JSON into an :class:`ActivityInput`, collecting every problem.

Required: ``unit.name``, ``activity.type`` and ``activity.start``. Everything else is optional
and simply left out of the release when absent. Fields that are present but malformed (wrong
type, blank text, unreadable date) are errors too, so an operator never loses a fact silently.
Soft problems are warnings: a date without offset (taken as WIB), an unknown official role, a
quote whose speaker is unknown (the quote is left out).

Limits (errors, by JSON path): a text longer than :data:`MAX_TEXT` characters; a date or
datetime whose year lies outside :data:`MIN_YEAR`..:data:`MAX_YEAR` (a year-1 or year-9999
moment with an offset cannot even be converted to WIB).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .calendar_id import WIB, to_wib
from .model import (
    ActivityInput,
    ActivityInputError,
    Election,
    FieldProblem,
    Official,
    Quote,
    Role,
)

MAX_UNIT_DEPTH = 6
MAX_TEXT = 5_000
MIN_YEAR = 1900
MAX_YEAR = 2100
_ROLE_NAMES = ", ".join(role.value for role in Role)
_SPACES = re.compile(r"\s+")


class _Reader:
    """Collects errors and warnings while reading one input document."""

    def __init__(self) -> None:
        self.errors: list[FieldProblem] = []
        self.warnings: list[str] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(FieldProblem(path, message))

    def warn(self, path: str, message: str) -> None:
        self.warnings.append(f"{path}: {message}")

    def obj(self, data: Mapping[str, Any], key: str, path: str, *, required: bool) -> Any:
        value = data.get(key)
        if value is None:
            if required:
                self.error(path, "wajib diisi")
            return None
        if not isinstance(value, Mapping):
            self.error(path, "harus berupa objek JSON ({...})")
            return None
        return value

    def text(self, data: Mapping[str, Any], key: str, path: str, *, required: bool) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.error(path, "wajib diisi")
            return ""
        if not isinstance(value, str):
            self.error(path, "harus berupa teks")
            return ""
        cleaned = _SPACES.sub(" ", value).strip()
        if not cleaned and required:
            self.error(path, "wajib diisi (teks kosong)")
        if not self.short_enough(path, cleaned):
            return ""
        return cleaned

    def short_enough(self, path: str, text: str) -> bool:
        if len(text) <= MAX_TEXT:
            return True
        self.error(path, f"terlalu panjang ({len(text)} karakter, maksimal {MAX_TEXT})")
        return False

    def year_in_range(self, path: str, raw: str, year: int) -> bool:
        if MIN_YEAR <= year <= MAX_YEAR:
            return True
        self.error(path, f"tahun pada '{raw}' harus antara {MIN_YEAR} dan {MAX_YEAR}")
        return False

    def items(self, data: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, "harus berupa daftar JSON ([...])")
            return []
        return value

    def texts(self, data: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        out: list[str] = []
        for index, item in enumerate(self.items(data, key, path)):
            item_path = f"{path}[{index}]"
            if not isinstance(item, str):
                self.error(item_path, "harus berupa teks")
                continue
            cleaned = _SPACES.sub(" ", item).strip()
            if not cleaned:
                self.error(item_path, "tidak boleh kosong")
                continue
            if self.short_enough(item_path, cleaned):
                out.append(cleaned)
        return tuple(out)


def parse_activity(data: object) -> tuple[ActivityInput, list[str]]:
    """Validate ``data`` (decoded JSON). Returns the typed input and Indonesian warnings.

    Raises :class:`ActivityInputError` naming every missing or invalid field by JSON path.
    """
    if not isinstance(data, Mapping):
        raise ActivityInputError([FieldProblem("$", "data kegiatan harus berupa objek JSON")])
    reader = _Reader()
    units = _units(reader, data)
    officials = _officials(reader, data)
    activity = reader.obj(data, "activity", "activity", required=False) or {}
    activity_type = reader.text(activity, "type", "activity.type", required=True)
    start, has_time = _start(reader, activity)
    audience = reader.obj(data, "audience", "audience", required=False) or {}
    count = _count(reader, audience)
    groups = reader.texts(audience, "groups", "audience.groups")
    messages = reader.texts(data, "messages", "messages")
    quotes = _quotes(reader, data, officials)
    resident_input = reader.texts(data, "resident_input", "resident_input")
    election = _election(reader, data)
    dateline = reader.text(data, "dateline", "dateline", required=False)
    place = reader.text(activity, "place", "activity.place", required=False)
    desa = reader.text(activity, "desa", "activity.desa", required=False)
    kecamatan = reader.text(activity, "kecamatan", "activity.kecamatan", required=False)
    purpose = reader.text(activity, "purpose", "activity.purpose", required=False)
    if reader.errors:
        raise ActivityInputError(reader.errors)
    assert start is not None
    parsed = ActivityInput(
        units=units,
        activity_type=activity_type,
        start=start,
        has_time=has_time,
        place=place,
        desa=desa,
        kecamatan=kecamatan,
        purpose=purpose.rstrip("."),
        dateline=dateline,
        officials=officials,
        audience_count=count,
        audience_groups=groups,
        messages=messages,
        quotes=quotes,
        resident_input=resident_input,
        election=election,
    )
    return parsed, reader.warnings


def _units(reader: _Reader, data: Mapping[str, Any]) -> tuple[str, ...]:
    names: list[str] = []
    node = reader.obj(data, "unit", "unit", required=False)
    path = "unit"
    if node is None:
        if "unit" not in data or data["unit"] is None:
            reader.error("unit.name", "wajib diisi")
        return ()
    while node is not None and len(names) < MAX_UNIT_DEPTH:
        name = reader.text(node, "name", f"{path}.name", required=True)
        if name:
            names.append(name)
        path += ".parent"
        node = reader.obj(node, "parent", path, required=False)
    if node is not None:
        reader.warn(path, f"hierarki satuan lebih dari {MAX_UNIT_DEPTH} tingkat; sisanya diabaikan")
    return tuple(names)


def _officials(reader: _Reader, data: Mapping[str, Any]) -> tuple[Official, ...]:
    found: dict[Role, Official] = {}
    for index, item in enumerate(reader.items(data, "officials", "officials")):
        path = f"officials[{index}]"
        if not isinstance(item, Mapping):
            reader.error(path, "harus berupa objek JSON ({...})")
            continue
        role_text = reader.text(item, "role", f"{path}.role", required=True)
        name = reader.text(item, "name", f"{path}.name", required=True)
        rank = reader.text(item, "rank", f"{path}.rank", required=False)
        if not role_text:
            continue
        try:
            role = Role(role_text.lower())
        except ValueError:
            reader.warn(
                f"{path}.role",
                f"jabatan '{role_text}' tidak dikenal (yang dikenal: {_ROLE_NAMES}); "
                "pejabat ini tidak disebut dalam rilis",
            )
            continue
        if role in found:
            reader.warn(f"{path}.role", f"jabatan '{role.value}' sudah ada; entri ini diabaikan")
            continue
        if name:
            found[role] = Official(role=role, name=name, rank=rank)
    return tuple(found.values())


def _start(reader: _Reader, activity: Mapping[str, Any]) -> tuple[dt.datetime | None, bool]:
    raw = reader.text(activity, "start", "activity.start", required=True)
    if not raw:
        return None, True
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            reader.error("activity.start", f"tanggal '{raw}' tidak valid")
            return None, True
        if not reader.year_in_range("activity.start", raw, day.year):
            return None, True
        reader.warn(
            "activity.start",
            f"'{raw}' hanya berisi tanggal tanpa jam; waktu (pagi/siang/sore/malam) tidak disebut",
        )
        return dt.datetime.combine(day, dt.time(0, 0), tzinfo=WIB), False
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        reader.error(
            "activity.start",
            f"'{raw}' bukan tanggal-waktu ISO 8601 (contoh: 2024-01-23T20:00:00+07:00)",
        )
        return None, True
    if not reader.year_in_range("activity.start", raw, value.year):
        return None, True
    if value.tzinfo is None:
        reader.warn(
            "activity.start",
            f"'{raw}' tidak mencantumkan zona waktu; dianggap WIB (Asia/Jakarta, UTC+7)",
        )
    return to_wib(value), True


def _count(reader: _Reader, audience: Mapping[str, Any]) -> int | None:
    value = audience.get("count")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        reader.error("audience.count", "harus berupa bilangan bulat 0 atau lebih")
        return None
    return value or None


def _quotes(
    reader: _Reader, data: Mapping[str, Any], officials: tuple[Official, ...]
) -> tuple[Quote, ...]:
    present = {person.role for person in officials}
    out: list[Quote] = []
    for index, item in enumerate(reader.items(data, "quotes", "quotes")):
        path = f"quotes[{index}]"
        if not isinstance(item, Mapping):
            reader.error(path, "harus berupa objek JSON ({...})")
            continue
        text = reader.text(item, "text", f"{path}.text", required=True)
        role_value = item.get("role")
        if not isinstance(role_value, str) or not role_value.strip():
            reader.warn(f"{path}.role", "kutipan tanpa pembicara; kutipan tidak dimuat")
            continue
        try:
            role = Role(role_value.strip().lower())
        except ValueError:
            reader.warn(
                f"{path}.role",
                f"pembicara '{role_value}' tidak dikenal; kutipan tidak dimuat",
            )
            continue
        if role not in present:
            reader.warn(
                f"{path}.role",
                f"tidak ada pejabat '{role.value}' di officials; kutipan tidak dimuat",
            )
            continue
        if text:
            out.append(Quote(role=role, text=text.replace('"', "'")))
    return tuple(out)


def _election(reader: _Reader, data: Mapping[str, Any]) -> Election | None:
    node = reader.obj(data, "election", "election", required=False)
    if node is None:
        return None
    name = reader.text(node, "name", "election.name", required=True)
    raw = reader.text(node, "date", "election.date", required=True)
    day: dt.date | None = None
    if raw:
        try:
            parsed: dt.date = (
                dt.date.fromisoformat(raw) if len(raw) == 10 else dt.datetime.fromisoformat(raw)
            )
        except ValueError:
            reader.error("election.date", f"'{raw}' bukan tanggal ISO (contoh: 2024-02-14)")
        else:
            if reader.year_in_range("election.date", raw, parsed.year):
                day = to_wib(parsed).date() if isinstance(parsed, dt.datetime) else parsed
    if name and day is not None:
        return Election(name=name, date=day)
    return None
