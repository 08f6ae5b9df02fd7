"""The shared YYYY-MM-DD option type of the management commands."""

from __future__ import annotations

import argparse
import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from polmas.core.cli import iso_date


def test_iso_date_reads_a_day_and_refuses_anything_else() -> None:
    assert iso_date(" 2026-12-05 ") == dt.date(2026, 12, 5)
    for raw in ("2026-13-01", "", "kemarin", "05/12/2026"):
        with pytest.raises(argparse.ArgumentTypeError, match="Tanggal tidak valid"):
            iso_date(raw)


@pytest.mark.parametrize(
    "command",
    [
        ["insights_rollup", "--since"],
        ["detect_rumour_waves", "--date"],
        ["build_reports", "--kind", "harian", "--date"],
    ],
)
def test_commands_refuse_a_bad_date_before_doing_anything(command: list[str]) -> None:
    # No database access is allowed here: the value is refused while the arguments are parsed.
    with pytest.raises(CommandError, match="Tanggal tidak valid: '2026-02-30'"):
        call_command(*command, "2026-02-30", stdout=StringIO())
