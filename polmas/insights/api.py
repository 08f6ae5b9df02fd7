"""The dashboard's JSON endpoints (mounted by polmas.api under /api/v1/insights/)."""

from typing import Annotated, Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from polmas.insights.models import Alert
from polmas.insights.periods import Period, PeriodError, parse_period
from polmas.insights.presenters import layers_json
from polmas.insights.selectors.alerts import alert_json, alerts_in_scope
from polmas.insights.selectors.area import resolve_area
from polmas.insights.selectors.charts import chart_data
from polmas.insights.selectors.desa import desa_detail
from polmas.insights.selectors.layers import compute_layers
from polmas.insights.services.alerts import acknowledge_alert
from polmas.org.api import geojson_response
from polmas.org.models import RegionLevel

router = Router(tags=["gambaran situasi"])


def _period(start: str | None, end: str | None) -> Period:
    try:
        return parse_period(start, end)
    except PeriodError as exc:
        raise HttpError(422, str(exc)) from None


@router.get("/insights/layers", url_name="insights_layers", summary="Nilai lapisan peta per desa")
def layers(
    request: HttpRequest,
    unit: str | None = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    to: str | None = None,
) -> Any:
    """`{desa code: [values in layer order]}` with the legend; geometry comes from
    /insights/boundaries (fetched once, revalidated by ETag)."""
    period = _period(date_from, to)
    area = resolve_area(request.user, unit)
    return layers_json(compute_layers(area, period))


@router.get(
    "/insights/boundaries",
    url_name="insights_boundaries",
    summary="Batas desa/kecamatan dalam cakupan (GeoJSON ringkas, ETag)",
)
def boundaries(request: HttpRequest, level: str = "desa") -> Any:
    """Coordinates rounded to 5 decimals; `ETag` + `Cache-Control: private, no-cache` (a repeat
    visit costs a 304); gzip when the browser accepts it."""
    if level not in (RegionLevel.DESA, RegionLevel.KECAMATAN):
        raise HttpError(422, _("Batas wilayah tersedia untuk tingkat desa dan kecamatan."))
    return geojson_response(request, level)


@router.get("/insights/desa/{code}", url_name="insights_desa", summary="Angka satu desa")
def desa(
    request: HttpRequest,
    code: str,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    to: str | None = None,
) -> Any:
    period = _period(date_from, to)
    detail = desa_detail(request.user, code, period)
    v = detail.values
    return {
        "code": code,
        "name": v.row.name,
        "kecamatan": v.row.kecamatan_name,
        "unit": detail.unit.code if detail.unit else None,
        "kondusif": v.kondusif.score,
        "factors": [f.__dict__ for f in detail.factors],
        "days_since_visit": v.days_since_visit,
        "sessions": v.sessions,
        "residents": v.residents,
        "open_by_urgency": v.open_by_urgency,
        "overdue": v.overdue,
        "hoax_reports": v.period.hoax_reports,
        "provocation": v.period.provocation,
        "tps": v.row.tps,
        "trend": [{"day": d.isoformat(), "score": s} for d, s in detail.trend],
    }


@router.get("/insights/charts", url_name="insights_charts", summary="Deret grafik")
def charts(
    request: HttpRequest,
    unit: str | None = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    to: str | None = None,
) -> Any:
    period = _period(date_from, to)
    area = resolve_area(request.user, unit)
    return chart_data(request.user, area, period)


@router.get("/insights/alerts", url_name="insights_alerts", summary="Peringatan dalam cakupan")
def alerts(request: HttpRequest, open_only: bool = True) -> Any:
    rows = alerts_in_scope(request.user, open_only=open_only)[:200]
    return {"alerts": [alert_json(a) for a in rows], "now": timezone.now().isoformat()}


@router.post(
    "/insights/alerts/{alert_id}/acknowledge",
    url_name="insights_alert_ack",
    summary="Tanggapi peringatan",
)
def acknowledge(request: HttpRequest, alert_id: int) -> Any:
    alert = get_object_or_404(Alert.objects.restrict(request.user), pk=alert_id)
    return alert_json(acknowledge_alert(actor=request.user, alert=alert))
