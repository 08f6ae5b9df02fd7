"""Typed input and output of the press-release generator (standard library only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """Officials the house style can name. The value is the JSON spelling."""

    KAPOLDA = "kapolda"
    KAPOLRES = "kapolres"
    KAPOLSEK = "kapolsek"
    KASI_HUMAS = "kasi_humas"


class UnitLevel(StrEnum):
    POLDA = "polda"
    POLRES = "polres"
    POLSEK = "polsek"
    OTHER = "other"


# Command roles from the top down; the attribution chain follows this order.
COMMAND_ROLES: tuple[Role, ...] = (Role.KAPOLDA, Role.KAPOLRES, Role.KAPOLSEK)
ROLE_LEVEL: dict[Role, UnitLevel] = {
    Role.KAPOLDA: UnitLevel.POLDA,
    Role.KAPOLRES: UnitLevel.POLRES,
    Role.KAPOLSEK: UnitLevel.POLSEK,
    Role.KASI_HUMAS: UnitLevel.POLRES,
}


@dataclass(frozen=True)
class Official:
    role: Role
    name: str
    rank: str = ""

    @property
    def rank_name(self) -> str:
        """'AKP Indrie Hapsarie' (or just the name when no rank was recorded)."""
        return f"{self.rank} {self.name}" if self.rank else self.name


@dataclass(frozen=True)
class Quote:
    role: Role
    text: str


@dataclass(frozen=True)
class Election:
    name: str
    date: dt.date


@dataclass(frozen=True)
class ActivityInput:
    """A recorded activity, parsed and validated.

    ``units`` is the unit chain from the acting unit upwards, e.g.
    ("Polsek Indramayu", "Polres Indramayu", "Polda Jabar"). ``start`` is always in WIB.
    ``has_time`` is False when only a date was recorded (then no pagi/siang/sore/malam is said).
    """

    units: tuple[str, ...]
    activity_type: str
    start: dt.datetime
    has_time: bool = True
    place: str = ""
    desa: str = ""
    kecamatan: str = ""
    purpose: str = ""
    dateline: str = ""
    officials: tuple[Official, ...] = ()
    audience_count: int | None = None
    audience_groups: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    resident_input: tuple[str, ...] = ()
    election: Election | None = None

    @property
    def unit(self) -> str:
        return self.units[0]

    def official(self, role: Role) -> Official | None:
        for person in self.officials:
            if person.role is role:
                return person
        return None


@dataclass(frozen=True)
class Release:
    """A drafted press release. ``choices`` names the phrasing picked for each slot."""

    title: str
    body: str
    warnings: tuple[str, ...] = ()
    choices: tuple[str, ...] = field(default=(), compare=False)

    @property
    def text(self) -> str:
        """Title, a blank line, then the body: what the CLI prints."""
        return f"{self.title}\n\n{self.body}\n"


@dataclass(frozen=True)
class FieldProblem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ActivityInputError(ValueError):
    """The input cannot be drafted; ``problems`` lists every missing or invalid field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"- {problem}" for problem in self.problems)
        super().__init__(f"Data kegiatan tidak lengkap atau tidak valid:\n{lines}")
