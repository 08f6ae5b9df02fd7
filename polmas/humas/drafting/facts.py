"""Facts derived from an :class:`ActivityInput`, ready to be dropped into phrases, and the
seeded picker that chooses among phrasings."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from .attribution import Attribution, build_attribution, dateline_place, hierarchy_phrase
from .calendar_id import clock, day_phrase, days_until, is_small_hours, long_date, to_wib
from .model import ActivityInput
from .textutil import as_phrase, capitalise_first, with_prefix

T = TypeVar("T")

# Generic purpose of each kind of activity ("Kegiatan ini bertujuan untuk ..."). These are the
# only framing phrases about purpose; they say what the programme is for, nothing about the event.
GENERIC_PURPOSES: dict[str, tuple[str, ...]] = {
    "patroli dialog": (
        "menyampaikan pesan-pesan kamtibmas guna menciptakan lingkungan yang aman dan kondusif",
        "menyampaikan pesan-pesan kamtibmas secara langsung sekaligus mendengarkan aspirasi warga",
    ),
    "sambang": (
        "mempererat silaturahmi antara kepolisian dan warga sekaligus menyampaikan pesan-pesan "
        "kamtibmas",
    ),
    "cooling system": ("menjaga situasi kamtibmas tetap sejuk dan kondusif",),
    "jumat curhat": ("mendengarkan secara langsung keluhan, masukan, dan aspirasi warga",),
}
DEFAULT_PURPOSES = (
    "menjalin komunikasi yang baik antara kepolisian dan masyarakat serta menjaga situasi "
    "kamtibmas tetap kondusif",
)
_TYPE_ALIASES = {"patroli dialogis": "patroli dialog", "sambang kamtibmas": "sambang"}
_CAPITALISED_TYPES = {"jumat curhat": "Jumat Curhat"}


class Picker:
    """Chooses one phrasing per slot with a RNG seeded from the input; records the choices."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self.choices: list[str] = []

    def pick(self, slot: str, options: Sequence[T | None]) -> T:
        """Pick among the options that are not None; the recorded id keeps the option index."""
        usable = [(index, option) for index, option in enumerate(options) if option is not None]
        if not usable:
            raise ValueError(f"no usable phrasing for slot {slot}")
        index, option = usable[self._rng.randrange(len(usable))]
        self.choices.append(f"{slot}.{index}")
        return option

    def chance(self, slot: str) -> bool:
        return self.pick(slot, (False, True))


def input_seed(activity: ActivityInput) -> int:
    """A stable seed: SHA-256 of the canonical JSON of the parsed input."""
    canonical = json.dumps(
        dataclasses.asdict(activity), default=str, sort_keys=True, ensure_ascii=False
    )
    return int.from_bytes(hashlib.sha256(canonical.encode("utf-8")).digest()[:8], "big")


@dataclass(frozen=True)
class ElectionWords:
    """Election phrases for the activity's phase: before (with days left), on the day, after."""

    name: str
    short: str
    phase: str
    days_left: int
    date_text: str

    def suffixes(self) -> list[str | None]:
        """Phrases that follow a clause: 'menjelang Pemilihan Umum 2024'."""
        if self.phase == "before":
            return [
                f"menjelang {self.name}",
                f"jelang {self.short}",
                "menjelang proses demokrasi tersebut",
            ]
        if self.phase == "day":
            return [f"selama pelaksanaan {self.name}", None, None]
        return [f"pascapelaksanaan {self.name}", None, None]

    def leads(self) -> list[str | None]:
        """Sentence openers followed by a comma: 'Menyongsong Pemilihan Umum 2024'."""
        if self.phase == "before":
            return [
                f"menyongsong {self.name}",
                f"menjelang {self.name}",
                f"dalam rangka menyongsong {self.name} yang akan digelar pada {self.date_text}",
                f"memasuki H-{self.days_left} {self.name}",
            ]
        if self.phase == "day":
            return [f"bertepatan dengan hari pelaksanaan {self.name}", None, None, None]
        return [f"usai pelaksanaan {self.name}", f"pascapelaksanaan {self.name}", None, None]

    def when_sentence(self) -> str:
        """A stand-alone sentence placing the activity relative to the election."""
        if self.phase == "before":
            return f"Kegiatan tersebut digelar {self.days_left} hari menjelang {self.name}."
        if self.phase == "day":
            return f"Kegiatan tersebut digelar bertepatan dengan hari pelaksanaan {self.name}."
        return f"Kegiatan tersebut digelar usai pelaksanaan {self.name}."

    def title_suffix(self) -> list[str | None]:
        if self.phase == "before":
            return [f"Menjelang {self.short}", f"Jelang {self.short}"]
        if self.phase == "day":
            return [f"Saat Pelaksanaan {self.short}", None]
        return [f"Usai {self.short}", None]


