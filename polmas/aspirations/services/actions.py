"""Changing a case: workflow transitions, replies, the reporter's additions and rating."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.aspirations import sla, workflow
from polmas.aspirations.models import (
    CLOSED_STATUSES,
    Case,
    CaseMessage,
    MessageKind,
    Status,
)
from polmas.aspirations.services.common import CaseError, authorise, case_snapshot
from polmas.aspirations.services.messages import notify_reporter
from polmas.core.audit import changed, record_event
from polmas.org.models import Person

MAX_MESSAGE = 4000


def _require(transition: workflow.Transition, values: dict[str, Any]) -> None:
    labels = {
        "note": _("catatan/alasan"),
        "assignee": _("petugas"),
        "target": _("kasus tujuan"),
        "agency": _("instansi tujuan"),
        "sent_text": _("isi yang diteruskan"),
    }
    missing = [labels[f] for f in transition.requires if not values.get(f)]
    if missing:
        raise CaseError(_("Wajib diisi: %(fields)s.") % {"fields": ", ".join(missing)})


def root_case(case: Case) -> Case:
    """Follow `merged_into` to the case that is actually being handled."""
    seen = {case.pk}
    while case.merged_into_id is not None and case.merged_into_id not in seen:
        seen.add(case.merged_into_id)
        case = Case.objects.get(pk=case.merged_into_id)
    return case


@transaction.atomic
def transition_case(
    *,
    actor: Any,
    case: Case,
    name: str,
    note: str = "",
    assignee: Person | None = None,
    target: Case | None = None,
    agency: str = "",
    sent_text: str = "",
    now: dt.datetime | None = None,
) -> Case:
    t = workflow.get(name)
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("sla_policy", "unit")
        .get(pk=case.pk)
    )
    authorise(actor, case, t.roles)
    if not t.allowed_from(case.status):
        raise CaseError(
            _("Tindakan '%(action)s' tidak dapat dilakukan pada status %(status)s.")
            % {"action": t.label, "status": case.get_status_display()}
        )
    note, agency, sent_text = note.strip(), agency.strip(), sent_text.strip()
    _require(
        t,
        {
            "note": note,
            "assignee": assignee,
            "target": target,
            "agency": agency,
            "sent_text": sent_text,
        },
    )
    now = now or timezone.now()
    before = case_snapshot(case)
    public_text = ""
    if name == "tugaskan":
        assert assignee is not None
        if not assignee.unit.path.startswith(case.unit.path):
            raise CaseError(_("Petugas harus anggota satuan penanganan atau satuan di bawahnya."))
        case.assignee = assignee
    elif name == "gabungkan":
        assert target is not None
        target = root_case(target)
        if target.pk == case.pk:
            raise CaseError(_("Kasus tidak dapat digabung dengan dirinya sendiri."))
        if target.status in CLOSED_STATUSES:
            raise CaseError(_("Kasus tujuan sudah ditutup; pilih kasus yang masih terbuka."))
        if actor is not None and not Case.objects.restrict(actor).filter(pk=target.pk).exists():
            raise CaseError(_("Kasus tujuan tidak ditemukan dalam cakupan Anda."))
        case.merged_into = target
        Case.objects.filter(merged_into=case).update(merged_into=target)
        public_text = _(
            "Laporan Anda sama dengan laporan lain yang sedang ditangani (%(code)s). Jawaban atas "
            "laporan tersebut akan tetap dikirimkan kepada Anda."
        ) % {"code": target.tracking_code}
    elif name == "teruskan":
        case.forwarded_to, case.forwarded_text = agency[:120], sent_text
        public_text = _(
            "Laporan Anda bukan kewenangan kepolisian dan telah diteruskan ke %(agency)s."
        ) % {"agency": case.forwarded_to}
    elif name == "tunda":
        case.paused_from = case.status
        public_text = note  # the question to the reporter
    elif name == "eskalasi":
        parent = case.unit.parent
        if parent is None:
            raise CaseError(_("Satuan penanganan sudah berada di tingkat tertinggi."))
        case.unit = parent
        case.escalation_level += 1
    elif name in ("selesaikan", "tolak"):
        public_text = note
    new_status = workflow.target_status(t, case.status, case.paused_from)
    resuming = name == "lanjutkan"
    case.status = new_status
    if note:
        case.status_note = note
    if new_status in CLOSED_STATUSES:
        case.closed_at = now
    elif name == "buka_kembali":
        case.closed_at = None
        case.sla_stage = ""
    if resuming:
        case.paused_from = ""
        sla.resume(case, now)
    else:
        sla.start_stage(case, now)
    case.save()
    b, a = changed(before, case_snapshot(case))
    record_event(
        actor=actor, verb=f"aspirations.case.{name}", target=case, before=b, after=a, note=note
    )
    if public_text:
        notify_reporter(case, public_text, author=actor)
    return case


@transaction.atomic
def reply_to_case(*, actor: Any, case: Case, text: str, public: bool) -> CaseMessage:
    """An officer's reply: public replies go to the reporter, internal notes stay inside."""
    authorise(actor, case, workflow.ACTING_ROLES)
    text = text.strip()
    if not text:
        raise CaseError(_("Isi balasan wajib diisi."))
    if len(text) > MAX_MESSAGE:
        raise CaseError(_("Balasan terlalu panjang (maksimal 4000 karakter)."))
    if public:
        message = notify_reporter(case, text, author=actor)
    else:
        message = CaseMessage.objects.create(
            case=case, kind=MessageKind.INTERNAL_NOTE, text=text, author=actor
        )
    record_event(
        actor=actor,
        verb="aspirations.case.replied" if public else "aspirations.case.noted",
        target=case,
        after={"message": message.pk, "public": public},
    )
    return message


@transaction.atomic
def add_reporter_info(*, case: Case, text: str) -> CaseMessage:
    """The reporter (holding the tracking code) adds information; a paused case resumes."""
    text = text.strip()
    if not text:
        raise CaseError(_("Keterangan tambahan wajib diisi."))
    if len(text) > MAX_MESSAGE:
        raise CaseError(_("Keterangan terlalu panjang (maksimal 4000 karakter)."))
    case = root_case(case)
    if case.status in CLOSED_STATUSES:
        raise CaseError(_("Laporan ini sudah ditutup; keterangan tambahan tidak dapat dikirim."))
    message = CaseMessage.objects.create(case=case, kind=MessageKind.REPORTER_INFO, text=text)
    record_event(
        actor=None,
        verb="aspirations.case.reporter_info",
        target=case,
        after={"message": message.pk},
    )
    if case.status == Status.DITUNDA:
        transition_case(actor=None, case=case, name="lanjutkan", note=_("Pelapor menjawab."))
    return message


@transaction.atomic
def rate_case(*, case: Case, rating: int, comment: str = "") -> Case:
    if case.status not in CLOSED_STATUSES or case.status == Status.DUPLIKAT:
        raise CaseError(_("Penilaian dapat diberikan setelah laporan selesai ditangani."))
    if case.rated_at is not None:
        raise CaseError(_("Laporan ini sudah dinilai."))
    if not 1 <= int(rating) <= 5:
        raise CaseError(_("Nilai harus antara 1 dan 5."))
    case.rating, case.rating_comment, case.rated_at = (
        int(rating),
        comment.strip()[:2000],
        timezone.now(),
    )
    case.save(update_fields=["rating", "rating_comment", "rated_at", "updated_at"])
    record_event(
        actor=None, verb="aspirations.case.rated", target=case, after={"rating": case.rating}
    )
    return case
