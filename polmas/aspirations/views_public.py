"""Public pages outside login: the report form (/lapor/) and the tracking page (/lacak/).

Rate-limited per IP; the tracking page shows status and public replies only, never the
reporter, the description or the location. Rahasia cases show nothing but their status.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from polmas.aspirations import selectors, services
from polmas.aspirations.forms import PublicReportForm, RatingForm, ReporterInfoForm, TrackingForm
from polmas.aspirations.models import CLOSED_STATUSES, Case, Origin, Privacy, Status
from polmas.core import ratelimit
from polmas.core.middleware import client_ip


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "aspirations/public/too_many.html", status=429)


@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PublicReportForm(request.POST, request.FILES)
        if not ratelimit.allow("lapor", client_ip(request) or "-"):
            return _too_many(request)
        if form.is_valid():
            d = form.cleaned_data
            try:
                case = services.create_case(
                    actor=None,
                    description=d["description"],
                    origin=Origin.WEB,
                    category_code=d["category"] or None,
                    kind=d["kind"],
                    lat=d["lat"],
                    lng=d["lng"],
                    desa_code=d["desa"] or None,
                    location_text=d["location_text"],
                    privacy=d["privacy"],
                    reporter_name=d["reporter_name"],
                    reporter_phone=d["reporter_phone"],
                    reporter_email=d["reporter_email"],
                    idempotency_key=d["idempotency_key"],
                    attachments=[d["photo"]] if d.get("photo") else [],
                )
            except services.CaseError as exc:
                form.add_error(None, str(exc))
            else:
                request.session["asp_new_code"] = case.tracking_code
                return redirect("aspirations_public:sent")
    else:
        form = PublicReportForm()
    return render(request, "aspirations/public/report_form.html", {"form": form})


def report_sent(request: HttpRequest) -> HttpResponse:
    code = request.session.get("asp_new_code")
    if not code:
        return redirect("aspirations_public:report")
    return render(request, "aspirations/public/report_sent.html", {"code": code})


@require_http_methods(["GET", "POST"])
def track_lookup(request: HttpRequest) -> HttpResponse:
    form = TrackingForm(request.POST or None)
    if request.method == "POST":
        if not ratelimit.allow("lacak", client_ip(request) or "-"):
            return _too_many(request)
        if form.is_valid():
            case = selectors.find_by_code(form.cleaned_data["code"])
            if case is not None:
                return redirect("aspirations_public:track", code=case.tracking_code)
            form.add_error("code", _("Kode lacak tidak ditemukan. Periksa kembali penulisannya."))
    return render(request, "aspirations/public/track_lookup.html", {"form": form})


def _public_case(request: HttpRequest, code: str) -> Case:
    case = selectors.find_by_code(code)
    if case is None:
        raise Http404
    return case


def track(request: HttpRequest, code: str) -> HttpResponse:
    if not ratelimit.allow("lacak", client_ip(request) or "-"):
        return _too_many(request)
    case = _public_case(request, code)
    handled = case.merged_into if case.status == Status.DUPLIKAT and case.merged_into else case
    context = {
        "case": case,
        "handled": handled,
        "show_details": case.privacy != Privacy.RAHASIA,
        "replies": selectors.public_messages(case),
        "info_form": ReporterInfoForm(),
        "rating_form": RatingForm(),
        "can_add_info": handled.status not in CLOSED_STATUSES,
        "can_rate": case.status in CLOSED_STATUSES
        and case.status != Status.DUPLIKAT
        and case.rated_at is None,
    }
    response = render(request, "aspirations/public/track.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_http_methods(["POST"])
def track_add_info(request: HttpRequest, code: str) -> HttpResponse:
    if not ratelimit.allow("lapor", client_ip(request) or "-"):
        return _too_many(request)
    case = _public_case(request, code)
    form = ReporterInfoForm(request.POST)
    if form.is_valid():
        try:
            services.add_reporter_info(case=case, text=form.cleaned_data["text"])
            messages.success(request, _("Keterangan tambahan Anda sudah kami terima."))
        except services.CaseError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, _("Keterangan tambahan wajib diisi."))
    return redirect(reverse("aspirations_public:track", args=[case.tracking_code]))


@require_http_methods(["POST"])
def track_rate(request: HttpRequest, code: str) -> HttpResponse:
    if not ratelimit.allow("lapor", client_ip(request) or "-"):
        return _too_many(request)
    case = _public_case(request, code)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            services.rate_case(
                case=case, rating=form.cleaned_data["rating"], comment=form.cleaned_data["comment"]
            )
            messages.success(request, _("Terima kasih atas penilaian Anda."))
        except services.CaseError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, _("Pilih nilai 1 sampai 5."))
    return redirect(reverse("aspirations_public:track", args=[case.tracking_code]))