@dataclass(frozen=True)
class Facts:
    activity: ActivityInput
    attribution: Attribution | None
    dateline: str
    personnel: str  # "personil dari Polsek X jajaran Polres Y Polda Z"
    type_text: str  # "patroli dialog" (mid-sentence form)
    type_key: str
    location: str  # "di Pasar Baru, Desa X, Kecamatan Y" or ""
    day: str  # "Selasa malam (23/1/2024)"
    clock: str  # "pukul 20.00 WIB" or ""
    clock_required: bool
    election: ElectionWords | None
    messages: tuple[str, ...]
    resident_input: tuple[str, ...]
    groups: tuple[str, ...]

    @property
    def type_cap(self) -> str:
        return capitalise_first(self.type_text)

    def purposes(self) -> tuple[str, ...]:
        if self.activity.purpose:
            purpose = as_phrase(self.activity.purpose)
            return (purpose.removeprefix("untuk ").removeprefix("guna "),)
        return GENERIC_PURPOSES.get(self.type_key, DEFAULT_PURPOSES)


def derive_facts(activity: ActivityInput) -> tuple[Facts, list[str]]:
    attribution, warnings = build_attribution(activity)
    start = to_wib(activity.start)  # an ActivityInput built by hand may carry another zone
    type_key = activity.activity_type.lower()
    type_key = _TYPE_ALIASES.get(type_key, type_key)
    type_text = _CAPITALISED_TYPES.get(activity.activity_type.lower(), "")
    if not type_text:
        type_text = as_phrase(activity.activity_type)
    parts = [activity.place] if activity.place else []
    if activity.desa:
        parts.append(with_prefix(activity.desa, "Desa", "Kelurahan", "Kel", "Ds"))
    if activity.kecamatan:
        parts.append(with_prefix(activity.kecamatan, "Kecamatan", "Kec"))
    election = None
    if activity.election is not None:
        days = days_until(start.date(), activity.election.date)
        phase = "before" if days > 0 else "day" if days == 0 else "after"
        name = activity.election.name
        election = ElectionWords(
            name=name,
            short=name.replace("Pemilihan Umum", "Pemilu"),
            phase=phase,
            days_left=days,
            date_text=long_date(activity.election.date),
        )
    facts = Facts(
        activity=activity,
        attribution=attribution,
        dateline=dateline_place(activity),
        personnel=hierarchy_phrase(activity.units),
        type_text=type_text,
        type_key=type_key,
        location=f"di {', '.join(parts)}" if parts else "",
        day=day_phrase(start, has_time=activity.has_time),
        clock=f"pukul {clock(start)}" if activity.has_time else "",
        clock_required=activity.has_time and is_small_hours(start),
        election=election,
        messages=tuple(as_phrase(m) for m in activity.messages),
        resident_input=tuple(as_phrase(r) for r in activity.resident_input),
        groups=tuple(as_phrase(g) for g in activity.audience_groups),
    )
    return facts, warnings
