"""Reads about reports. Every read starts from `Report.objects.restrict(user)`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from polmas.org.models import Unit, UnitLevel
from polmas.reports.models import Report

REPORT_UNIT_LEVELS = (UnitLevel.POLRES, UnitLevel.POLSEK)


def reports_for(
    user: Any, *, start: dt.date | None = None, end: dt.date | None = None
) -> QuerySet[Report]:
    qs = Report.objects.restrict(user).select_related("unit", "requested_by")
    if start is not None:
        qs = qs.filter(period_end__gte=start)
    if end is not None:
        qs = qs.filter(period_start__lte=end)
    return qs


def report_for(user: Any, report_id: int) -> Report | None:
    return reports_for(user).filter(pk=report_id).first()


def units_for_reports(user: Any) -> QuerySet[Unit]:
    """Units in scope a report can be made for (the Polres and its Polsek)."""
    return Unit.objects.restrict(user).filter(level__in=REPORT_UNIT_LEVELS).order_by("path")


def scheduled_units() -> QuerySet[Unit]:
    """Every unit the scheduled job builds reports for (no user: the scheduler)."""
    return Unit.objects.filter(level__in=REPORT_UNIT_LEVELS).order_by("path")
