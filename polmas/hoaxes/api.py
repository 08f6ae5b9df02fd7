"""Hoax reports, rumour checks and waves over the JSON API (mounted by polmas.api)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from polmas.core.schemas import stored_triage
from polmas.hoaxes import selectors
from polmas.hoaxes.kb import match_text
from polmas.hoaxes.models import HoaxReport, RumourWave
from polmas.hoaxes.schemas import CheckIn, CheckOut, ErrorOut, ReportOut, WaveOut
from polmas.hoaxes.services.reports import validate_text

router = Router(tags=["hoaks"])


class HoaxPagination(PageNumberPagination):
    page_size = 50


def _report_out(r: HoaxReport, user: Any) -> dict[str, Any]:
    return {
        "id": r.pk,
        "reference": r.reference,
        "text": r.text,
        "channel": r.channel,
        "status": r.status,
        "confidence": r.confidence,
        "desa": r.desa_id,
        "handling_unit": r.handling_unit.code if r.handling_unit else None,
        "suggested": r.suggested_id,
        "answer": r.answer_id,
        "reported_on": r.reported_on,
        "anonymous": r.anonymous,
        "reporter_name": r.reporter_name if selectors.can_see_reporter(user, r) else None,
        "triage": stored_triage(r.triage),
    }


@router.get("/hoaxes/reports", response=list[ReportOut], summary="Laporan hoaks (berhalaman)")
@paginate(HoaxPagination)
def list_reports(request: HttpRequest, status: str | None = None) -> list[dict[str, Any]]:
    qs = selectors.reports_in_scope(request.user)
    if status:
        qs = qs.filter(status=status)
    return [_report_out(r, request.user) for r in qs]


@router.get(
    "/hoaxes/reports/{report_id}", response={200: ReportOut, 404: ErrorOut}, summary="Satu laporan"
)
def report_detail(request: HttpRequest, report_id: int) -> tuple[int, dict[str, Any]]:
    report = selectors.report_detail(request.user, report_id)
    if report is None:
        return 404, {"detail": _("Laporan tidak ditemukan.")}
    return 200, _report_out(report, request.user)


@router.post("/hoaxes/check", response=CheckOut, summary="Cocokkan teks dengan cek fakta")
def check(request: HttpRequest, payload: CheckIn) -> dict[str, Any]:
    try:
        text = validate_text(payload.text)
    except ValidationError as exc:
        raise HttpError(422, " ".join(exc.messages)) from exc
    result = match_text(text, k=5)
    return {
        "confidence": result.confidence,
        "matches": [
            {
                "id": m.factcheck.pk,
                "title": m.factcheck.title,
                "verdict": m.factcheck.verdict,
                "url": m.factcheck.url,
                "conclusion": m.factcheck.conclusion[:500],
                "score": m.score,
            }
            for m in result.matches
        ],
    }


def _wave_out(w: RumourWave) -> dict[str, Any]:
    return {
        "id": w.pk,
        "day": w.day,
        "kecamatan": w.kecamatan_id,
        "kecamatan_name": w.kecamatan.name,
        "cluster_key": w.cluster_key,
        "factcheck": w.factcheck_id,
        "title": w.factcheck.title if w.factcheck else w.sample_text[:120],
        "count": w.count,
        "baseline_mean": w.baseline_mean,
        "baseline_sd": w.baseline_sd,
        "threshold": w.threshold,
        "desa_counts": w.desa_counts,
    }


@router.get("/hoaxes/waves", response=list[WaveOut], summary="Gelombang isu dalam cakupan Anda")
@paginate(HoaxPagination)
def list_waves(request: HttpRequest) -> list[dict[str, Any]]:
    return [_wave_out(w) for w in selectors.waves_in_scope(request.user)]
