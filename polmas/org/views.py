"""Pages about units and regions: the unit tree, a unit, a desa, and the map."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from polmas.core.models import AuditEvent
from polmas.org import selectors
from polmas.org.access import role_required
from polmas.org.models import Unit


@role_required()
def unit_tree(request: HttpRequest) -> HttpResponse:
    return render(request, "org/unit_tree.html", {"tree": selectors.unit_tree(request.user)})


@role_required()
def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    unit = get_object_or_404(
        Unit.objects.restrict(request.user).select_related("parent"), code=code
    )
    context = {
        "unit": unit,
        "jurisdiction": unit.jurisdiction.defer("boundary").order_by("code"),
        "people": unit.people.order_by("full_name"),
        "events": AuditEvent.objects.for_object(unit)[:50],
    }
    return render(request, "org/unit_detail.html", context)


@role_required()
def desa_detail(request: HttpRequest, code: str) -> HttpResponse:
    desa = selectors.desa_detail(request.user, code)
    if desa is None:
        raise Http404
    context = {
        "desa": desa,
        "unit": selectors.responsible_unit_for_desa(desa.code),
        "bhabins": selectors.bhabinkamtibmas_for_desa(desa.code),
    }
    return render(request, "org/desa_detail.html", context)


@role_required()
def region_map(request: HttpRequest) -> HttpResponse:
    return render(
        request, "org/map.html", {"desa_count": selectors.desa_in_scope(request.user).count()}
    )
