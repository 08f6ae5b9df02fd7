"""Public pages (no login): check a rumour, track the answer, read Humas clarifications."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from polmas.core import ratelimit
from polmas.core.middleware import client_ip
from polmas.hoaxes import selectors, services
from polmas.hoaxes.forms import CheckForm, TrackForm
from polmas.hoaxes.models import Channel

PAGE_SIZE = 20


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "hoaxes/public_check.html", {"form": CheckForm()})
    if not ratelimit.allow("cek-hoaks", client_ip(request) or "?"):
        response = render(
            request,
            "hoaxes/public_check.html",
            {
                "form": CheckForm(request.POST),
                "limited": _(
                    "Terlalu banyak pengecekan dari perangkat Anda (maksimal %(n)s per 10 menit). "
                    "Silakan coba lagi nanti."
                )
                % {"n": ratelimit.limit_for("cek-hoaks")[0]},
            },
            status=429,
        )
        return response
    form = CheckForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        key = data.get("idempotency_key")
        try:
            report = services.report_hoax(
                actor=None,
                text=data["text"],
                channel=Channel.WEB,
                desa=data.get("desa"),
                reporter=services.Reporter(name=data["name"], contact=data["contact"]),
                anonymous=data["anonymous"],
                origin_ref=f"web:{key}" if key else "",
            )
        except ValidationError as exc:
            form.add_error("text", exc)
        else:
            return redirect("hoaxes:public_result", reference=report.reference)
    return render(request, "hoaxes/public_check.html", {"form": form}, status=400)


def result(request: HttpRequest, reference: str) -> HttpResponse:
    report = selectors.public_report(reference)
    if report is None:
        raise Http404(_("Kode lacak tidak ditemukan."))
    return render(request, "hoaxes/public_result.html", {"report": report})


def track(request: HttpRequest) -> HttpResponse:
    if not request.GET.get("reference", "").strip():
        return redirect("hoaxes:public_check")
    track_form = TrackForm(request.GET)
    if not track_form.is_valid():
        context = {"form": CheckForm(), "track_form": track_form}
        return render(request, "hoaxes/public_check.html", context, status=400)
    return redirect("hoaxes:public_result", reference=track_form.cleaned_data["reference"])


def clarifications(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.public_clarifications(query), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "hoaxes/public_list.html", {"page": page, "q": query})


def clarification(request: HttpRequest, pk: int) -> HttpResponse:
    factcheck = selectors.public_clarification(pk)
    if factcheck is None:
        raise Http404
    return render(request, "hoaxes/public_detail.html", {"fc": factcheck})
