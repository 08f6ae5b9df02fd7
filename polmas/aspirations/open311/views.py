"""Open311 GeoReport v2 at /open311/v2/: services, requests (GET, POST with api_key), discovery.

Statuses map to the spec's two values: open (baru..ditunda) and closed (selesai, ditolak,
duplikat, diteruskan) with `status_notes` saying why. `service_request_id` is the case's
numeric id, never its tracking code (the code stays the reporter's secret). Rahasia cases are
never listed nor shown; descriptions are published with phone numbers, NIK and e-mails masked,
and no reporter field is ever published.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from polmas.aspirations import services
from polmas.aspirations.masking import mask_text
from polmas.aspirations.models import OPEN_STATUSES, Case, Category, Origin, Privacy, Status
from polmas.aspirations.open311.render import errors, respond
from polmas.aspirations.services.intake import MAX_DESCRIPTION
from polmas.core import ratelimit
from polmas.core.formatting import to_wib

WINDOW = dt.timedelta(days=90)
MAX_RESULTS = 1000
CHANGESET = "2024-08-01T00:00:00+07:00"


def jurisdiction() -> str:
    return str(getattr(settings, "POLMAS_OPEN311_JURISDICTION", "polres-indramayu"))


def _check_jurisdiction(request: HttpRequest, fmt: str) -> HttpResponse | None:
    given = (
        request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id") or ""
    ).strip()
    if given and given != jurisdiction():
        return errors(fmt, 404, _("jurisdiction_id tidak ditemukan."))
    return None


def _iso(value: dt.datetime | None) -> str | None:
    return to_wib(value).isoformat(timespec="seconds") if value else None


def _service(c: Category) -> dict[str, Any]:
    return {
        "service_code": c.code,
        "service_name": c.name,
        "description": c.description or c.name,
        "metadata": False,
        "type": "realtime",
        "keywords": c.keywords,
        "group": c.group,
    }


@require_GET
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri(reverse("open311:discovery", args=[fmt])).rsplit("/", 1)[0]
    body = {
        "changeset": CHANGESET,
        "contact": _("Polres Indramayu, Sie Humas. Darurat: 110."),
        "key_service": _("Kunci api_key diberikan oleh admin Polmas (polmas open311-key NAMA)."),
        "endpoints": [
            {
                "specification": "http://wiki.open311.org/GeoReport_v2",
                "url": base,
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return respond(fmt, "discovery", body)


@require_GET
def service_list(request: HttpRequest, fmt: str) -> HttpResponse:
    if (bad := _check_jurisdiction(request, fmt)) is not None:
        return bad
    return respond(fmt, "services", [_service(c) for c in Category.objects.filter(is_active=True)])


@require_GET
def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if (bad := _check_jurisdiction(request, fmt)) is not None:
        return bad
    category = Category.objects.filter(code=code, is_active=True).first()
    if category is None:
        return errors(fmt, 404, _("service_code %(code)s tidak dikenal.") % {"code": code})
    return respond(fmt, "service_definition", {"service_code": category.code, "attributes": []})


def _status_notes(case: Case) -> str:
    if case.status == Status.DUPLIKAT:
        return _("Laporan duplikat.") + (f" #{case.merged_into_id}" if case.merged_into_id else "")
    if case.status == Status.DITERUSKAN:
        return _("Diteruskan ke %(agency)s.") % {"agency": case.forwarded_to}
    if case.status in (Status.SELESAI, Status.DITOLAK):
        return case.status_note
    return str(case.get_status_display())


def request_out(case: Case) -> dict[str, Any]:
    closed = case.status not in OPEN_STATUSES
    address = case.location_text or (case.desa.name if case.desa else "")
    return {
        "service_request_id": str(case.pk),
        "status": "closed" if closed else "open",
        "status_notes": _status_notes(case),
        "service_name": case.category.name,
        "service_code": case.category.code,
        "description": mask_text(case.description),
        "agency_responsible": case.unit.name,
        "service_notice": "",
        "requested_datetime": _iso(case.created_at),
        "updated_datetime": _iso(case.closed_at if closed and case.closed_at else case.updated_at),
        "expected_datetime": _iso(case.due_at),
        "address": address,
        "address_id": case.desa_id or "",
        "zipcode": case.desa.postal_code if case.desa else "",
        "lat": case.lat,
        "long": case.lng,
        "media_url": "",
    }


def public_cases() -> Any:
    return (
        Case.objects.alive()
        .exclude(privacy=Privacy.RAHASIA)
        .select_related("category", "unit", "desa")
        .defer("desa__boundary", "triage")
    )


def _parse_date(raw: str) -> dt.datetime:
    value = parse_datetime(raw.strip().replace(" ", "+"))
    if value is None:
        raise ValueError(raw)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value


def _list_requests(request: HttpRequest, fmt: str) -> HttpResponse:
    qs = public_cases()
    ids = [i for i in (request.GET.get("service_request_id") or "").split(",") if i.strip()]
    if ids:
        if not all(i.strip().isdigit() for i in ids):
            return errors(fmt, 400, _("service_request_id harus berupa angka."))
        qs = qs.filter(pk__in=[int(i) for i in ids[:MAX_RESULTS]])
    else:
        codes = [c for c in (request.GET.get("service_code") or "").split(",") if c.strip()]
        if codes:
            qs = qs.filter(category__code__in=[c.strip() for c in codes])
        try:
            start = (
                _parse_date(request.GET["start_date"]) if request.GET.get("start_date") else None
            )
            end = _parse_date(request.GET["end_date"]) if request.GET.get("end_date") else None
        except ValueError:
            return errors(fmt, 400, _("start_date/end_date harus berformat ISO 8601 (W3C)."))
        if start and end and end - start > WINDOW:
            return errors(fmt, 400, _("Rentang start_date sampai end_date maksimal 90 hari."))
        if start and end and end < start:
            return errors(fmt, 400, _("end_date harus setelah start_date."))
        end = end or ((start + WINDOW) if start else timezone.now())
        start = start or (end - WINDOW)
        qs = qs.filter(created_at__gte=start, created_at__lte=end)
        statuses = {s.strip() for s in (request.GET.get("status") or "").split(",") if s.strip()}
        if statuses - {"open", "closed"}:
            return errors(fmt, 400, _("status harus open atau closed."))
        if statuses == {"open"}:
            qs = qs.filter(status__in=OPEN_STATUSES)
        elif statuses == {"closed"}:
            qs = qs.exclude(status__in=OPEN_STATUSES)
    rows = [request_out(c) for c in qs.order_by("-created_at", "-id")[:MAX_RESULTS]]
    return respond(fmt, "service_requests", rows)


def _float(raw: str | None) -> float | None:
    if raw is None or not raw.strip():
        return None
    return float(raw)


def _create_request(request: HttpRequest, fmt: str) -> HttpResponse:
    key = services.authenticate_open311_key(request.POST.get("api_key"))
    if key is None:
        return errors(fmt, 403, _("api_key tidak ada atau tidak sah."))
    if not ratelimit.allow("open311", f"key{key.pk}"):
        return errors(fmt, 429, _("Terlalu banyak permintaan; coba lagi sebentar lagi."))
    p = request.POST
    code = (p.get("service_code") or "").strip()
    if not code:
        return errors(fmt, 400, _("service_code wajib diisi."))
    if not Category.objects.filter(code=code, is_active=True).exists():
        return errors(fmt, 400, _("service_code %(code)s tidak dikenal.") % {"code": code})
    description = p.get("description") or ""
    if len(description) > MAX_DESCRIPTION:
        return errors(fmt, 400, _("description melebihi 4.000 karakter."))
    try:
        lat, lng = _float(p.get("lat")), _float(p.get("long"))
    except ValueError:
        return errors(fmt, 400, _("lat dan long harus berupa angka."))
    if (lat is None) != (lng is None):
        return errors(fmt, 400, _("lat dan long harus diisi berpasangan."))
    address, address_id = (
        (p.get("address_string") or "").strip(),
        (p.get("address_id") or "").strip(),
    )
    if lat is None and not address and not address_id:
        return errors(fmt, 400, _("Satu lokasi wajib: lat+long, address_string atau address_id."))
    name = " ".join(x for x in (p.get("first_name", ""), p.get("last_name", "")) if x).strip()
    try:
        case = services.create_case(
            actor=None,
            description=description,
            origin=Origin.OPEN311,
            origin_ref=f"{key.name}:{(p.get('device_id') or p.get('account_id') or '')[:60]}",
            category_code=code,
            lat=lat,
            lng=lng,
            desa_code=address_id or None,
            location_text=address,
            reporter_name=name,
            reporter_phone=p.get("phone") or "",
            reporter_email=p.get("email") or "",
        )
    except services.CaseError as exc:
        return errors(fmt, 400, str(exc))
    body = [
        {
            "service_request_id": str(case.pk),
            "service_notice": _("Kode lacak untuk pelapor: %(code)s")
            % {"code": case.tracking_code},
            "account_id": None,
        }
    ]
    return respond(fmt, "service_requests", body)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def requests_view(request: HttpRequest, fmt: str) -> HttpResponse:
    if (bad := _check_jurisdiction(request, fmt)) is not None:
        return bad
    if request.method == "POST":
        return _create_request(request, fmt)
    return _list_requests(request, fmt)


@require_GET
def request_detail(request: HttpRequest, request_id: str, fmt: str) -> HttpResponse:
    if (bad := _check_jurisdiction(request, fmt)) is not None:
        return bad
    case = public_cases().filter(pk=int(request_id)).first() if request_id.isdigit() else None
    if case is None:
        return errors(
            fmt, 404, _("service_request_id %(id)s tidak ditemukan.") % {"id": request_id}
        )
    return respond(fmt, "service_requests", [request_out(case)])
