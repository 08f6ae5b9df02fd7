"""Compact desa/kecamatan boundaries (GeoJSON) with an ETag, for the command map and the org API
(the HTTP answer, 304 and gzip, is `polmas.org.api.geojson_response`).

The geometry is reference data (changed only by `polmas load-regions`): each process keeps the
features serialised once, coordinates rounded to 5 decimals (about 1 m, finer than the
Kemendagri polygons' accuracy) with consecutive duplicate points dropped, and rebuilds them after
`CACHE_SECONDS` (so a reload reaches every worker within 10 minutes). Per request only the codes
in the user's scope are read; the ETag covers the geometry version and those codes, and the
response says `Cache-Control: private, no-cache`: the browser revalidates every time and gets
a bodiless 304 while nothing changed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time
from dataclasses import dataclass
from typing import Any

from polmas.org import selectors as org_selectors
from polmas.org.models import Region
from polmas.org.regions import deployment_code

DECIMALS = 5
CACHE_SECONDS = 600


@dataclass(frozen=True)
class Boundaries:
    built_at: float
    version: str
    features: dict[str, str]  # code -> one serialised GeoJSON Feature


_lock = threading.Lock()
_cache: dict[str, Boundaries] = {}


def _ring(points: list[Any]) -> list[Any]:
    rounded = [[round(float(x), DECIMALS), round(float(y), DECIMALS)] for x, y, *_ in points]
    compact = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
    return compact if len(compact) >= 4 else rounded


def round_geometry(geometry: dict[str, Any]) -> dict[str, Any]:
    """The same Polygon/MultiPolygon with rounded coordinates (other types unchanged)."""
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        return {"type": kind, "coordinates": [_ring(r) for r in coords or []]}
    if kind == "MultiPolygon":
        return {"type": kind, "coordinates": [[_ring(r) for r in p] for p in coords or []]}
    return geometry


def _build(level: str) -> Boundaries:
    rows = (
        Region.objects.filter(
            level=level, code__startswith=deployment_code() + ".", boundary__isnull=False
        )
        .order_by("code")
        .values_list("code", "name", "parent_id", "tps_count", "boundary")
    )
    features: dict[str, str] = {}
    digest = hashlib.sha1(usedforsecurity=False)
    for code, name, parent, tps, boundary in rows:
        feature = {
            "type": "Feature",
            "id": code,
            "properties": {"code": code, "name": name, "parent": parent, "tps": tps},
            "geometry": round_geometry(boundary or {}),
        }
        features[code] = json.dumps(feature, separators=(",", ":"), ensure_ascii=False)
        digest.update(features[code].encode())
    return Boundaries(time.monotonic(), digest.hexdigest()[:16], features)


def boundaries(level: str) -> Boundaries:
    """Every boundary of the deployment at `level`, serialised (built once per process)."""
    cached = _cache.get(level)
    if cached is None or time.monotonic() - cached.built_at > CACHE_SECONDS:
        with _lock:
            cached = _cache.get(level)
            if cached is None or time.monotonic() - cached.built_at > CACHE_SECONDS:
                cached = _cache[level] = _build(level)
    return cached


def forget() -> None:
    with _lock:
        _cache.clear()
        _gzipped.clear()


_gzipped: dict[str, bytes] = {}


def gzipped(etag: str, body: str) -> bytes:
    """The body gzipped once per ETag (a handful of scopes: the Polres and its Polsek)."""
    data = _gzipped.get(etag)
    if data is None:
        data = gzip.compress(body.encode(), 6)
        with _lock:
            if len(_gzipped) >= 64:
                _gzipped.clear()
            _gzipped[etag] = data
    return data


def boundaries_in_scope(user: Any, level: str) -> tuple[str, str]:
    """(ETag, FeatureCollection JSON) of the boundaries the user may see."""
    data = boundaries(level)
    codes = list(
        org_selectors.visible_regions(user)
        .filter(level=level, code__startswith=deployment_code() + ".")
        .order_by("code")
        .values_list("code", flat=True)
    )
    features = [data.features[c] for c in codes if c in data.features]
    etag = hashlib.sha1(
        (data.version + ",".join(c for c in codes if c in data.features)).encode(),
        usedforsecurity=False,
    ).hexdigest()[:20]
    body = '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"
    return f'"{etag}"', body
