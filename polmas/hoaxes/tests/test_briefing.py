from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from polmas.hoaxes import services
from polmas.hoaxes.briefing import counter_messages
from polmas.hoaxes.tests.conftest import CONFIDENT_TEXT, UNCERTAIN_TEXT
from polmas.org.testing import World

pytestmark = pytest.mark.django_db


def test_counter_messages_list_clarified_rumours_of_the_area(
    world: World, kb: dict[str, Any]
) -> None:
    today = timezone.localdate()
    for _ in range(2):
        services.report_hoax(actor=None, text=CONFIDENT_TEXT, channel="web", desa=world.desa_in)
    pending = services.report_hoax(
        actor=None, text=UNCERTAIN_TEXT, channel="web", desa=world.desa_in
    )
    services.report_hoax(actor=None, text=CONFIDENT_TEXT, channel="web", desa=world.desa_out)
    items = counter_messages(world.unit_in, today, world.user_in)
    assert [i.factcheck_id for i in items] == [kb["35004"].pk]
    item = items[0]
    assert item.report_count == 2 and item.desa == [world.desa_in.name]
    assert item.text == (
        "Hoaks: Surat suara sudah dicoblos ditemukan di gudang kpu indramayu. "
        "Faktanya: Foto itu dokumentasi simulasi pemungutan suara, bukan surat suara asli."
    )
    # once Humas answers the pending one it appears too
    services.answer_report(actor=world.user_in, report=pending, factcheck=kb["35002"])
    items = counter_messages(world.unit_in, today, world.user_in)
    assert {i.factcheck_id for i in items} == {kb["35004"].pk, kb["35002"].pk}
    fact = next(i for i in items if i.factcheck_id == kb["35002"].pk).fact
    assert fact == "Air PDAM Indramayu aman diminum menurut hasil uji laboratorium."
    # a user without scope over the area gets nothing
    assert counter_messages(world.unit_in, today, world.user_out) == []
    # the Polres sees its whole area
    polres = counter_messages(world.polres, today, world.user_polres)
    assert next(i for i in polres if i.factcheck_id == kb["35004"].pk).report_count == 3


def test_counter_messages_for_the_first_days_of_year_1_are_empty(world: World) -> None:
    """The patrol briefing passes any parsed date: no 7-day window before year 1."""
    assert counter_messages(world.unit_in, dt.date(1, 1, 3), None) == []
