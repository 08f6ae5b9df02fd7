"""API payload shapes for hoax reports, checks and waves."""

import datetime as dt

from ninja import Schema

from polmas.core.schemas import TriageOut


class CheckIn(Schema):
    text: str


class FactCheckOut(Schema):
    id: int
    title: str
    verdict: str
    url: str
    conclusion: str
    score: float


class CheckOut(Schema):
    confidence: str
    matches: list[FactCheckOut]


class ReportOut(Schema):
    id: int
    reference: str
    text: str
    channel: str
    status: str
    confidence: str
    desa: str | None
    handling_unit: str | None
    suggested: int | None
    answer: int | None
    reported_on: dt.date
    anonymous: bool
    reporter_name: str | None
    triage: TriageOut | None = None


class WaveOut(Schema):
    id: int
    day: dt.date
    kecamatan: str
    kecamatan_name: str
    cluster_key: str
    factcheck: int | None
    title: str
    count: int
    baseline_mean: float
    baseline_sd: float
    threshold: float
    desa_counts: dict[str, int]


class ErrorOut(Schema):
    detail: str
