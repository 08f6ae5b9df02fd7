"""Routing: location -> desa -> responsible Polsek (and its Bhabinkamtibmas); unknown -> Polres.

The triage queue for cases without a known location is the Polres unit named by the setting
POLMAS_CASE_TRIAGE_UNIT (default "polres-indramayu"), or the first Polres if that is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from polmas.aspirations.lookups import memo
from polmas.core.geo import InvalidCoordinatesError, validate_point
from polmas.org import selectors as org_selectors
from polmas.org.models import Region, RegionLevel, Unit, UnitLevel


@dataclass(frozen=True)
class Route:
    unit: Unit
    desa: Region | None
    triage_queue: bool  # True when the location is unknown (Polres decides)


def triage_unit() -> Unit:
    return memo("triage_unit", None, _triage_unit)


def _triage_unit() -> Unit:
    code = getattr(settings, "POLMAS_CASE_TRIAGE_UNIT", "polres-indramayu")
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        unit = Unit.objects.filter(level=UnitLevel.POLRES).order_by("path").first()
    if unit is None:
        raise RuntimeError("No Polres unit exists: run `polmas load-units` first.")
    return unit


def route_case(
    *, desa_code: str | None = None, lat: float | None = None, lng: float | None = None
) -> Route:
    desa: Region | None = None
    unit: Unit | None = None
    if desa_code:  # a named desa wins over the point
        desa, unit = memo(
            "desa_route",
            desa_code,
            lambda: _desa_route(desa_code),
            keep=lambda route: route[0] is not None,  # not unknown codes
        )
        if desa is not None and unit is not None:
            return Route(unit=unit, desa=desa, triage_queue=False)
    if desa is None and lat is not None and lng is not None:
        try:
            validate_point(lat, lng)
        except InvalidCoordinatesError:
            pass
        else:
            location, unit = org_selectors.responsible_unit_for_point(lat, lng)
            if location.desa is not None and unit is not None:
                return Route(unit=unit, desa=location.desa, triage_queue=False)
    return Route(unit=triage_unit(), desa=desa, triage_queue=True)


def _desa_route(desa_code: str) -> tuple[Region | None, Unit | None]:
    """The desa row (without its boundary) and its responsible unit."""
    desa = Region.objects.defer("boundary").filter(code=desa_code, level=RegionLevel.DESA).first()
    if desa is None:
        return None, None
    return desa, org_selectors.responsible_unit_for_desa(desa.code)


def bhabinkamtibmas_names(desa_code: str) -> list[str]:
    return [str(p) for p in org_selectors.bhabinkamtibmas_for_desa(desa_code)]
