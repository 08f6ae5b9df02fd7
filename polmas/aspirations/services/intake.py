"""Creating a case: validate, de-duplicate retries, route, set the deadline, audit, notify."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.aspirations import sla, tracking
from polmas.aspirations.lookups import memo
from polmas.aspirations.models import (
    Case,
    CaseAttachment,
    Category,
    Channel,
    Kind,
    MessageKind,
    Origin,
    Privacy,
    Urgency,
)
from polmas.aspirations.routing import Route, route_case
from polmas.aspirations.services.common import CaseError, IdempotencyConflict, case_snapshot
from polmas.aspirations.services.labels import DeskChoice, record_desk_choice
from polmas.aspirations.services.messages import notify_reporter
from polmas.core.audit import record_event
from polmas.core.jobs import enqueue_on_commit
from polmas.core.triage import triage_json as apply_triage

MAX_DESCRIPTION = 4000
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
ALLOWED_ATTACHMENT_TYPES = ("image/jpeg", "image/png", "image/webp")
FALLBACK_CATEGORY = "lainnya"


def _body_hash(fields: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()


def active_category(code: str) -> Category | None:
    """An active category by code (memoised per process; see `lookups`)."""
    return memo(
        "category", code, lambda: Category.objects.filter(is_active=True, code=code).first()
    )


def _category(code: str | None, triage: dict[str, Any] | None) -> Category:
    if code:
        found = active_category(code)
        if found is None:
            raise CaseError(_("Kategori '%(code)s' tidak dikenal.") % {"code": code})
        return found
    suggested = str((triage or {}).get("category") or "")
    found = active_category(suggested) if suggested else None
    found = found or active_category(FALLBACK_CATEGORY)
    if found is None:
        raise CaseError(_("Kategori belum dimuat: jalankan `polmas load-categories`."))
    return found


def _validate_email(email: str) -> None:
    """Optional, but when given it must be an address a reply can be sent to."""
    email = (email or "").strip()
    if not email:
        return
    try:
        validate_email(email)
    except ValidationError:
        raise CaseError(
            _("Alamat email pelapor '%(email)s' tidak valid; contoh: nama@contoh.id.")
            % {"email": email[:60]}
        ) from None


def _validate_attachment(f: UploadedFile) -> None:
    if (f.size or 0) > MAX_ATTACHMENT_BYTES:
        raise CaseError(_("Foto terlalu besar (maksimal 5 MB)."))
    if (f.content_type or "") not in ALLOWED_ATTACHMENT_TYPES:
        raise CaseError(_("Lampiran harus berupa foto JPEG, PNG atau WebP."))


def create_case(
    *,
    actor: Any,
    description: str,
    origin: str = Origin.WEB,
    category_code: str | None = None,
    kind: str = Kind.MASUKAN,
    urgency: str | None = None,
    title: str = "",
    lat: float | None = None,
    lng: float | None = None,
    desa_code: str | None = None,
    location_text: str = "",
    origin_ref: str = "",
    reply_channel: str | None = None,
    reply_address: str = "",
    privacy: str = Privacy.BIASA,
    reporter_name: str = "",
    reporter_phone: str = "",
    reporter_email: str = "",
    idempotency_key: uuid.UUID | str | None = None,
    attachments: Sequence[UploadedFile] = (),
    is_demo: bool = False,
    tracking_code: str | None = None,
    now: dt.datetime | None = None,
    notify: bool = True,
    triage: dict[str, Any] | None = None,
    learn_from_choice: bool = False,
) -> Case:
    """`triage`: the caller's `polmas.triage` result (as JSON) for exactly `description`; the
    case then needs no analysis of its own, inline or in a job.

    `learn_from_choice` (staff intake): a category or urgency the caller chose that differs from
    the triage's suggestion is kept as a triage label (`labels.record_desk_choice`), once the
    triage is known: now, or in the job that computes it."""
    description = (description or "").strip()
    if not description:
        raise CaseError(_("Uraian laporan wajib diisi."))
    if len(description) > MAX_DESCRIPTION:
        raise CaseError(
            _("Uraian laporan terlalu panjang (maksimal %(n)s karakter).") % {"n": MAX_DESCRIPTION}
        )
    if origin not in Origin.values:
        raise CaseError(_("Asal laporan tidak dikenal."))
    if privacy not in Privacy.values:
        raise CaseError(_("Pilihan kerahasiaan tidak dikenal."))
    if kind not in Kind.values:
        raise CaseError(_("Jenis laporan tidak dikenal."))
    if urgency and urgency not in Urgency.values:
        raise CaseError(_("Urgensi tidak dikenal."))
    _validate_email(reporter_email)
    for f in attachments:
        _validate_attachment(f)
    key = uuid.UUID(str(idempotency_key)) if idempotency_key else None
    choice: DeskChoice | None = None
    if learn_from_choice and (category_code or urgency):
        choice = {"category": category_code or None, "urgency": urgency or None}
    body = {
        "description": description,
        "category": category_code,
        "kind": kind,
        "lat": lat,
        "lng": lng,
        "desa": desa_code,
        "privacy": privacy,
        "reporter": [reporter_name, reporter_phone, reporter_email],
        "origin": origin,
    }
    body_hash = _body_hash(body)
    if key is not None:
        existing = Case.objects.filter(idempotency_key=key).order_by().first()
        if existing is not None:
            return _replay(existing, body_hash, actor)
    # Triage decides the category and urgency when the caller left them open; then it must run
    # inline (about 2 ms warm). Otherwise it is informational and runs as a job after commit,
    # unless the caller handed its own result over.
    triage_in_job = triage is None and bool(category_code and urgency)
    if triage is None and not triage_in_job:
        triage = apply_triage(description)
    category = _category(category_code, triage)
    now = now or timezone.now()
    route = route_case(desa_code=desa_code, lat=lat, lng=lng)
    urgency = urgency or str((triage or {}).get("urgency") or "") or category.default_urgency
    if urgency not in Urgency.values:
        urgency = category.default_urgency
    if reply_channel is None:
        reply_channel = {
            Origin.WEB: Channel.WEB,
            Origin.OPEN311: Channel.OPEN311,
        }.get(Origin(origin), Channel.WEB)
    case = Case(
        tracking_code=tracking_code or tracking.new_code(),
        kind=kind,
        category=category,
        urgency=urgency,
        title=title.strip()[:160],
        description=description,
        lat=lat,
        lng=lng,
        desa=route.desa,
        location_text=location_text.strip()[:255],
        origin=origin,
        origin_ref=origin_ref[:120],
        reply_channel=reply_channel,
        reply_address=reply_address[:120],
        privacy=privacy,
        reporter_name=reporter_name.strip()[:120],
        reporter_phone=reporter_phone.strip()[:32],
        reporter_email=reporter_email.strip()[:254],
        unit=route.unit,
        triage=triage,
        idempotency_key=key,
        body_hash=body_hash,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        is_demo=is_demo,
        created_at=now,
    )
    case.sla_policy = sla.policy_for(category.pk, urgency)
    sla.start_stage(case, now)
    for attempt in range(5):
        try:
            _save_new_case(case, actor, route, attachments, notify=notify)
        except IntegrityError:
            if key is not None:  # a concurrent retry with the same key won the race
                existing = Case.objects.filter(idempotency_key=key).order_by().first()
                if existing is not None:
                    return _replay(existing, body_hash, actor)
            if attempt < 4 and Case.objects.filter(tracking_code=case.tracking_code).exists():
                case.pk, case.tracking_code = None, tracking.new_code()  # a rare code collision
                continue
            raise
        break
    if triage_in_job:
        from polmas.aspirations.tasks import triage_case

        enqueue_on_commit(triage_case, case.pk, choice)
    elif choice is not None:
        record_desk_choice(case.pk, choice)
    return case


def _save_new_case(
    case: Case, actor: Any, route: Route, attachments: Sequence[UploadedFile], *, notify: bool
) -> None:
    """Insert the case, its attachments, the audit event and the receipt in one transaction."""
    with transaction.atomic():
        case.save(force_insert=True)
        for f in attachments:
            CaseAttachment.objects.create(
                case=case, file=f, content_type=f.content_type or "", size=f.size or 0
            )
        record_event(
            actor=actor,
            verb="aspirations.case.created",
            target=case,
            after=case_snapshot(case),
            note=_("Antrean triase Polres: lokasi tidak diketahui") if route.triage_queue else "",
        )
        if notify:
            notify_reporter(
                case,
                _(
                    "Laporan Anda telah diterima dengan kode %(code)s dan diteruskan ke "
                    "%(unit)s. Simpan kode ini untuk melacak tindak lanjutnya."
                )
                % {"code": case.tracking_code, "unit": route.unit.name},
                kind=MessageKind.NOTICE,
                include_merged=False,  # a new case has nothing merged into it yet
            )


def _replay(existing: Case, body_hash: str, actor: Any = None) -> Case:
    creator = getattr(actor, "pk", None) if getattr(actor, "is_authenticated", False) else None
    if existing.body_hash != body_hash or existing.created_by_id != creator:
        raise IdempotencyConflict(
            _("Kunci idempoten ini sudah dipakai untuk laporan dengan isi berbeda.")
        )
    return existing
