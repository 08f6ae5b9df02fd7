"""`polmas retriage`: rows without a triage get one, in batches; staff choices stay."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from polmas.aspirations import services as cases
from polmas.aspirations.models import Case
from polmas.core.triage import retriage
from polmas.hoaxes import services as hoaxes
from polmas.hoaxes.models import HoaxReport
from polmas.org.testing import World

pytestmark = pytest.mark.django_db

HATEFUL = "Orang cina kafir itu harus diusir dari Indramayu, bunuh saja mereka"


def test_missing_triage_is_filled_and_staff_choices_stay(world: World) -> None:
    made = [
        cases.create_case(
            actor=None,
            description=f"{HATEFUL} ({i})",
            desa_code=world.desa_in.code,
            category_code="lalu_lintas",
            urgency="rendah",
        )
        for i in range(5)
    ]
    report = hoaxes.report_hoax(actor=None, text=HATEFUL, channel="web", desa=world.desa_in)
    Case.objects.update(triage=None)  # as stored before the triage was installed
    HoaxReport.objects.update(triage=None)
    assert retriage(Case.objects.filter(pk__in=[c.pk for c in made[:2]]), "description") == 2
    out = StringIO()
    call_command("retriage", stdout=out)
    assert "3 kasus dan 1 laporan hoaks" in out.getvalue()
    for case in Case.objects.all():
        assert case.triage is not None and case.triage["hate_speech"] is True
        assert (case.category.code, case.urgency) == ("lalu_lintas", "rendah")  # staff's
    report.refresh_from_db()
    assert report.triage is not None and report.triage["hate_speech"] is True
    again = StringIO()
    call_command("retriage", stdout=again)
    assert "0 kasus dan 0 laporan hoaks" in again.getvalue()
    every = StringIO()
    call_command("retriage", "--all", stdout=every)
    assert "5 kasus dan 1 laporan hoaks" in every.getvalue()


def test_batches_walk_every_row_once(world: World) -> None:
    for i in range(7):
        hoaxes.report_hoax(actor=None, text=f"kabar ke-{i}", channel="web")
    HoaxReport.objects.update(triage=None)
    assert retriage(HoaxReport.objects.all(), "text", batch=3) == 7
    assert not HoaxReport.objects.filter(triage__isnull=True).exists()
