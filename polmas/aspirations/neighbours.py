"""Neighbouring desa, computed from the boundary polygons (touching within ~25 m), cached."""

from __future__ import annotations

import threading

import shapely
from shapely.geometry import shape
from shapely.strtree import STRtree

from polmas.org.models import Region, RegionLevel
from polmas.org.regions import deployment_code

BUFFER_DEGREES = 0.00025  # about 25 m: closes slivers between digitised borders

_lock = threading.Lock()
_adjacency: dict[str, frozenset[str]] | None = None


def compute_adjacency(items: list[tuple[str, dict[str, object]]]) -> dict[str, frozenset[str]]:
    """Desa code -> codes of the desa whose (slightly buffered) boundary intersects it."""
    codes = [c for c, _ in items]
    geoms = []
    for _, geo in items:
        g = shape(geo)
        geoms.append(g if g.is_valid else g.buffer(0))
    buffered = [g.buffer(BUFFER_DEGREES) for g in geoms]
    tree = STRtree(geoms)
    result: dict[str, set[str]] = {c: set() for c in codes}
    for i, b in enumerate(buffered):
        shapely.prepare(b)
        for j in tree.query(b, predicate="intersects"):
            j = int(j)
            if j != i:
                result[codes[i]].add(codes[j])
                result[codes[j]].add(codes[i])
    return {c: frozenset(n) for c, n in result.items()}


def adjacency() -> dict[str, frozenset[str]]:
    global _adjacency
    if _adjacency is None:
        with _lock:
            if _adjacency is None:
                rows = Region.objects.filter(
                    level=RegionLevel.DESA,
                    code__startswith=deployment_code() + ".",
                    boundary__isnull=False,
                ).values_list("code", "boundary")
                _adjacency = compute_adjacency([(c, g) for c, g in rows if g])
    return _adjacency


def neighbours(desa_code: str) -> frozenset[str]:
    return adjacency().get(desa_code, frozenset())


def reset_cache() -> None:
    global _adjacency
    with _lock:
        _adjacency = None
