"""API payload shapes for regions and units."""

from typing import Any

from ninja import Schema


class RegionOut(Schema):
    code: str
    name: str
    level: str
    parent: str | None
    is_kelurahan: bool
    lat: float | None
    lng: float | None
    postal_code: str
    tps_count: int | None

    @staticmethod
    def resolve_parent(obj: Any) -> str | None:
        return getattr(obj, "parent_id", None)


class RegionRef(Schema):
    code: str
    name: str


class UnitRef(Schema):
    code: str
    name: str
    level: str


class LookupOut(Schema):
    inside: bool
    desa: RegionRef
    kecamatan: RegionRef | None
    unit: UnitRef | None


class OutsideOut(Schema):
    detail: str
    nearest_desa: RegionRef | None
    distance_m: float | None


class UnitOut(Schema):
    code: str
    name: str
    level: str
    parent: str | None
    jurisdiction: list[str]


class ErrorOut(Schema):
    detail: str
