"""Report pages: list and request form, a report's status (htmx-polled), scoped downloads."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from polmas.core.models import AuditEvent
from polmas.org.access import check_role, role_required, user_has_role
from polmas.org.models import Unit
from polmas.reports import selectors, services
from polmas.reports.forms import ReportFilterForm, ReportRequestForm
from polmas.reports.models import Report

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@role_required()
@require_http_methods(["GET", "POST"])
def report_list(request: HttpRequest) -> HttpResponse:
    units = list(selectors.units_for_reports(request.user))
    can_request = user_has_role(request.user, *services.REQUEST_ROLES)
    status = 200
    if request.method == "POST":
        check_role(request.user, *services.REQUEST_ROLES)
        form = ReportRequestForm(request.POST, units=units)
        if form.is_valid():
            unit = get_object_or_404(
                Unit.objects.restrict(request.user), pk=form.cleaned_data["unit"].pk
            )
            try:
                report, created = services.request_report(
                    actor=request.user,
                    unit=unit,
                    kind=form.cleaned_data["kind"],
                    day=form.cleaned_data["day"],
                    refresh=form.cleaned_data["refresh"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if created:
                    messages.success(request, _("Laporan masuk antrean pembuatan."))
                else:
                    messages.info(request, _("Laporan untuk periode ini sudah ada."))
                return redirect("reports:detail", report_id=report.pk)
        status = 400
    else:
        default_unit = units[-1].code if units else ""
        form = ReportRequestForm(
            initial={"kind": "harian", "day": timezone.localdate(), "unit": default_unit},
            units=units,
        )
    filters = ReportFilterForm(request.GET or None)
    start = end = None
    if filters.is_valid():
        start, end = filters.cleaned_data.get("start"), filters.cleaned_data.get("end")
    reports = selectors.reports_for(request.user, start=start, end=end)[:200]
    context = {
        "form": form,
        "filters": filters,
        "reports": reports,
        "can_request": can_request and bool(units),
    }
    return render(request, "reports/list.html", context, status=status)


def _report(request: HttpRequest, report_id: int) -> Report:
    return get_object_or_404(
        Report.objects.restrict(request.user).select_related("unit", "requested_by"),
        pk=report_id,
    )


@role_required()
@require_GET
def report_detail(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    context = {
        "report": report,
        "events": AuditEvent.objects.for_object(report)[:30],
        "can_request": user_has_role(request.user, *services.REQUEST_ROLES),
    }
    return render(request, "reports/detail.html", context)


@role_required()
@require_GET
def report_status(request: HttpRequest, report_id: int) -> HttpResponse:
    """The status fragment, polled by htmx every 2 s while the report is being built."""
    return render(request, "reports/_status.html", {"report": _report(request, report_id)})


@role_required()
@require_http_methods(["POST"])
def report_refresh(request: HttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    services.request_report(
        actor=request.user,
        unit=report.unit,
        kind=report.kind,
        day=report.period_start,
        refresh=True,
    )
    messages.success(request, _("Laporan dibuat ulang."))
    return redirect("reports:detail", report_id=report.pk)


@role_required()
@require_GET
def report_download(request: HttpRequest, report_id: int, ext: str) -> HttpResponse:
    report = _report(request, report_id)
    field = report.pdf if ext == "pdf" else report.xlsx
    if ext not in CONTENT_TYPES or not field:
        raise Http404
    name = f"laporan-{report.kind}-{report.unit.code}-{report.period_start:%Y-%m-%d}.{ext}"
    response = FileResponse(
        field.open("rb"), as_attachment=True, filename=name, content_type=CONTENT_TYPES[ext]
    )
    response["Cache-Control"] = "private, no-store"
    # `role_required` is typed for HttpResponse; a streamed file response is just as good.
    return cast(HttpResponse, response)
