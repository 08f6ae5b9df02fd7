"""Small, direct factories for insights tests (cases and hoax reports straight into the ORM)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from polmas.aspirations.categories import load_categories
from polmas.aspirations.models import Case, Category, Origin, Status, Urgency
from polmas.hoaxes.models import Channel, HoaxReport
from polmas.org.models import Region, Unit

_seq = itertools.count(1)


def make_case(
    desa: Region | None,
    unit: Unit,
    *,
    category: str = "ketertiban_umum",
    urgency: str = Urgency.NORMAL,
    status: str = Status.BARU,
    created_at: dt.datetime | None = None,
    due_at: dt.datetime | None = None,
    closed_at: dt.datetime | None = None,
    breached_at: dt.datetime | None = None,
    triage: dict[str, Any] | None = None,
    deleted: bool = False,
) -> Case:
    if not Category.objects.filter(code=category).exists():
        load_categories()
    n = next(_seq)
    return Case.objects.create(
        tracking_code=f"UJI{n:08d}",
        category=Category.objects.get(code=category),
        urgency=urgency,
        status=status,
        description=f"Kasus uji {n}",
        desa=desa,
        origin=Origin.WEB,
        unit=unit,
        created_at=created_at or timezone.now(),
        due_at=due_at,
        closed_at=closed_at,
        breached_at=breached_at,
        triage=triage,
        deleted_at=timezone.now() if deleted else None,
    )


def make_report(
    desa: Region | None,
    *,
    day: dt.date | None = None,
    deleted: bool = False,
    triage: dict[str, Any] | None = None,
) -> HoaxReport:
    n = next(_seq)
    return HoaxReport.objects.create(
        reference=f"H{n:09d}",
        text=f"Pesan berantai uji {n}",
        channel=Channel.WEB,
        desa=desa,
        reported_on=day or timezone.localdate(),
        deleted_at=timezone.now() if deleted else None,
        triage=triage,
    )
