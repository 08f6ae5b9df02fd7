"""The report's numbers equal direct counts over the records made by the other apps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Sum

from polmas.aspirations.models import CLOSED_STATUSES, Case
from polmas.hoaxes.models import HoaxReport, ReportStatus
from polmas.org.models import Region
from polmas.patrols.models import DialogueSession, Patrol, SessionMessage
from polmas.reports.figures import SYSTEM, report_figures
from polmas.reports.periods import period_for, report_title
from polmas.reports.tests.conftest import Activity

pytestmark = pytest.mark.django_db


def _direct(unit_area_prefix: str, unit_path: str, day: dt.date) -> dict[str, int]:
    sessions = DialogueSession.objects.filter(
        deleted_at__isnull=True, day=day, desa__code__startswith=unit_area_prefix
    )
    cases = Case.objects.filter(desa__code__startswith=unit_area_prefix)
    hoaxes = HoaxReport.objects.filter(desa__code__startswith=unit_area_prefix, reported_on=day)
    return {
        "patrols": Patrol.objects.filter(unit__path__startswith=unit_path).count(),
        "sessions": sessions.count(),
        "residents": int(sessions.aggregate(n=Sum("audience_total"))["n"] or 0),
        "desa": sessions.values("desa").distinct().count(),
        "desa_total": Region.objects.filter(
            level="desa", code__startswith=unit_area_prefix
        ).count(),
        "messages": SessionMessage.objects.filter(session__in=sessions).count(),
        "opened": cases.count(),
        "closed": cases.filter(status__in=CLOSED_STATUSES).count(),
        "hoaxes": hoaxes.count(),
        "answered": hoaxes.filter(status=ReportStatus.DIJAWAB).count(),
    }


def _check(activity: Activity, user: object, unit_attr: str, prefix: str) -> None:
    w = activity.world
    unit = getattr(w, unit_attr)
    day, _ = _today(activity)
    f = report_figures(user, unit, day, day)
    d = _direct(prefix, unit.path, day)
    assert f.patrols_total == d["patrols"]
    assert f.sessions == d["sessions"]
    assert f.residents == d["residents"]
    assert f.desa_covered == d["desa"]
    assert f.desa_total == d["desa_total"]
    assert f.messages_total == d["messages"]
    assert f.cases_opened == d["opened"]
    assert f.cases_closed == d["closed"]
    assert f.hoaxes_received == d["hoaxes"]
    assert f.hoaxes_answered == d["answered"]


def test_polsek_figures_equal_direct_counts(activity: Activity) -> None:
    w = activity.world
    prefix = f"{w.desa_in.parent_id}."
    _check(activity, SYSTEM, "unit_in", prefix)
    f = report_figures(SYSTEM, w.unit_in, *_today(activity))
    # The literal numbers of the fixture, so a broken direct count cannot hide a broken figure.
    assert (f.patrols_total, f.sessions, f.residents, f.desa_covered) == (1, 2, 11, 2)
    assert (f.cases_opened, f.cases_closed, f.cases_overdue) == (3, 1, 1)
    assert (f.hoaxes_received, f.hoaxes_answered) == (2, 1)
    assert f.messages_total == 3
    by_cat = {c.code: (c.opened, c.closed, c.overdue) for c in f.cases_by_category}
    assert by_cat == {
        "lalu_lintas": (1, 0, 0),
        "kriminalitas": (1, 1, 0),
        "ketertiban_umum": (1, 0, 1),
    }
    per_desa = {d.code: d.sessions for d in f.desa if d.sessions}
    assert per_desa == {w.desa_in.code: 1, activity.desa_in2.code: 1}


def _today(activity: Activity) -> tuple[dt.date, dt.date]:
    day = DialogueSession.objects.order_by("day").first().day  # type: ignore[union-attr]
    return day, day


def test_polres_figures_cover_every_polsek(activity: Activity) -> None:
    w = activity.world
    _check(activity, SYSTEM, "polres", "32.12.")
    f = report_figures(w.user_polres, w.polres, *_today(activity))
    assert (f.sessions, f.residents, f.cases_opened, f.hoaxes_received) == (3, 31, 4, 3)


def test_figures_are_restricted_by_the_user_scope(activity: Activity) -> None:
    """A Kapolsek of another sector asking for Lohbener's figures sees none of them."""
    w = activity.world
    f = report_figures(w.user_out, w.unit_in, *_today(activity))
    assert (f.patrols_total, f.sessions, f.cases_opened, f.hoaxes_received) == (0, 0, 0, 0)
    assert f.desa_total == 0


def test_other_days_are_empty(activity: Activity) -> None:
    day = _today(activity)[0] - dt.timedelta(days=3)
    f = report_figures(SYSTEM, activity.world.unit_in, day, day)
    assert (f.sessions, f.cases_opened, f.hoaxes_received, f.patrols_total) == (0, 0, 0, 0)


def test_periods_and_titles() -> None:
    assert period_for("harian", dt.date(2024, 1, 23)).start == dt.date(2024, 1, 23)
    week = period_for("mingguan", dt.date(2024, 1, 24))
    assert (week.start, week.end) == (dt.date(2024, 1, 22), dt.date(2024, 1, 28))
    assert (
        report_title("harian", "Polsek Lohbener", dt.date(2024, 1, 23), dt.date(2024, 1, 23))
        == "Laporan Harian Polsek Lohbener, Selasa, 23 Januari 2024"
    )
    with pytest.raises(ValueError):
        period_for("bulanan", dt.date(2024, 1, 23))
