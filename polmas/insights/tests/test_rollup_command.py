"""`polmas insights_rollup`: a backfill ends yesterday (a WIB day), and bad dates are refused."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from polmas.core.formatting import WIB
from polmas.org.testing import World

pytestmark = pytest.mark.django_db


def test_backfill_ends_yesterday_in_wib(world: World) -> None:
    # 03:00 WIB on 6 December (still 5 December in UTC): yesterday is 5 December.
    with time_machine.travel(dt.datetime(2026, 12, 6, 3, tzinfo=WIB)):
        out = StringIO()
        call_command("insights_rollup", "--since", "2026-12-01", stdout=out)
    assert out.getvalue().startswith("hari: 5,"), out.getvalue()  # 1 to 5 December


@pytest.mark.parametrize("option", ["--date", "--since"])
def test_a_bad_date_is_refused_with_its_reason(world: World, option: str) -> None:
    with pytest.raises(CommandError, match="Tanggal tidak valid"):
        call_command("insights_rollup", option, "2026-13-01", stdout=StringIO())
