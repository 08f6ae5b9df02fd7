"""Reads for the hoaxes app. Staff reads start from `Model.objects.restrict(user)`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from polmas.core.triage import PROVOCATION_Q
from polmas.hoaxes.models import Alert, FactCheck, HoaxReport, ReportStatus, RumourWave
from polmas.org.models import Membership, Unit
from polmas.org.scope import region_q

User = Any


def reports_in_scope(user: User) -> QuerySet[HoaxReport]:
    return (
        HoaxReport.objects.restrict(user)
        .filter(deleted_at__isnull=True)
        .select_related("desa", "desa__parent", "handling_unit", "suggested", "answer")
    )


def review_queue(
    user: User, *, status: str = ReportStatus.MENUNGGU_HUMAS, provocation: bool = False
) -> QuerySet[HoaxReport]:
    """Reports in scope by status; ``provocation``: only those the triage flagged as hate speech
    or abusive language (the rumours most likely to stir conflict)."""
    qs = reports_in_scope(user)
    if provocation:
        qs = qs.filter(PROVOCATION_Q)
    return qs.filter(status=status) if status else qs


def report_detail(user: User, pk: int) -> HoaxReport | None:
    return reports_in_scope(user).filter(pk=pk).first()


def can_see_reporter(user: User, report: HoaxReport) -> bool:
    """Anonymous reports: only members of the handling unit itself see who sent them."""
    if not report.anonymous:
        return True
    if report.handling_unit_id is None or not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.filter(
        person__user_id=user.pk, unit_id=report.handling_unit_id, is_active=True
    ).exists()


def public_report(reference: str) -> HoaxReport | None:
    return (
        HoaxReport.objects.filter(reference=reference.strip().upper(), deleted_at__isnull=True)
        .select_related("answer")
        .first()
    )


def public_clarifications(query: str = "") -> QuerySet[FactCheck]:
    """Humas-approved, published fact-checks for the public page, newest approval first."""
    qs = FactCheck.objects.filter(
        is_published=True, deleted_at__isnull=True, approved_at__isnull=False
    )
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(conclusion__icontains=query))
    return qs.order_by("-approved_at", "-id")


def public_clarification(pk: int) -> FactCheck | None:
    return public_clarifications().filter(pk=pk).first()


def factchecks_for_staff(query: str = "") -> QuerySet[FactCheck]:
    qs = FactCheck.objects.filter(deleted_at__isnull=True)
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(external_id=query))
    return qs.order_by("-published_on", "-id")


def waves_in_scope(user: User) -> QuerySet[RumourWave]:
    return RumourWave.objects.restrict(user).select_related("kecamatan", "factcheck")


def alerts_in_scope(user: User, *, open_only: bool = False) -> QuerySet[Alert]:
    qs = Alert.objects.restrict(user).select_related("wave", "wave__kecamatan", "unit")
    return qs.filter(acknowledged_at__isnull=True) if open_only else qs


def unit_area_reports(unit: Unit, start: dt.date, end: dt.date) -> QuerySet[HoaxReport]:
    """Reports from the unit's jurisdiction (or handled by it or a unit below it)."""
    codes = tuple(unit.jurisdiction.values_list("code", flat=True))
    area = region_q("desa", codes) | Q(handling_unit__path__startswith=unit.path)
    return HoaxReport.objects.filter(
        area, deleted_at__isnull=True, reported_on__gte=start, reported_on__lte=end
    )
