"""API payload shapes for patrols, sessions, catalog and coverage."""

import datetime as dt
import uuid
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import Field, field_validator

from polmas.patrols.validators import Id, Moment

Lat = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Lng = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=100_000)]


class ErrorOut(Schema):
    detail: str
    field: str | None = None


class PersonRef(Schema):
    id: int
    name: str
    nrp: str


class RegionRef(Schema):
    code: str
    name: str


TIME_RULE = "Dengan zona waktu; sejak 1 Januari 2000 hingga dua tahun ke depan"


class PatrolIn(Schema):
    idempotency_key: uuid.UUID | None = None
    unit: str | None = Field(None, description="Kode satuan; bawaan: satuan akun Anda")
    leader_id: Id | None = Field(None, description="Id personel ketua; bawaan: Anda sendiri")
    member_ids: list[Id] = []
    patrol_type: str = "dialog"
    planned_start: Moment | None = Field(None, description=TIME_RULE)
    planned_end: Moment | None = Field(None, description=TIME_RULE)
    area_note: str = Field("", max_length=200)
    campaign_id: Id | None = None
    note: str = Field("", max_length=2000)
    start_now: bool = False


class PatrolPatch(Schema):
    """Only the fields sent are changed. null clears planned_end and campaign_id; the other
    fields cannot be empty, so null there is refused (leave the field out instead)."""

    patrol_type: str | None = None
    planned_start: Moment | None = Field(None, description=TIME_RULE)
    planned_end: Moment | None = Field(None, description=TIME_RULE)
    area_note: str | None = Field(None, max_length=200)
    campaign_id: Id | None = None
    note: str | None = Field(None, max_length=2000)
    member_ids: list[Id] | None = None

    @field_validator("patrol_type", "planned_start", "area_note", "note", "member_ids")
    @classmethod
    def _not_null(cls, value: object) -> object:
        # Runs only for fields present in the body (defaults are not validated).
        if value is None:
            raise ValueError(_("Kolom ini tidak boleh null; hilangkan bila tidak diubah."))
        return value


class TransitionIn(Schema):
    at: Moment | None = Field(None, description=TIME_RULE)
    note: str = Field("", max_length=500)


class PatrolOut(Schema):
    id: int
    unit: str
    unit_name: str
    leader: PersonRef
    members: list[PersonRef]
    patrol_type: str
    status: str
    shift: str
    planned_start: dt.datetime
    planned_end: dt.datetime | None
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None
    area_note: str
    campaign_id: int | None
    session_count: int
    is_demo: bool


class QuoteIn(Schema):
    speaker: str = Field(..., min_length=1, max_length=120)
    text: str = Field(..., min_length=1, max_length=1000)


class InputIn(Schema):
    text: str = Field(..., min_length=1, max_length=2000)
    kind: str = "masukan"
    category_hint: str = Field("", max_length=60)


class SessionIn(Schema):
    idempotency_key: uuid.UUID = Field(..., description="UUID buatan perangkat; ulangan aman")
    occurred_at: Moment = Field(..., description=TIME_RULE)
    lat: Lat | None = None
    lng: Lng | None = None
    accuracy_m: Annotated[float, Field(ge=0, le=100_000)] | None = None
    place_name: str = Field("", max_length=160)
    audience_groups: dict[str, Count] = {}
    audience_total: Count | None = None
    message_ids: list[Id] = Field([], max_length=50)
    notes: str = Field("", max_length=4000)
    quotes: list[QuoteIn] = Field([], max_length=20)
    inputs: list[InputIn] = Field([], max_length=30)


class InputOut(Schema):
    id: int
    kind: str
    text: str
    category_hint: str
    linked: bool


class QuoteOut(Schema):
    speaker: str
    text: str


class SessionOut(Schema):
    id: int
    patrol_id: int
    occurred_at: dt.datetime
    lat: float | None
    lng: float | None
    accuracy_m: float | None
    desa: RegionRef | None
    kecamatan: RegionRef | None
    outside_area: bool
    place_name: str
    audience_total: int
    audience_groups: dict[str, int]
    message_ids: list[int]
    notes: str
    quotes: list[QuoteOut]
    inputs: list[InputOut]
    photo_count: int
    replayed: bool = False


class PhotoOut(Schema):
    id: int
    url: str
    width: int
    height: int
    size_bytes: int
    taken_at: dt.datetime | None
    lat: float | None
    lng: float | None


class MessageOut(Schema):
    id: int
    title: str
    text: str
    topic: str
    valid_from: dt.date
    valid_until: dt.date | None
    unit: str


class CampaignOut(Schema):
    id: int
    name: str
    description: str
    starts_on: dt.date
    ends_on: dt.date
    unit: str
    message_ids: list[int]
    areas: list[str]


class UnitRollupOut(Schema):
    code: str
    name: str
    desa_total: int
    desa_visited: int
    percent_visited: float
    not_visited: int
    sessions: int
    residents: int


class CampaignProgressOut(Schema):
    campaign_id: int
    messages: dict[int, str]
    desa_total: int
    desa_reached: int
    desa_complete: int
    desa: list[dict[str, object]]
