"""Geometry helpers: a point-in-polygon index over named polygons (shapely STRtree)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.strtree import STRtree


class InvalidCoordinatesError(ValueError):
    pass


def validate_point(lat: float, lng: float) -> tuple[float, float]:
    """Reject NaN, infinities and values outside WGS84 ranges."""
    if not (math.isfinite(lat) and math.isfinite(lng)):
        raise InvalidCoordinatesError("lat/lng must be finite numbers")
    if not -90.0 <= lat <= 90.0:
        raise InvalidCoordinatesError("lat must be between -90 and 90")
    if not -180.0 <= lng <= 180.0:
        raise InvalidCoordinatesError("lng must be between -180 and 180")
    return lat, lng


@dataclass(frozen=True)
class Hit:
    key: str
    distance_m: float  # 0 when inside


class PolygonIndex:
    """Answers 'which polygon holds this point' for a fixed set of keyed polygons.

    Uses an STRtree for candidates and exact `contains` tests; a point on a shared border
    goes to the first polygon in key order, so the answer is deterministic.
    """

    def __init__(self, items: Iterable[tuple[str, dict[str, Any] | str]]) -> None:
        keys: list[str] = []
        geoms: list[Any] = []
        for key, geometry in sorted(items, key=lambda kv: kv[0]):
            geo = json.loads(geometry) if isinstance(geometry, str) else geometry
            geom = shape(geo)
            if not geom.is_valid:
                geom = geom.buffer(0)
            shapely.prepare(geom)
            keys.append(key)
            geoms.append(geom)
        self.keys = keys
        self._geoms = np.array(geoms, dtype=object)
        self._tree = STRtree(self._geoms)

    def __len__(self) -> int:
        return len(self.keys)

    def locate(self, lat: float, lng: float) -> str | None:
        point = shapely.Point(lng, lat)
        candidates = self._tree.query(point, predicate="intersects")
        if len(candidates) == 0:
            return None
        return self.keys[int(candidates.min())]

    def locate_many(self, points: Sequence[tuple[float, float]]) -> list[str | None]:
        """Vectorised lookup: one tree query for all points."""
        if not points:
            return []
        arr = np.asarray(points, dtype=float)
        pts = shapely.points(arr[:, 1], arr[:, 0])
        point_idx, geom_idx = self._tree.query(pts, predicate="intersects")
        result: list[str | None] = [None] * len(points)
        # Smallest polygon index per point wins (deterministic on borders).
        order = np.lexsort((geom_idx, point_idx))
        seen: set[int] = set()
        for i in order:
            p = int(point_idx[i])
            if p not in seen:
                seen.add(p)
                result[p] = self.keys[int(geom_idx[i])]
        return result

    def nearest(self, lat: float, lng: float) -> Hit | None:
        """The nearest polygon and its approximate distance in metres (for points just outside)."""
        if not self.keys:
            return None
        point = shapely.Point(lng, lat)
        idx = int(self._tree.nearest(point))
        degrees = float(self._geoms[idx].distance(point))
        return Hit(key=self.keys[idx], distance_m=degrees * 111_320.0)


def centroid(geometry: dict[str, Any]) -> tuple[float, float]:
    """(lat, lng) of a GeoJSON geometry's representative point."""
    point = shape(geometry).representative_point()
    return float(point.y), float(point.x)
