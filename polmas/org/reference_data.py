"""Loading the shipped reference data: Kemendagri regions, Indramayu's boundaries and TPS counts,
and the default unit tree. Every loader is idempotent: a second run changes nothing."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from polmas.org.models import Region, RegionLevel, Unit, UnitLevel

DATA_DIR = Path(__file__).resolve().parent / "data"

_LEVELS = {
    "provinsi": RegionLevel.PROVINSI,
    "kabupaten_kota": RegionLevel.KABUPATEN,
    "kecamatan": RegionLevel.KECAMATAN,
    "desa_kelurahan": RegionLevel.DESA,
}
_FIELDS = (
    "name",
    "level",
    "parent_id",
    "is_kelurahan",
    "lat",
    "lng",
    "boundary",
    "postal_code",
    "tps_count",
)


def _open_text(name: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(gzip.open(DATA_DIR / name, "rb"), encoding="utf-8-sig")


def _read_csv(name: str) -> Iterator[dict[str, str]]:
    with _open_text(name) as fh:
        yield from csv.DictReader(fh)


def _read_geojson(name: str) -> dict[str, dict[str, Any]]:
    with _open_text(name) as fh:
        data = json.load(fh)
    return {f["properties"]["kode"]: f["geometry"] for f in data["features"]}


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    by_level: dict[str, int] = field(default_factory=dict)


def _in_selection(code: str, only: str | None) -> bool:
    if only is None:
        return True
    return code == only or code.startswith(only + ".") or only.startswith(code + ".")


def build_region_rows(only: str | None = None) -> dict[str, dict[str, Any]]:
    """All region rows to load, keyed by code, with the Indramayu details merged in."""
    rows: dict[str, dict[str, Any]] = {}
    for r in _read_csv("wilayah_kemendagri_2025.csv.gz"):
        code = r["kode"].strip()
        if not _in_selection(code, only):
            continue
        level = _LEVELS[r["level"]]
        rows[code] = {
            "name": r["nama"].strip(),
            "level": level,
            "parent_id": r["kode_induk"].strip() or None,
            "is_kelurahan": level == RegionLevel.DESA and code.split(".")[-1].startswith("1"),
            "lat": None,
            "lng": None,
            "boundary": None,
            "postal_code": "",
            "tps_count": None,
        }
    for r in _read_csv("indramayu_wilayah.csv.gz"):
        row = rows.get(r["kode"])
        if row is None:
            continue
        row["lat"] = float(r["lat_centroid"]) if r["lat_centroid"] else None
        row["lng"] = float(r["lng_centroid"]) if r["lng_centroid"] else None
        row["postal_code"] = (r.get("kodepos") or "").strip()
    for name in (
        "indramayu_desa_boundaries.geojson.gz",
        "indramayu_kecamatan_boundaries.geojson.gz",
        "indramayu_kabupaten_boundary.geojson.gz",
    ):
        for code, geometry in _read_geojson(name).items():
            if code in rows:
                rows[code]["boundary"] = geometry
    for r in _read_csv("indramayu_tps_per_desa.csv.gz"):
        if r["kode_kemendagri"] in rows:
            rows[r["kode_kemendagri"]]["tps_count"] = int(r["jumlah_tps"])
    return rows


def _depth(code: str) -> int:
    return code.count(".")


@transaction.atomic
def load_regions(*, only: str | None = None, batch_size: int = 2000) -> LoadReport:
    """Insert new regions, update changed ones, leave identical ones alone."""
    from polmas.org.regions import reset_caches

    rows = build_region_rows(only)
    report = LoadReport()
    existing = (
        {r["code"]: r for r in Region.objects.filter(code__in=list(rows)).values("code", *_FIELDS)}
        if len(rows) < 5000
        else {r["code"]: r for r in Region.objects.values("code", *_FIELDS)}
    )
    to_create: list[Region] = []
    to_update: list[Region] = []
    for code in sorted(rows, key=lambda c: (_depth(c), c)):
        row = rows[code]
        report.by_level[row["level"]] = report.by_level.get(row["level"], 0) + 1
        old = existing.get(code)
        if old is None:
            to_create.append(Region(code=code, **row))
        elif any(old[f] != row[f] for f in _FIELDS):
            to_update.append(Region(code=code, **row))
        else:
            report.unchanged += 1
    # Parents first: codes are sorted by depth, and each batch holds one depth at most in order.
    Region.objects.bulk_create(to_create, batch_size=batch_size)
    if to_update:
        Region.objects.bulk_update(to_update, list(_FIELDS), batch_size=batch_size)
    report.created, report.updated = len(to_create), len(to_update)
    transaction.on_commit(reset_caches)
    return report


# --- the default unit tree ----------------------------------------------------------------------


def slugify_name(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@dataclass
class UnitReport:
    created: list[str] = field(default_factory=list)
    existing: int = 0


@transaction.atomic
def ensure_default_units(kabupaten_code: str = "32.12") -> UnitReport:
    """Polda Jawa Barat > Polres Indramayu > one Polsek per kecamatan, named after it.

    Units that already exist are left as they are, so jurisdiction edits made in the admin survive.
    """
    report = UnitReport()
    kabupaten = Region.objects.get(code=kabupaten_code)
    provinsi = Region.objects.get(code=kabupaten_code.split(".")[0])

    def ensure(code: str, name: str, level: str, parent: Unit | None, region: Region) -> Unit:
        unit = Unit.objects.filter(code=code).first()
        if unit is not None:
            report.existing += 1
            return unit
        unit = Unit.objects.create(code=code, name=name, level=level, parent=parent)
        unit.jurisdiction.add(region)
        report.created.append(code)
        return unit

    polda = ensure("polda-jabar", "Polda Jawa Barat", UnitLevel.POLDA, None, provinsi)
    kab_name = re.sub(r"^(Kabupaten|Kota)\s+", "", kabupaten.name)
    polres = ensure(
        f"polres-{slugify_name(kab_name)}", f"Polres {kab_name}", UnitLevel.POLRES, polda, kabupaten
    )
    for kec in Region.objects.filter(parent=kabupaten, level=RegionLevel.KECAMATAN):
        ensure(
            f"polsek-{slugify_name(kec.name)}", f"Polsek {kec.name}", UnitLevel.POLSEK, polres, kec
        )
    return report
