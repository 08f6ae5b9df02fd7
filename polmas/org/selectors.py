"""Reads about units, regions and people. Every list starts from the user's scope."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from polmas.org.models import (
    UNIT_LEVEL_ORDER,
    DesaAssignment,
    Membership,
    Person,
    Region,
    RegionLevel,
    Unit,
    UnitLevel,
    ancestor_codes,
)
from polmas.org.regions import PointLocation, deployment_code, locate_point

# A signed-in user, an anonymous one, or None: scope decides what each may read.
User = Any


def responsible_unit_for_desa(desa_code: str) -> Unit | None:
    """The unit answerable for a desa: the unit whose jurisdiction names the most specific
    region containing the desa (desa > kecamatan > kabupaten > provinsi); on a tie, the lower
    unit level (a Polsek before its Polres)."""
    candidates = [desa_code, *reversed(ancestor_codes(desa_code))]
    units = list(
        Unit.objects.filter(jurisdiction__code__in=candidates)
        .annotate(matched=Count("jurisdiction", filter=Q(jurisdiction__code__in=candidates)))
        .prefetch_related(
            Prefetch(
                "jurisdiction", queryset=Region.objects.filter(code__in=candidates).only("code")
            )
        )
    )
    if not units:
        return None

    def rank(unit: Unit) -> tuple[int, int]:
        best = max(len(r.code) for r in unit.jurisdiction.all())
        return (-best, UNIT_LEVEL_ORDER[UnitLevel(unit.level)])

    return sorted(units, key=rank)[0]


def responsible_unit_for_point(lat: float, lng: float) -> tuple[PointLocation, Unit | None]:
    location = locate_point(lat, lng)
    unit = responsible_unit_for_desa(location.desa.code) if location.desa else None
    return location, unit


def bhabinkamtibmas_for_desa(desa_code: str) -> QuerySet[Person]:
    return Person.objects.filter(desa_assignments__desa_id=desa_code).order_by("full_name")


def visible_regions(user: User) -> QuerySet[Region]:
    return Region.objects.restrict(user)


def list_regions(user: User, *, level: str | None, parent: str | None) -> QuerySet[Region]:
    qs = visible_regions(user).defer("boundary")
    if level:
        qs = qs.filter(level=level)
    if parent:
        qs = qs.filter(parent_id=parent)
    return qs.order_by("code")


def desa_in_scope(user: User) -> QuerySet[Region]:
    return visible_regions(user).filter(
        level=RegionLevel.DESA, code__startswith=deployment_code() + "."
    )


def desa_detail(user: User, code: str) -> Region | None:
    return desa_in_scope(user).select_related("parent").filter(code=code).first()


def unit_tree(user: User) -> list[dict[str, Any]]:
    """Units in scope as nested dicts, each Polsek with its kecamatan and their desa."""
    units = list(
        Unit.objects.restrict(user).prefetch_related(
            Prefetch("jurisdiction", queryset=Region.objects.defer("boundary").order_by("code"))
        )
    )
    desa_by_kec: dict[str, list[Region]] = {}
    kec_codes = [
        r.code for u in units for r in u.jurisdiction.all() if r.level == RegionLevel.KECAMATAN
    ]
    for d in Region.objects.filter(parent_id__in=kec_codes).defer("boundary").order_by("name"):
        desa_by_kec.setdefault(str(d.parent_id), []).append(d)
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for unit in units:
        jurisdiction = [
            {"region": r, "desa": desa_by_kec.get(r.code, [])} for r in unit.jurisdiction.all()
        ]
        node = {"unit": unit, "jurisdiction": jurisdiction, "children": []}
        nodes[unit.pk] = node
        parent = nodes.get(unit.parent_id) if unit.parent_id else None
        (parent["children"] if parent else roots).append(node)
    return roots


def memberships_of(user: User) -> QuerySet[Membership]:
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    return Membership.objects.filter(person__user_id=user.pk, is_active=True).select_related("unit")


def assignments_in_scope(user: User) -> QuerySet[DesaAssignment]:
    return DesaAssignment.objects.restrict(user).select_related("person", "desa")
