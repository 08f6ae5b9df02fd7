"""The channels adapter wired to the real apps: cases go to `polmas.aspirations`, rumours to
`polmas.hoaxes` (a stored, matched HoaxReport that Humas sees in its queue).

Selected by the settings `POLMAS_CHANNELS_CASE_BACKEND` / `POLMAS_CHANNELS_HOAX_BACKEND`
(defaults in polmas/config/settings.py point here)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction

from polmas.aspirations.models import (
    Case,
    CaseMessage,
    Channel,
    DeliveryStatus,
    MessageKind,
    Origin,
    Privacy,
)
from polmas.aspirations.selectors import find_by_code
from polmas.aspirations.services import actions, intake
from polmas.channels.services.backends import (
    CaseMessage as PendingMessage,
)
from polmas.channels.services.backends import (
    CaseRef,
    CaseStatus,
    HoaxAnswer,
    NewCase,
)
from polmas.hoaxes.services.reports import report_hoax
from polmas.org.models import Region

CHAT_CHANNELS = (Channel.WHATSAPP, Channel.TELEGRAM, Channel.SMS)
_REPLY_CHANNEL = {"whatsapp": Channel.WHATSAPP, "telegram": Channel.TELEGRAM, "sms": Channel.SMS}
_IDEMPOTENCY_NAMESPACE = uuid.UUID("3f1d1c2e-8a4b-4f53-9c55-2d0f6f1b7a10")


def _stored_photos(attachments: Sequence[dict[str, Any]]) -> list[UploadedFile]:
    """Photos the channel already fetched and stored, handed to the case as uploads."""
    files: list[UploadedFile] = []
    for item in attachments:
        path = item.get("path")
        if item.get("type") != "photo" or not path or not default_storage.exists(path):
            continue
        content = default_storage.open(path).read()
        files.append(
            SimpleUploadedFile(
                path.rsplit("/", 1)[-1], content, content_type=item.get("mime_type", "image/jpeg")
            )
        )
    return files


class AspirationsCaseBackend:
    """Chat reports become cases routed like any other; answers flow back through the outbox."""

    def create_case(self, case: NewCase) -> CaseRef:
        key = uuid.uuid5(_IDEMPOTENCY_NAMESPACE, case.idempotency_key)
        existing = Case.objects.select_related("unit").filter(idempotency_key=key).first()
        if existing is not None:
            return CaseRef(existing.tracking_code, existing.unit.name, created=False)
        reply_channel = _REPLY_CHANNEL.get(case.channel_kind, Channel.WEB)
        files = _stored_photos(case.attachments)
        created = intake.create_case(
            actor=None,
            description=case.text,
            origin=Origin.CHAT if reply_channel in CHAT_CHANNELS else Origin.WEB,
            category_code=case.category or None,
            urgency=case.urgency or None,
            lat=case.lat,
            lng=case.lng,
            desa_code=case.desa_code,
            origin_ref=f"channels:contact:{case.contact_id}" if case.contact_id else "",
            reply_channel=reply_channel,
            privacy=Privacy.ANONIM if case.anonymous else Privacy.BIASA,
            idempotency_key=key,
            attachments=files,
            notify=False,  # the conversation confirms with the tracking code itself
            triage=case.triage,
        )
        return CaseRef(created.tracking_code, created.unit.name)

    def case_status(self, tracking_code: str) -> CaseStatus | None:
        case = find_by_code(tracking_code)
        if case is None:
            return None
        root = actions.root_case(case)
        last_reply = (
            CaseMessage.objects.filter(case=root, kind=MessageKind.PUBLIC_REPLY)
            .order_by("-id")
            .first()
        )
        return CaseStatus(
            case.tracking_code,
            str(root.get_status_display()),
            root.unit.name,
            last_reply.text if last_reply else "",
        )

    def add_reporter_info(self, tracking_code: str, text: str) -> bool:
        case = find_by_code(tracking_code)
        if case is None:
            return False
        actions.add_reporter_info(case=case, text=text)
        return True

    def pending_case_messages(self, limit: int) -> list[PendingMessage]:
        rows = (
            CaseMessage.objects.filter(
                channel__in=CHAT_CHANNELS, delivery_status=DeliveryStatus.PENDING
            )
            .select_related("case")
            .order_by("id")[:limit]
        )
        return [PendingMessage(str(m.pk), m.case.tracking_code, m.text) for m in rows]

    @transaction.atomic
    def mark_case_message(self, message_id: str, *, queued: bool, note: str) -> None:
        # "sent" here means handed to the channel's outbound queue, which tracks delivery itself.
        CaseMessage.objects.filter(pk=int(message_id)).update(
            delivery_status=DeliveryStatus.SENT if queued else DeliveryStatus.NONE
        )


class HoaxesAppBackend:
    """A forwarded rumour is stored as a HoaxReport, matched, and answered when confident."""

    def check(
        self,
        *,
        text: str,
        contact_id: int | None,
        desa_code: str | None,
        channel_kind: str = "api",
        origin_ref: str = "",
    ) -> HoaxAnswer:
        desa = Region.objects.filter(code=desa_code).first() if desa_code else None
        channel = channel_kind if channel_kind in ("whatsapp", "telegram", "sms", "web") else "api"
        report: Any = report_hoax(
            actor=None, text=text, channel=channel, desa=desa, origin_ref=origin_ref
        )
        best = report.answer or report.suggested
        if report.confidence == "none" or best is None:
            return HoaxAnswer("none")
        return HoaxAnswer(
            report.confidence,
            verdict=str(best.verdict),
            title=best.title,
            url=best.url or "",
            conclusion=best.conclusion or best.explanation or "",
        )
