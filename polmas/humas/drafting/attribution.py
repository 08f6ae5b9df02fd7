"""Unit hierarchy and the attribution chain of the house style.

"Kapolres Indramayu, AKBP M. Fahri Siregar melalui Kapolsek Indramayu, AKP Indrie Hapsarie"
... "didampingi Kasi Humas Polres Indramayu, AKP Saefullah". Titles are built from the unit
names in the input ("Polres Indramayu" -> "Kapolres Indramayu"), never from a fixed place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import COMMAND_ROLES, ROLE_LEVEL, ActivityInput, Official, Role, UnitLevel

_LEVEL_PATTERNS: tuple[tuple[UnitLevel, re.Pattern[str]], ...] = (
    (UnitLevel.POLDA, re.compile(r"^polda\b", re.IGNORECASE)),
    (UnitLevel.POLRES, re.compile(r"^polres(ta|tabes)?\b", re.IGNORECASE)),
    (UnitLevel.POLSEK, re.compile(r"^polsek(ta)?\b", re.IGNORECASE)),
)
_UNIT_PREFIX = re.compile(
    r"^(polda|polrestabes|polresta|polres|polsekta|polsek)(\s+metro)?\s+", re.IGNORECASE
)
_BARE_TITLES = {
    Role.KAPOLDA: "Kapolda",
    Role.KAPOLRES: "Kapolres",
    Role.KAPOLSEK: "Kapolsek",
}


def unit_level(name: str) -> UnitLevel:
    for level, pattern in _LEVEL_PATTERNS:
        if pattern.match(name):
            return level
    return UnitLevel.OTHER


def unit_of_level(units: tuple[str, ...], level: UnitLevel) -> str | None:
    for name in units:
        if unit_level(name) is level:
            return name
    return None


def head_title(unit_name: str) -> str:
    """'Polres Indramayu' -> 'Kapolres Indramayu'; 'Polresta Cirebon' -> 'Kapolresta Cirebon'."""
    return "Ka" + unit_name[0].lower() + unit_name[1:]


def role_title(role: Role, units: tuple[str, ...]) -> str:
    """The official's title with the unit name from the input, or the bare title."""
    unit = unit_of_level(units, ROLE_LEVEL[role])
    if role is Role.KASI_HUMAS:
        return f"Kasi Humas {unit}" if unit else "Kasi Humas"
    return head_title(unit) if unit else _BARE_TITLES[role]


def hierarchy_phrase(units: tuple[str, ...]) -> str:
    """'personil dari Polsek Indramayu jajaran Polres Indramayu Polda Jabar'."""
    if len(units) == 1:
        return f"personil {units[0]}"
    return f"personil dari {units[0]} jajaran {' '.join(units[1:])}"


def dateline_place(activity: ActivityInput) -> str:
    """The place before ', -': the input's ``dateline``, else the Polres (or unit) name without
    its level word ('Polres Indramayu' -> 'Indramayu'), else the kecamatan."""
    if activity.dateline:
        return activity.dateline
    for name in (unit_of_level(activity.units, UnitLevel.POLRES), activity.unit):
        if name:
            stripped = _UNIT_PREFIX.sub("", name).strip()
            if stripped and stripped != name:
                return stripped
    return activity.kecamatan or activity.unit


@dataclass(frozen=True)
class Attribution:
    """Who the release speaks through.

    ``chain``: "Kapolres X, AKBP A melalui Kapolsek Y, AKP B" (top command official down to the
    one closest to the activity); ``speaker``: that last official, who speaks the quotes;
    ``companion``: "Kasi Humas X, AKP C" when a Kasi Humas is recorded besides the speaker.
    """

    chain: str
    speaker: Official
    speaker_title: str
    companion: str
    titles: dict[Role, str]

    def title_name(self, person: Official) -> str:
        """'Kapolsek Indramayu, AKP Indrie Hapsarie'."""
        return f"{self.titles[person.role]}, {person.rank_name}"


def build_attribution(activity: ActivityInput) -> tuple[Attribution | None, list[str]]:
    warnings: list[str] = []
    titles = {person.role: role_title(person.role, activity.units) for person in activity.officials}
    for person in activity.officials:
        level = ROLE_LEVEL[person.role]
        if level is not UnitLevel.POLDA and unit_of_level(activity.units, level) is None:
            warnings.append(
                f"officials: tidak ada satuan tingkat {ROLE_LEVEL[person.role].value} di "
                f"unit; jabatan ditulis '{titles[person.role]}' tanpa nama satuan"
            )
    commanders = [p for role in COMMAND_ROLES if (p := activity.official(role)) is not None]
    humas = activity.official(Role.KASI_HUMAS)
    if not commanders and humas is None:
        return None, warnings
    if not commanders:
        assert humas is not None
        text = f"{titles[Role.KASI_HUMAS]}, {humas.rank_name}"
        return Attribution(text, humas, titles[Role.KASI_HUMAS], "", titles), warnings
    chain = " melalui ".join(f"{titles[p.role]}, {p.rank_name}" for p in commanders)
    speaker = commanders[-1]
    companion = f"{titles[Role.KASI_HUMAS]}, {humas.rank_name}" if humas else ""
    return Attribution(chain, speaker, titles[speaker.role], companion, titles), warnings
