"""The ONE adapter between channels and the case / hoax apps.

Channels never import `polmas.aspirations` or `polmas.hoaxes` services directly: it calls a
`CaseBackend` and a `HoaxBackend` obtained from `case_backend()` / `hoax_backend()`. The
defaults here are interim:

- `InterimCaseBackend` stores reports in `channels.InboundReport` and returns a tracking code.
- `MatchingHoaxBackend` runs `polmas.hoaxes.matching` over a small KB read from the JSONL file
  named by setting `POLMAS_CHANNELS_HOAX_KB` (lines `{"id","title","claim"?,"explanation"?,
  "url"?,"verdict"?}`); without it every check answers "none".

At merge the lead points settings `POLMAS_CHANNELS_CASE_BACKEND` / `POLMAS_CHANNELS_HOAX_BACKEND`
(dotted paths to zero-argument factories or classes) at the real services, which must satisfy
the Protocols below. Case notifications flow the other way through
`polmas.channels.services.outbound.notify_reporter(tracking_code=..., text=..., dedupe_key=...)`
and the `deliver_case_messages` job, which pulls `pending_case_messages()`.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

Confidence = Literal["confident", "uncertain", "none"]


@dataclass(frozen=True)
class CaseRef:
    tracking_code: str
    unit_name: str
    created: bool = True


@dataclass(frozen=True)
class CaseStatus:
    tracking_code: str
    status_label: str
    unit_name: str
    note: str = ""


@dataclass(frozen=True)
class CaseMessage:
    """A reporter notification the case app wants delivered (e.g. aspirations.CaseMessage)."""

    id: str
    tracking_code: str
    text: str


@dataclass(frozen=True)
class HoaxAnswer:
    confidence: Confidence
    verdict: str = ""
    title: str = ""
    url: str = ""
    conclusion: str = ""


@dataclass(frozen=True)
class NewCase:
    text: str
    channel_kind: str
    contact_id: int | None
    desa_code: str | None
    lat: float | None
    lng: float | None
    anonymous: bool
    idempotency_key: str
    fallback_unit_id: int
    category: str = ""
    urgency: str = ""
    attachments: Sequence[dict[str, Any]] = field(default_factory=tuple)


class CaseBackend(Protocol):
    def create_case(self, case: NewCase) -> CaseRef: ...

    def case_status(self, tracking_code: str) -> CaseStatus | None: ...

    def add_reporter_info(self, tracking_code: str, text: str) -> bool: ...

    def pending_case_messages(self, limit: int) -> list[CaseMessage]: ...

    def mark_case_message(self, message_id: str, *, queued: bool, note: str) -> None: ...


class HoaxBackend(Protocol):
    def check(
        self,
        *,
        text: str,
        contact_id: int | None,
        desa_code: str | None,
        channel_kind: str = "api",
        origin_ref: str = "",
    ) -> HoaxAnswer: ...


# --- interim case sink -------------------------------------------------------------------------

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_tracking_code() -> str:
    body = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
    return f"LP-{body[:4]}-{body[4:]}"


def normalise_code(text: str) -> str:
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    if raw.startswith("LP"):
        raw = raw[2:]
    return f"LP-{raw[:4]}-{raw[4:8]}" if len(raw) == 8 else text.strip().upper()


class InterimCaseBackend:
    """Stores reports in `channels.InboundReport` until aspirations is wired in."""

    def create_case(self, case: NewCase) -> CaseRef:
        from polmas.channels.models import InboundReport
        from polmas.org.models import Region, Unit
        from polmas.org.selectors import responsible_unit_for_desa, responsible_unit_for_point

        existing = InboundReport.objects.filter(idempotency_key=case.idempotency_key).first()
        if existing is not None:
            return CaseRef(existing.tracking_code, existing.unit.name, created=False)
        desa_code = case.desa_code
        unit = None
        if desa_code is None and case.lat is not None and case.lng is not None:
            location, unit = responsible_unit_for_point(case.lat, case.lng)
            desa_code = location.desa.code if location.desa else None
        if unit is None and desa_code:
            unit = responsible_unit_for_desa(desa_code)
        if unit is None:
            unit = Unit.objects.get(pk=case.fallback_unit_id)
        desa = Region.objects.filter(code=desa_code).first() if desa_code else None
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    report = InboundReport.objects.create(
                        tracking_code=new_tracking_code(),
                        idempotency_key=case.idempotency_key,
                        unit=unit,
                        desa=desa,
                        text=case.text,
                        category=case.category,
                        urgency=case.urgency,
                        lat=case.lat,
                        lng=case.lng,
                        anonymous=case.anonymous,
                        channel_kind=case.channel_kind,
                        contact_id=case.contact_id,
                        attachments=list(case.attachments),
                    )
                from polmas.core.audit import record_event

                record_event(actor=None, verb="channels.report.create", target=report)
                return CaseRef(report.tracking_code, unit.name)
            except IntegrityError:
                again = InboundReport.objects.filter(idempotency_key=case.idempotency_key).first()
                if again is not None:
                    return CaseRef(again.tracking_code, again.unit.name, created=False)
        raise RuntimeError("could not allocate a tracking code")

    def case_status(self, tracking_code: str) -> CaseStatus | None:
        from polmas.channels.models import InboundReport

        report = (
            InboundReport.objects.select_related("unit")
            .filter(tracking_code=normalise_code(tracking_code))
            .first()
        )
        if report is None:
            return None
        return CaseStatus(
            report.tracking_code, report.get_status_display(), report.unit.name, report.status_note
        )

    def add_reporter_info(self, tracking_code: str, text: str) -> bool:
        from polmas.channels.models import InboundReport

        report = InboundReport.objects.filter(tracking_code=normalise_code(tracking_code)).first()
        if report is None:
            return False
        report.extra_info = (report.extra_info + "\n" + text).strip()
        report.save(update_fields=["extra_info", "updated_at"])
        return True

    def pending_case_messages(self, limit: int) -> list[CaseMessage]:
        return []  # interim reports notify directly (services.reports.set_report_status)

    def mark_case_message(self, message_id: str, *, queued: bool, note: str) -> None:
        return None


# --- hoax check over polmas.hoaxes.matching -------------------------------------------------------


class MatchingHoaxBackend:
    """Fact-check lookup over a JSONL KB with the trained matcher (built once per process)."""

    def __init__(self, kb_path: str | Path | None = None) -> None:
        self.kb_path = Path(kb_path) if kb_path else None
        self._index: Any = None
        self._entries: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    from polmas.hoaxes.matching.index import HoaxIndex, KBEntry

                    rows: list[dict[str, Any]] = []
                    if self.kb_path and self.kb_path.exists():
                        for line in self.kb_path.read_text(encoding="utf-8").splitlines():
                            if line.strip():
                                row = json.loads(line)
                                row["id"] = str(row["id"])
                                rows.append(row)
                    self._entries = {r["id"]: r for r in rows}
                    self._index = HoaxIndex(
                        KBEntry(id=r["id"], title=str(r["title"]), url=str(r.get("url", "")))
                        for r in rows
                    )
        return self._index

    def check(
        self,
        *,
        text: str,
        contact_id: int | None,
        desa_code: str | None,
        channel_kind: str = "api",
        origin_ref: str = "",
    ) -> HoaxAnswer:
        from polmas.hoaxes.matching.policy import classify

        index = self._load()
        if len(index) == 0:
            return HoaxAnswer("none")
        matches = index.search(text, k=5)
        decision: Confidence = classify(matches)
        if decision == "none":
            return HoaxAnswer("none")
        best = self._entries[matches[0].id]
        return HoaxAnswer(
            decision,
            verdict=str(best.get("verdict", "")),
            title=str(best["title"]),
            url=str(best.get("url", "")),
            conclusion=str(best.get("explanation") or best.get("claim") or ""),
        )


# --- registry ----------------------------------------------------------------------------------

_cache: dict[str, Any] = {}


def _build(setting: str, default: Any) -> Any:
    target = getattr(settings, setting, None)
    if not target:
        return default()
    factory = import_string(target) if isinstance(target, str) else target
    return factory()


def case_backend() -> CaseBackend:
    key = f"case:{getattr(settings, 'POLMAS_CHANNELS_CASE_BACKEND', '')}"
    if key not in _cache:
        _cache[key] = _build("POLMAS_CHANNELS_CASE_BACKEND", InterimCaseBackend)
    backend: CaseBackend = _cache[key]
    return backend


def hoax_backend() -> HoaxBackend:
    kb = getattr(settings, "POLMAS_CHANNELS_HOAX_KB", "") or ""
    key = f"hoax:{getattr(settings, 'POLMAS_CHANNELS_HOAX_BACKEND', '')}:{kb}"
    if key not in _cache:
        _cache[key] = _build("POLMAS_CHANNELS_HOAX_BACKEND", lambda: MatchingHoaxBackend(kb))
    backend: HoaxBackend = _cache[key]
    return backend


def reset_backends() -> None:
    _cache.clear()
