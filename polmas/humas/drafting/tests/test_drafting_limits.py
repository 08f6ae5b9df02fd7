"""Input the library cannot draft from is refused as bad input (exit 2, ActivityInputError),
never a traceback: dates that overflow WIB, oversized numbers, deep nesting, oversized texts."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from polmas.humas.drafting import ActivityInputError, find_invented, parse_activity
from polmas.humas.drafting.cli import main

MakeInput = Callable[..., dict[str, Any]]
MAX_TEXT = 5_000  # parsing.MAX_TEXT
EDGE_MOMENTS = ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:00-12:00")


def _run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err, stdin=io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def _problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ActivityInputError) as caught:
        parse_activity(data)
    return {problem.path: problem.message for problem in caught.value.problems}


@pytest.mark.parametrize("moment", EDGE_MOMENTS)
def test_start_that_cannot_be_converted_to_wib_is_a_field_error(
    make_input: MakeInput, moment: str
) -> None:
    # Before: OverflowError from astimezone (year 0 / year 10000 in WIB).
    problems = _problems(make_input(activity__start=moment))
    assert list(problems) == ["activity.start"]
    assert "harus antara 1900 dan 2100" in problems["activity.start"]


@pytest.mark.parametrize("moment", [*EDGE_MOMENTS, "0001-01-01", "2101-01-01"])
def test_election_date_outside_the_range_is_a_field_error(
    make_input: MakeInput, moment: str
) -> None:
    problems = _problems(make_input(election__date=moment))
    assert list(problems) == ["election.date"]


def test_years_at_the_edges_of_the_range_still_draft(make_input: MakeInput) -> None:
    for start in ("1900-01-01T00:00:00+14:00", "2100-12-31T23:59:00-12:00", "2100-12-31"):
        parse_activity(make_input(activity__start=start, election=None))


def test_date_only_start_outside_the_range_is_a_field_error(make_input: MakeInput) -> None:
    assert list(_problems(make_input(activity__start="0001-01-01"))) == ["activity.start"]


def test_oversized_texts_are_field_errors(make_input: MakeInput) -> None:
    data = make_input(activity__type="a" * (MAX_TEXT + 1))
    data["messages"] = ["pesan kamtibmas", "b" * 30_000]
    problems = _problems(data)
    assert set(problems) == {"activity.type", "messages[1]"}
    assert problems["messages[1]"] == f"terlalu panjang (30000 karakter, maksimal {MAX_TEXT})"


def test_factcheck_ignores_dates_that_have_no_wib_date() -> None:
    source = {"activity": {"start": EDGE_MOMENTS[0]}, "unit": {"name": "Polsek Lohbener"}}
    assert find_invented("Polsek Lohbener hadir.", source) == []


@pytest.mark.parametrize(
    "raw",
    [
        '{"unit": {"name": "Polsek Lohbener"}, "x": ' + "9" * 5000 + "}",
        "[" * 40_000 + "]" * 40_000,
        '{"unit": {"name": "Polsek Lohbener"}, "x": NaN}',
        '{"unit": {"name": "Polsek Lohbener"}, "x": 1e999}',
    ],
    ids=["5000-digit integer", "deep nesting", "NaN", "float overflow"],
)
def test_cli_refuses_unreadable_json_with_galat_and_exit_2(raw: str, tmp_path: Path) -> None:
    path = tmp_path / "activity.json"
    path.write_text(raw, "utf-8")
    for source, stdin in ((str(path), ""), ("-", raw)):
        code, out, err = _run(["draft", "--input", source], stdin=stdin)
        assert code == 2 and out == ""
        assert err.startswith("Galat: JSON di ") and "tidak dapat diterima" in err
        assert "Penggunaan" not in err


@pytest.mark.parametrize("moment", EDGE_MOMENTS)
def test_cli_refuses_a_start_outside_the_range_with_exit_2(
    seed_input: dict[str, Any], moment: str
) -> None:
    seed_input["activity"]["start"] = moment
    code, out, err = _run(["draft", "--input", "-"], stdin=json.dumps(seed_input))
    assert code == 2 and out == ""
    assert err.startswith("Galat: Data kegiatan tidak lengkap atau tidak valid")
    assert "- activity.start: tahun pada" in err
