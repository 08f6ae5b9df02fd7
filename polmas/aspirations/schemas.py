"""API payload shapes for cases (no `from __future__ import annotations`: ninja needs them)."""

import datetime as dt
import uuid
from typing import Literal

from ninja import Schema
from pydantic import Field

from polmas.aspirations.services.reclassify import MAX_NOTE
from polmas.core.schemas import TriageOut


class Ref(Schema):
    code: str
    name: str


class ReporterOut(Schema):
    name: str
    phone: str
    email: str
    hidden: bool


class CaseRow(Schema):
    id: int
    tracking_code: str
    title: str
    status: str
    urgency: str
    category: Ref
    desa: Ref | None
    unit: Ref
    created_at: dt.datetime
    due_at: dt.datetime | None
    is_overdue: bool
    reporter: ReporterOut


class MessageOut(Schema):
    id: int
    kind: str
    text: str
    channel: str
    delivery_status: str
    created_at: dt.datetime


class TransitionOut(Schema):
    name: str
    label: str
    requires: list[str]


class CaseDetail(CaseRow):
    kind: str
    description: str
    origin: str
    privacy: str
    location_text: str
    lat: float | None
    lng: float | None
    escalation_level: int
    assignee: str | None
    merged_into: str | None
    sla_stage: str
    triage: TriageOut | None = None
    messages: list[MessageOut]
    transitions: list[TransitionOut]


class CasePage(Schema):
    items: list[CaseRow]
    count: int | None  # null when the filter is not counted (category, urgency, overdue, ...)
    next_cursor: str | None


class CaseIn(Schema):
    """A case taken by staff over the phone or at the desk."""

    description: str = Field(min_length=1, max_length=4000)
    origin: Literal["telepon", "datang"] = "telepon"
    idempotency_key: uuid.UUID
    kind: str = "masukan"
    category: str | None = None
    urgency: str | None = None
    title: str = Field("", max_length=160)
    desa: str | None = None
    lat: float | None = Field(None, ge=-90, le=90)
    lng: float | None = Field(None, ge=-180, le=180)
    location_text: str = Field("", max_length=255)
    privacy: str = "biasa"
    reporter_name: str = Field("", max_length=120)
    reporter_phone: str = Field("", max_length=32)
    reporter_email: str = Field("", max_length=254)
    reply_channel: Literal["web", "whatsapp", "telegram", "sms", "none"] = "web"
    reply_address: str = Field("", max_length=120)


class TransitionIn(Schema):
    action: str
    note: str = ""
    assignee: int | None = None
    target_code: str = ""
    agency: str = ""
    sent_text: str = ""


class ReclassifyIn(Schema):
    """Staff correct the category / urgency (kept as a triage label)."""

    category: str = Field(min_length=1, max_length=40)
    urgency: str = Field(min_length=1, max_length=8)
    note: str = Field(default="", max_length=MAX_NOTE)


class ReplyIn(Schema):
    text: str = Field(min_length=1, max_length=4000)
    public: bool = True


class ErrorOut(Schema):
    detail: str
