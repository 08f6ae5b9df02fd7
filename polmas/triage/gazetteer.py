"""Gazetteer of the deployment's kecamatan and desa/kelurahan (Kemendagri codes).

The default gazetteer is ``artifacts/gazetteer.json``, built by ``triage train`` from
``regions/indramayu_wilayah.csv`` (MIT, cahyadsn/wilayah). Any object with the same entries can
be passed to :func:`polmas.triage.places.find_places` (e.g. one built from the org app's data).
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from polmas.triage.paths import artifacts_dir

# Names that are also everyday words (or other places): matched only with a context cue.
COMMON_WORD_NAMES = frozenset(
    [
        "amis",
        "tempel",
        "jambe",
        "benda",
        "sendang",
        "mundu",
        "dadap",
        "tambak",
        "dukuh",
        "kenanga",
        "terusan",
        "cemara",
        "waru",
        "legok",
        "larangan",
        "curug",
        "soge",
        "ilir",
        "bogor",
        "bondan",
        "gedangan",
        "lajer",
        "limpas",
        "bugel",
        "tambi",
        "sleman",
        "krasak",
        "kalimati",
        "pangkalan",
        "plumbon",
        "pegagan",
        "puntang",
        "jangga",
        "muntur",
        "bunder",
        "loyang",
        "nunuk",
        "tugu",
        "bulak",
        "patrol",
        "dermayu",
        "indramayu",
        "lanjan",
        "langut",
        "cangko",
        "bodas",
        "gadel",
        "sanca",
        "bugis",
        "kopyah",
        "wanguk",
        "pondoh",
        "lombang",
        "longok",
        "kliwed",
        "jengkok",
        "mulyasari",
        "tamansari",
        "sukasari",
    ]
)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    code: str
    name: str
    level: str  # "kecamatan", "desa" or "kelurahan"
    kecamatan_code: str
    kecamatan: str


def name_key(name: str) -> str:
    """Lower-case a name, keep only letters and digits ("Gabus Kulon" -> "gabuskulon")."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


@dataclass(slots=True)
class Gazetteer:
    """Places indexed by their name key (spaces removed, lower-case)."""

    places: list[Place]
    by_key: dict[str, list[Place]] = field(default_factory=dict)
    needs_context: set[str] = field(default_factory=set)
    first_words: set[str] = field(default_factory=set)
    max_tokens: int = 1

    def __post_init__(self) -> None:
        index: dict[str, list[Place]] = defaultdict(list)
        for place in self.places:
            index[name_key(place.name)].append(place)
            self.first_words.add(name_key(place.name.split()[0]))
            self.first_words.add(name_key(place.name))
            self.max_tokens = max(self.max_tokens, len(place.name.split()))
        self.by_key = dict(index)
        self.needs_context = {
            key for key in self.by_key if key in COMMON_WORD_NAMES or len(key) <= 5
        }

    @classmethod
    def from_json(cls, path: Path) -> Gazetteer:
        """Load a gazetteer written by :meth:`to_json`."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls([Place(*row) for row in data["places"]])

    def to_json(self, path: Path, source: str) -> None:
        """Write the gazetteer as compact JSON."""
        rows = [[p.code, p.name, p.level, p.kecamatan_code, p.kecamatan] for p in self.places]
        payload = {
            "source": source,
            "columns": ["code", "name", "level", "kecamatan_code", "kecamatan"],
            "places": rows,
        }
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=0), encoding="utf-8")

    @classmethod
    def from_wilayah_csv(cls, path: Path) -> Gazetteer:
        """Build from ``indramayu_wilayah.csv`` (kecamatan and desa/kelurahan rows)."""
        places: list[Place] = []
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["level"] == "kecamatan":
                    level = "kecamatan"
                elif row["level"] == "desa_kelurahan":
                    level = row["jenis"] or "desa"
                else:
                    continue
                places.append(
                    Place(
                        row["kode"],
                        row["nama"],
                        level,
                        row["kode_kecamatan"],
                        row["nama_kecamatan"],
                    )
                )
        return cls(places)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The committed Indramayu gazetteer (loaded once per process)."""
    return Gazetteer.from_json(artifacts_dir() / "gazetteer.json")
