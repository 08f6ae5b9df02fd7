"""Regions and units over the JSON API (mounted by polmas.api)."""

from typing import Annotated, Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from pydantic import Field

from polmas.org import selectors
from polmas.org.boundaries import boundaries_in_scope, gzipped
from polmas.org.models import Region, RegionLevel, Unit
from polmas.org.schemas import ErrorOut, LookupOut, OutsideOut, RegionOut, UnitOut

router = Router(tags=["wilayah dan satuan"])


def _region_out(r: Region) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": r.name,
        "level": r.level,
        "parent": r.parent_id,
        "is_kelurahan": r.is_kelurahan,
        "lat": r.lat,
        "lng": r.lng,
        "postal_code": r.postal_code,
        "tps_count": r.tps_count,
    }


MAX_PAGE = 1_000_000  # far past the last page of all Indonesia; keeps OFFSET inside bigint


class RegionPagination(PageNumberPagination):
    """100 per page; a page number beyond `MAX_PAGE` is refused with 422 like page 0 is,
    before it reaches the database as an OFFSET too large for a 64-bit integer."""

    page_size = 100

    class Input(PageNumberPagination.Input):
        page: int = Field(1, ge=1, le=MAX_PAGE)


@router.get("/regions", response=list[RegionOut], summary="Daftar wilayah (berhalaman)")
@paginate(RegionPagination)
def list_regions(
    request: HttpRequest, level: RegionLevel | None = None, parent: str | None = None
) -> QuerySet[Region]:
    """Regions in the caller's scope, filtered by level and parent code; `count` is the total."""
    return selectors.list_regions(request.user, level=level, parent=parent)


@router.get(
    "/regions/lookup",
    response={200: LookupOut, 404: OutsideOut},
    summary="Desa, kecamatan dan satuan untuk satu titik",
)
def lookup_point(
    request: HttpRequest,
    lat: Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)],
    lng: Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)],
) -> tuple[int, dict[str, Any]]:
    location, unit = selectors.responsible_unit_for_point(lat, lng)
    if location.desa is None:
        nearest = location.nearest_desa
        return 404, {
            "detail": _("Titik (%(lat)s, %(lng)s) berada di luar wilayah hukum Polmas ini.")
            % {"lat": lat, "lng": lng},
            "nearest_desa": {"code": nearest.code, "name": nearest.name} if nearest else None,
            "distance_m": location.distance_m,
        }
    kec = location.kecamatan
    return 200, {
        "inside": True,
        "desa": {"code": location.desa.code, "name": location.desa.name},
        "kecamatan": {"code": kec.code, "name": kec.name} if kec else None,
        "unit": {"code": unit.code, "name": unit.name, "level": unit.level} if unit else None,
    }


def geojson_response(request: HttpRequest, level: str) -> HttpResponse:
    """The user's boundaries at `level`: 304 when the browser's `If-None-Match` still holds,
    gzip when accepted, `ETag` + `Cache-Control: private, no-cache`."""
    etag, body = boundaries_in_scope(request.user, level)
    if etag in request.headers.get("If-None-Match", ""):
        response: HttpResponse = HttpResponseNotModified()
    elif "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(gzipped(etag, body), content_type="application/json")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Accept-Encoding, Cookie"
    return response


@router.get(
    "/regions/boundaries",
    url_name="boundaries",
    summary="Batas wilayah (GeoJSON) dalam cakupan Anda",
)
def boundaries(request: HttpRequest, level: RegionLevel = RegionLevel.DESA) -> HttpResponse:
    """The same compact, cached FeatureCollection the command map reads (coordinates rounded
    to 5 decimals, about 1 m), with `ETag` revalidation and gzip."""
    if level not in (RegionLevel.DESA, RegionLevel.KECAMATAN):
        raise HttpError(422, _("Batas wilayah tersedia untuk tingkat desa dan kecamatan."))
    return geojson_response(request, level)


@router.get("/regions/{code}", response={200: RegionOut, 404: ErrorOut}, summary="Satu wilayah")
def region_detail(request: HttpRequest, code: str) -> tuple[int, dict[str, Any]]:
    region = selectors.visible_regions(request.user).filter(code=code).first()
    if region is None:
        return 404, {"detail": _("Wilayah dengan kode %(code)s tidak ditemukan.") % {"code": code}}
    return 200, _region_out(region)


@router.get("/units", response=list[UnitOut], summary="Satuan dalam cakupan Anda")
@paginate(RegionPagination)
def list_units(request: HttpRequest) -> list[dict[str, Any]]:
    units = (
        Unit.objects.restrict(request.user)
        .select_related("parent")
        .prefetch_related("jurisdiction")
    )
    return [
        {
            "code": u.code,
            "name": u.name,
            "level": u.level,
            "parent": u.parent.code if u.parent else None,
            "jurisdiction": [r.code for r in u.jurisdiction.all()],
        }
        for u in units
    ]
