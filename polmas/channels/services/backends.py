"""The ONE adapter between channels and the case / hoax apps.

Channels never import `polmas.aspirations` or `polmas.hoaxes` services directly: it calls a
`CaseBackend` and a `HoaxBackend` obtained from `case_backend()` / `hoax_backend()`, chosen by
the settings `POLMAS_CHANNELS_CASE_BACKEND` / `POLMAS_CHANNELS_HOAX_BACKEND` (dotted paths to
zero-argument factories or classes). The shipped settings point both at `services/wired.py`
(cases in `polmas.aspirations`, rumours in `polmas.hoaxes`); an empty case setting means the
same aspirations backend. An empty hoax setting means `MatchingHoaxBackend`: the matcher of
`polmas.hoaxes.matching` over a JSONL KB named by `POLMAS_CHANNELS_HOAX_KB` (lines
`{"id","title","claim"?,"explanation"?,"url"?,"verdict"?}`; without it every check answers
"none"). Case notifications flow the other way through
`polmas.channels.services.outbound.notify_reporter(tracking_code=..., text=..., dedupe_key=...)`
and the `deliver_case_messages` job, which pulls `pending_case_messages()`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from django.conf import settings
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
    triage: dict[str, Any] | None = None  # `polmas.triage` of exactly `text`, when at hand


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


def _aspirations_backend() -> Any:
    return import_string("polmas.channels.services.wired.AspirationsCaseBackend")()


def _build(setting: str, default: Any) -> Any:
    target = getattr(settings, setting, None)
    if not target:
        return default()
    factory = import_string(target) if isinstance(target, str) else target
    return factory()


def case_backend() -> CaseBackend:
    key = f"case:{getattr(settings, 'POLMAS_CHANNELS_CASE_BACKEND', '')}"
    if key not in _cache:
        _cache[key] = _build("POLMAS_CHANNELS_CASE_BACKEND", _aspirations_backend)
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
