"""Staff pages: the Humas review queue, a report, answers, clarifications, waves, briefing."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polmas.core.bounds import EARLIEST_DAY
from polmas.core.models import AuditEvent
from polmas.hoaxes import selectors, services
from polmas.hoaxes.briefing import counter_messages
from polmas.hoaxes.forms import AnswerForm, ClarificationForm
from polmas.hoaxes.models import Alert, HoaxReport, ReportStatus
from polmas.hoaxes.workflow import REVIEW_ROLES
from polmas.org.access import role_required, user_has_role
from polmas.org.models import Unit

# Briefings exist for days with data: nothing before the platform's earliest records, and at
# most a year ahead (a plan). Beyond that the 7-day window arithmetic overflows `date`.
BRIEFING_AHEAD = dt.timedelta(days=366)


def _report(request: HttpRequest, pk: int) -> HoaxReport:
    return get_object_or_404(selectors.reports_in_scope(request.user), pk=pk)


@role_required()
def queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", ReportStatus.MENUNGGU_HUMAS)
    if status and status not in ReportStatus.values:
        status = ReportStatus.MENUNGGU_HUMAS
    provocation = request.GET.get("provokasi") == "1"
    queue = selectors.review_queue(request.user, status=status, provocation=provocation)
    page = Paginator(queue, 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": ReportStatus.choices,
        "provocation": provocation,
    }
    return render(request, "hoaxes/queue.html", context)


@role_required()
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    context = {
        "report": report,
        "matches": report.matches.select_related("factcheck"),
        "show_reporter": selectors.can_see_reporter(request.user, report),
        "can_review": user_has_role(request.user, *REVIEW_ROLES),
        "answer_form": AnswerForm(),
        "clarification_form": ClarificationForm(
            initial={"claim": report.text[:2000], "desa": report.desa_id}
        ),
        "events": AuditEvent.objects.for_object(report)[:50],
    }
    return render(request, "hoaxes/report_detail.html", context)


@require_POST
@role_required(*REVIEW_ROLES)
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("factcheck", []):
            messages.error(request, str(error))
        return redirect("hoaxes:report_detail", pk=report.pk)
    try:
        services.answer_report(
            actor=request.user,
            report=report,
            factcheck=form.cleaned_data["factcheck"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Laporan %(ref)s dijawab.") % {"ref": report.reference})
    return redirect("hoaxes:report_detail", pk=report.pk)


@require_POST
@role_required(*REVIEW_ROLES)
def irrelevant(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    try:
        services.mark_irrelevant(
            actor=request.user, report=report, note=request.POST.get("note", "")[:500]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("hoaxes:report_detail", pk=report.pk)


@role_required(*REVIEW_ROLES)
def clarify(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Write a local clarification; from a report page it also answers that report."""
    report = _report(request, pk) if pk is not None else None
    form = ClarificationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        factcheck = services.create_local_clarification(
            actor=request.user,
            title=data["title"],
            claim=data["claim"],
            verdict=data["verdict"],
            conclusion=data["conclusion"],
            explanation=data["explanation"],
            region=data.get("desa"),
        )
        if report is not None:
            services.answer_report(actor=request.user, report=report, factcheck=factcheck)
            messages.success(request, _("Klarifikasi dibuat dan laporan dijawab."))
            return redirect("hoaxes:report_detail", pk=report.pk)
        messages.success(request, _("Klarifikasi diterbitkan."))
        return redirect("hoaxes:public_detail", pk=factcheck.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "hoaxes/clarify.html", {"form": form, "report": report}, status=status)


@role_required()
def factchecks(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.factchecks_for_staff(query), 25).get_page(request.GET.get("page"))
    return render(request, "hoaxes/factchecks.html", {"page": page, "q": query})


@role_required()
def waves(request: HttpRequest) -> HttpResponse:
    context = {
        "waves": selectors.waves_in_scope(request.user)[:100],
        "alerts": selectors.alerts_in_scope(request.user, open_only=True)[:100],
    }
    return render(request, "hoaxes/waves.html", context)


@require_POST
@role_required()
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    alert = get_object_or_404(Alert.objects.restrict(request.user), pk=pk)
    services.acknowledge_alert(actor=request.user, alert=alert)
    messages.success(request, _("Peringatan ditandai sudah diterima."))
    return redirect("hoaxes:waves")


@role_required()
def briefing(request: HttpRequest, unit: str, date: str) -> HttpResponse:
    unit_obj = get_object_or_404(Unit.objects.restrict(request.user), code=unit)
    try:
        day = dt.date.fromisoformat(date)
    except ValueError as exc:
        raise Http404(_("Tanggal tidak valid.")) from exc
    if not EARLIEST_DAY <= day <= timezone.localdate() + BRIEFING_AHEAD:
        raise Http404(_("Tanggal briefing di luar rentang yang didukung."))
    items = counter_messages(unit_obj, day, request.user)
    context = {"unit": unit_obj, "day": day, "items": items, "printed_at": timezone.now()}
    return render(request, "hoaxes/briefing.html", context)
