"""Hoax reports: intake from any channel (matched at once), and Humas answers."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.core.audit import changed, record_event, snapshot
from polmas.core.triage import triage_json
from polmas.hoaxes.kb import match_text
from polmas.hoaxes.models import (
    MAX_REPORT_CHARS,
    FactCheck,
    HoaxReport,
    HoaxReportMatch,
    ReportStatus,
)
from polmas.hoaxes.services.factchecks import approve_factcheck
from polmas.hoaxes.workflow import REVIEW_ROLES, check_transition
from polmas.org.access import check_role
from polmas.org.models import Region, RegionLevel
from polmas.org.regions import deployment_code, locate_point
from polmas.org.selectors import responsible_unit_for_desa

REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
MATCHES_KEPT = 5
# Fields safe to show in the audit trail (no reporter identity: anonymity is respected).
_AUDITED = ("reference", "status", "confidence", "suggested_id", "answer_id", "desa_id", "channel")


@dataclass(frozen=True)
class Reporter:
    """Who sent the report, when known. Hidden from all but the handling unit if anonymous."""

    name: str = ""
    contact: str = ""


def new_reference() -> str:
    return "HX-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def validate_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Isi kabar yang ingin dicek tidak boleh kosong."), code="empty")
    if len(text) > MAX_REPORT_CHARS:
        raise ValidationError(
            _("Teks terlalu panjang: maksimal %(max)s karakter.") % {"max": "5.000"},
            code="too_long",
        )
    return text


def _reporter_fields(reporter: Reporter | str | None, actor: Any) -> dict[str, Any]:
    if isinstance(reporter, str):
        reporter = Reporter(name=reporter)
    fields: dict[str, Any] = {
        "reporter_name": (reporter.name if reporter else "")[:120],
        "reporter_contact": (reporter.contact if reporter else "")[:120],
    }
    if getattr(actor, "is_authenticated", False):
        fields["reporter_user"] = actor
    return fields


def _locate(desa: Region | None, point: tuple[float, float] | None) -> Region | None:
    if desa is None and point is not None:
        desa = locate_point(point[0], point[1]).desa
    if desa is not None and desa.level != RegionLevel.DESA:
        raise ValidationError(_("Wilayah laporan harus berupa desa/kelurahan."))
    return desa


def report_hoax(
    *,
    actor: Any,
    text: str,
    channel: str,
    desa: Region | None = None,
    point: tuple[float, float] | None = None,
    reporter: Reporter | str | None = None,
    anonymous: bool = False,
    origin_ref: str = "",
    triage: dict[str, Any] | None = None,
) -> HoaxReport:
    """Store a suspected hoax, match it, triage it, and answer it automatically when the match
    is sure.

    ``origin_ref`` (a channel message id or a form's idempotency key) makes retries safe: the
    same channel + origin_ref returns the first report; a different text with it is refused.
    ``triage``: the caller's ``polmas.triage`` result (as JSON) for exactly ``text``; otherwise
    the report is triaged here (about a millisecond once the models are loaded).
    """
    text = validate_text(text)
    if origin_ref:
        existing = HoaxReport.objects.filter(channel=channel, origin_ref=origin_ref).first()
        if existing is not None:
            if existing.text != text:
                raise ValidationError(
                    _("Kode pengiriman ini sudah dipakai untuk laporan lain."), code="conflict"
                )
            return existing
    desa = _locate(desa, point)
    unit = responsible_unit_for_desa(desa.code if desa else deployment_code())
    result = match_text(text, k=MATCHES_KEPT)
    if triage is None:
        triage = triage_json(text)
    best = result.best if result.confidence != "none" else None
    now = timezone.now()
    with transaction.atomic():
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    report = HoaxReport.objects.create(
                        reference=new_reference(),
                        text=text,
                        channel=channel,
                        origin_ref=origin_ref[:120],
                        desa=desa,
                        lat=point[0] if point else None,
                        lng=point[1] if point else None,
                        handling_unit=unit,
                        anonymous=anonymous,
                        confidence=result.confidence,
                        suggested=best,
                        reported_on=timezone.localdate(now),
                        cluster_key=f"fc:{best.pk}" if best else "",
                        triage=triage,
                        **_reporter_fields(reporter, actor),
                    )
                break
            except IntegrityError:  # a concurrent retry, or a reference collision
                if origin_ref:
                    twin = HoaxReport.objects.filter(channel=channel, origin_ref=origin_ref).first()
                    if twin is not None:
                        return twin
                continue
        else:  # pragma: no cover - 31^8 references
            raise RuntimeError("could not draw a unique report reference")
        HoaxReportMatch.objects.bulk_create(
            HoaxReportMatch(report=report, factcheck=m.factcheck, rank=i, score=m.score)
            for i, m in enumerate(result.matches, start=1)
        )
        record_event(
            actor=actor, verb="hoax_report.create", target=report, after=snapshot(report, _AUDITED)
        )
        if result.confidence == "confident" and best is not None:
            _set_status(actor, report, ReportStatus.TERJAWAB_OTOMATIS, answer=best, at=now)
        else:
            _set_status(actor, report, ReportStatus.MENUNGGU_HUMAS)
    return report


def _set_status(
    actor: Any,
    report: HoaxReport,
    status: str,
    *,
    answer: FactCheck | None = None,
    at: Any = None,
    note: str = "",
) -> None:
    check_transition(report.status, status)
    before = snapshot(report, _AUDITED)
    report.status = status
    if answer is not None:
        report.answer = answer
        report.answered_at = at or timezone.now()
        report.answered_by = actor if getattr(actor, "is_authenticated", False) else None
        report.cluster_key = f"fc:{answer.pk}"
    report.save()
    b, a = changed(before, snapshot(report, _AUDITED))
    record_event(
        actor=actor, verb="hoax_report.status", target=report, before=b, after=a, note=note
    )


def _authorise(actor: Any, report: HoaxReport) -> None:
    check_role(actor, *REVIEW_ROLES)
    if not HoaxReport.objects.restrict(actor).filter(pk=report.pk).exists():
        raise PermissionDenied(_("Laporan ini di luar cakupan Anda."))


@transaction.atomic
def answer_report(
    *, actor: Any, report: HoaxReport, factcheck: FactCheck, note: str = ""
) -> HoaxReport:
    """Humas answers with a fact-check (the suggested one, another, or a new clarification).
    The fact-check becomes Humas-approved and is listed on the public page."""
    _authorise(actor, report)
    if factcheck.deleted_at is not None or not factcheck.is_published:
        raise ValidationError(_("Cek fakta ini tidak terbit dan tidak dapat dipakai."))
    approve_factcheck(actor=actor, factcheck=factcheck)
    _set_status(actor, report, ReportStatus.DIJAWAB, answer=factcheck, note=note)
    return report


@transaction.atomic
def mark_irrelevant(*, actor: Any, report: HoaxReport, note: str = "") -> HoaxReport:
    _authorise(actor, report)
    _set_status(actor, report, ReportStatus.TIDAK_RELEVAN, note=note)
    return report
