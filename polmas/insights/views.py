"""Pages: the command map, a desa panel, alerts, charts and election mode."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polmas.core.models import AuditEvent
from polmas.insights import kondusif
from polmas.insights.forms import FilterForm
from polmas.insights.models import Alert
from polmas.insights.periods import parse_period
from polmas.insights.selectors.alerts import alerts_in_scope
from polmas.insights.selectors.area import resolve_area, selectable_units
from polmas.insights.selectors.desa import desa_detail
from polmas.insights.selectors.election import election_mode
from polmas.insights.services.alerts import acknowledge_alert
from polmas.org.access import role_required


def _filters(request: HttpRequest) -> tuple[FilterForm, dict[str, Any]]:
    """The filter form (404 for a unit outside the scope) and the query for the data URLs."""
    units = selectable_units(request.user)
    unit = request.GET.get("unit", "")
    resolve_area(request.user, unit or None)  # raises 404 for a unit outside the scope
    form = FilterForm(request.GET, units=units)
    query: dict[str, Any] = {}
    if form.is_valid() and form.period is not None:
        query = {"from": form.period.start.isoformat(), "to": form.period.end.isoformat()}
        if unit:
            query["unit"] = unit
    return form, query


@role_required()
def command_map(request: HttpRequest) -> HttpResponse:
    form, query = _filters(request)
    area = resolve_area(request.user, request.GET.get("unit") or None)
    weights = kondusif.weights()
    context = {
        "form": form,
        "query": urlencode(query),
        "valid": bool(query),
        "desa_count": len(area.desa),
        "area": area,
        "weights": [
            (kondusif.FACTOR_LABELS[k], kondusif.FACTOR_RULES[k], w) for k, w in weights.items()
        ],
        "open_alerts": alerts_in_scope(request.user, open_only=True).count(),
    }
    return render(request, "insights/map.html", context)


@role_required()
def desa(request: HttpRequest, code: str) -> HttpResponse:
    try:
        period = parse_period(request.GET.get("from"), request.GET.get("to"))
    except ValueError:
        period = parse_period(None, None)
    detail = desa_detail(request.user, code, period)
    template = "insights/_desa.html" if request.headers.get("HX-Request") else "insights/desa.html"
    return render(request, template, {"d": detail, "v": detail.values, "period": period})


@role_required()
def alert_list(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("tampil", "terbuka")
    qs = alerts_in_scope(request.user, open_only=show != "semua")[:200]
    return render(request, "insights/alerts.html", {"alerts": qs, "show": show})


@require_POST
@role_required()
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    alert = get_object_or_404(Alert.objects.restrict(request.user), pk=pk)
    acknowledge_alert(actor=request.user, alert=alert)
    messages.success(request, _("Peringatan ditandai sudah ditanggapi."))
    if request.headers.get("HX-Request"):
        alert.refresh_from_db()
        events = AuditEvent.objects.for_object(alert)[:5]
        return render(request, "insights/_alert.html", {"a": alert, "events": events})
    return redirect("insights:alerts")


@role_required()
def charts(request: HttpRequest) -> HttpResponse:
    form, query = _filters(request)
    return render(
        request,
        "insights/charts.html",
        {"form": form, "query": urlencode(query), "valid": bool(query)},
    )


@role_required()
def election(request: HttpRequest) -> HttpResponse:
    area = resolve_area(request.user, request.GET.get("unit") or None)
    return render(
        request,
        "insights/election.html",
        {"m": election_mode(area), "area": area, "units": area.units},
    )
