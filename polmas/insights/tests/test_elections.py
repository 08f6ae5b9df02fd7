from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from polmas.insights.elections import QUIET_DAYS, h_label, phase
from polmas.insights.models import Election
from polmas.insights.reference import ensure_default_elections
from polmas.org.models import Region

VOTING = dt.date(2024, 2, 14)


@pytest.mark.parametrize(
    ("today", "label", "code"),
    [
        (dt.date(2024, 1, 23), "H-22", "kampanye"),
        (VOTING - dt.timedelta(days=QUIET_DAYS + 1), "H-4", "kampanye"),
        (VOTING - dt.timedelta(days=QUIET_DAYS), "H-3", "masa_tenang"),
        (VOTING - dt.timedelta(days=1), "H-1", "masa_tenang"),
        (VOTING, "Hari H", "pemungutan"),
        (VOTING + dt.timedelta(days=3), "H+3", "rekapitulasi"),
        (VOTING + dt.timedelta(days=30), "H+30", "selesai"),
    ],
)
def test_countdown_and_phase(today: dt.date, label: str, code: str) -> None:
    assert h_label(VOTING, today) == label
    assert phase(VOTING, today).code == code


def test_quiet_period_reminds_of_the_campaign_ban() -> None:
    reminders = phase(VOTING, VOTING - dt.timedelta(days=2)).reminders
    assert any("tidak boleh ada kegiatan kampanye" in r for r in reminders)


@pytest.mark.django_db
def test_default_elections_load_once(reference_data: None) -> None:
    assert ensure_default_elections() == 2
    assert ensure_default_elections() == 0
    assert set(Election.objects.values_list("voting_date", flat=True)) == {
        dt.date(2024, 2, 14),
        dt.date(2024, 11, 27),
    }


@pytest.mark.django_db
def test_load_elections_without_regions_says_to_load_them_first() -> None:
    Region.objects.all().delete()
    with pytest.raises(CommandError, match="polmas load-regions"):
        call_command("load_elections", stdout=StringIO())
    assert not Election.objects.exists()


@pytest.mark.django_db
def test_load_elections_command_reports_new_elections(reference_data: None) -> None:
    out = StringIO()
    call_command("load_elections", stdout=out)
    assert "2 baru" in out.getvalue() and Election.objects.count() == 2
