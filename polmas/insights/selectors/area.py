"""The area a dashboard request covers: the user's scope, narrowed to one unit (drill-down)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from polmas.org import selectors as org_selectors
from polmas.org.models import Unit, UnitLevel
from polmas.org.scope import region_q

User = Any


@dataclass(frozen=True)
class DesaRow:
    code: str
    name: str
    kecamatan_code: str
    kecamatan_name: str
    tps: int | None


@dataclass
class Area:
    unit: Unit | None  # the unit drilled into; None = the user's whole scope
    units: list[Unit]  # Polres/Polsek the user may drill into
    desa: list[DesaRow]
    owners: dict[str, Unit]  # desa code -> responsible Polsek (or Pos)

    @property
    def codes(self) -> list[str]:
        return [d.code for d in self.desa]

    def owner_code(self, desa_code: str) -> str | None:
        owner = self.owners.get(desa_code)
        return owner.code if owner else None


def selectable_units(user: User) -> list[Unit]:
    return list(
        Unit.objects.restrict(user)
        .filter(level__in=[UnitLevel.POLDA, UnitLevel.POLRES, UnitLevel.POLSEK])
        .order_by("path")
    )


def _unit_region_codes(unit: Unit) -> tuple[str, ...]:
    """Jurisdiction of the unit and every unit below it."""
    below = Unit.objects.filter(path__startswith=unit.path)
    return tuple(
        sorted(set(below.values_list("jurisdiction__code", flat=True)) - {None})  # type: ignore[arg-type]
    )


def owners_by_desa(desa: list[DesaRow]) -> dict[str, Unit]:
    """Desa code -> the Polsek/Pos whose jurisdiction names the desa or its kecamatan."""
    units = list(
        Unit.objects.filter(level__in=[UnitLevel.POLSEK, UnitLevel.POS])
        .only("id", "code", "name", "level", "path")
        .order_by("-level", "path")  # a Pos (more specific) before its Polsek on the same code
    )
    # Region codes straight from the link table: loading the regions would read their boundaries.
    links = Unit.jurisdiction.through.objects.filter(unit__in=units).values_list(
        "unit_id", "region_id"
    )
    codes_by_unit: dict[int, list[str]] = {}
    for unit_id, code in links.order_by("region_id"):
        codes_by_unit.setdefault(unit_id, []).append(code)
    by_region: dict[str, Unit] = {}
    for unit in units:
        for code in codes_by_unit.get(unit.pk, []):
            by_region.setdefault(code, unit)
    result: dict[str, Unit] = {}
    for d in desa:
        owner = by_region.get(d.code) or by_region.get(d.kecamatan_code)
        if owner is not None:
            result[d.code] = owner
    return result


def resolve_area(user: User, unit_code: str | None = None) -> Area:
    """The desa the user sees, narrowed to `unit_code` if given (outside the scope -> 404)."""
    units = selectable_units(user)
    unit: Unit | None = None
    qs = org_selectors.desa_in_scope(user)
    if unit_code:
        unit = next((u for u in units if u.code == unit_code), None)
        if unit is None:
            raise Http404(_("Satuan %(code)s tidak ada dalam cakupan Anda.") % {"code": unit_code})
        codes = _unit_region_codes(unit)
        qs = qs.filter(region_q("code", codes)) if codes else qs.filter(Q(pk__in=[]))
    rows = qs.values_list("code", "name", "parent_id", "parent__name", "tps_count").order_by("code")
    desa = [DesaRow(c, n, str(p or ""), str(pn or ""), t) for c, n, p, pn, t in rows]
    return Area(unit=unit, units=units, desa=desa, owners=owners_by_desa(desa))
