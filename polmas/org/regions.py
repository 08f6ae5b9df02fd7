"""Region lookups: a point -> desa/kecamatan, and a name -> region that copes with spelling."""

from __future__ import annotations

import copy
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from rapidfuzz import fuzz, process

from polmas.core.geo import PolygonIndex
from polmas.org.models import Region, RegionLevel

_index_lock = threading.Lock()
_desa_index: PolygonIndex | None = None
# desa code -> (desa, kecamatan) without boundaries; filled by `locate_point`, per process.
_desa_rows: dict[str, tuple[Region, Region | None]] = {}


def deployment_code() -> str:
    return str(settings.POLMAS_DEPLOYMENT_REGION)


def desa_index() -> PolygonIndex:
    """The point-in-polygon index over the deployment's desa, built once per process."""
    global _desa_index
    if _desa_index is None:
        with _index_lock:
            if _desa_index is None:
                rows = Region.objects.filter(
                    level=RegionLevel.DESA,
                    code__startswith=deployment_code() + ".",
                    boundary__isnull=False,
                ).values_list("code", "boundary")
                _desa_index = PolygonIndex((code, geo) for code, geo in rows if geo)
    return _desa_index


def reset_caches() -> None:
    """Forget cached indexes (after `load-regions` changed the boundaries)."""
    global _desa_index
    with _index_lock:
        _desa_index = None
        _desa_rows.clear()
    _name_table.cache_clear()


def _desa_with_parent(code: str) -> tuple[Region, Region | None]:
    """The desa and its kecamatan (boundaries deferred), read once per process; callers get
    copies so nothing they set on them leaks into the next lookup."""
    row = _desa_rows.get(code)
    if row is None:
        desa = Region.objects.select_related("parent").defer("boundary", "parent__boundary")
        found = desa.get(code=code)
        row = (found, found.parent)
        _desa_rows[code] = row
    desa_copy = copy.copy(row[0])
    kecamatan = copy.copy(row[1]) if row[1] is not None else None
    if kecamatan is not None:
        desa_copy.parent = kecamatan
    return desa_copy, kecamatan


@dataclass(frozen=True)
class PointLocation:
    desa: Region | None
    kecamatan: Region | None
    inside: bool
    nearest_desa: Region | None = None
    distance_m: float | None = None


def locate_point(lat: float, lng: float) -> PointLocation:
    """Which desa holds (lat, lng)? Outside the deployment: the nearest desa and the distance."""
    index = desa_index()
    code = index.locate(lat, lng)
    if code is not None:
        desa, kecamatan = _desa_with_parent(code)
        return PointLocation(desa=desa, kecamatan=kecamatan, inside=True)
    hit = index.nearest(lat, lng)
    nearest = Region.objects.filter(code=hit.key).first() if hit else None
    return PointLocation(
        desa=None,
        kecamatan=None,
        inside=False,
        nearest_desa=nearest,
        distance_m=round(hit.distance_m) if hit else None,
    )


# --- names -------------------------------------------------------------------------------------

_PREFIXES = re.compile(
    r"^(desa|ds|kelurahan|kel|kecamatan|kec|kabupaten|kab|kota|provinsi|prov)\.?\s+"
)
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("ch", "kh"))


def normalise_name(name: str) -> str:
    """Lower case, no accents or punctuation, single spaces, administrative prefixes dropped,
    pre-1972 spelling (Tjikedung, Djatibarang) mapped to today's, doubled letters collapsed."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = _PREFIXES.sub("", text)
    for old, new in _OLD_SPELLING:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1+", r"\1", text)
    return text.replace(" ", "")


@lru_cache(maxsize=1)
def _name_table() -> tuple[list[str], list[str]]:
    rows = Region.objects.filter(code__startswith=deployment_code() + ".").values_list(
        "code", "name"
    )
    codes, names = [], []
    for code, name in rows:
        codes.append(code)
        names.append(normalise_name(name))
    return codes, names


@dataclass(frozen=True)
class NameMatch:
    region: Region
    score: float


def find_by_name(
    name: str,
    *,
    level: str | None = None,
    within: str | None = None,
    limit: int = 5,
    min_score: float = 80.0,
) -> list[NameMatch]:
    """Regions of the deployment whose name matches `name`, best first.

    Exact matches after normalisation score 100; otherwise a fuzzy ratio (rapidfuzz) above
    `min_score`. `level` and `within` (a parent code) narrow the search; a name that occurs in
    several kecamatan returns all of them so the caller can disambiguate.
    """
    wanted = normalise_name(name)
    if not wanted:
        return []
    codes, names = _name_table()
    candidates = [
        i
        for i, code in enumerate(codes)
        if (within is None or code.startswith(within + "."))
        and (level is None or _level_of(code) == level)
    ]
    exact = [i for i in candidates if names[i] == wanted]
    scored: list[tuple[int, float]]
    if exact:
        scored = [(i, 100.0) for i in exact]
    else:
        choices = {i: names[i] for i in candidates}
        found = process.extract(
            wanted, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=min_score
        )
        scored = [(int(key), float(score)) for _, score, key in found]
    regions = Region.objects.in_bulk([codes[i] for i, _ in scored])
    return [NameMatch(regions[codes[i]], s) for i, s in scored[:limit] if codes[i] in regions]


def _level_of(code: str) -> str:
    return {1: RegionLevel.PROVINSI, 2: RegionLevel.KABUPATEN, 3: RegionLevel.KECAMATAN}.get(
        code.count(".") + 1, RegionLevel.DESA
    )
