"""Validation of the input: required fields, bad values, warnings, time handling."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from polmas.humas.drafting import ActivityInputError, Role, draft_release, parse_activity
from polmas.humas.drafting.calendar_id import WIB, day_phrase, time_of_day
from polmas.humas.drafting.textutil import as_phrase, join_list

MakeInput = Callable[..., dict[str, Any]]
PLACES = [
    "pasar",
    "balai desa",
    "pos ronda",
    "alun-alun",
    "masjid",
    "sekolah",
    "terminal",
    "lapangan",
    "stasiun",
]
MINIMAL = {
    "unit": {"name": "Polsek Lohbener"},
    "activity": {"type": "sambang", "start": "2024-03-08T09:15:00+07:00"},
}


def _paths(error: ActivityInputError) -> list[str]:
    return [problem.path for problem in error.problems]


def test_empty_document_names_every_required_field() -> None:
    with pytest.raises(ActivityInputError) as caught:
        parse_activity({})
    assert _paths(caught.value) == ["unit.name", "activity.type", "activity.start"]
    assert "wajib diisi" in str(caught.value)
    assert str(caught.value).startswith("Data kegiatan tidak lengkap atau tidak valid")


def test_every_invalid_field_is_listed_by_json_path(make_input: MakeInput) -> None:
    data = make_input(
        unit={"name": "  ", "parent": {"name": 5}},
        activity__start="besok malam",
        audience__count=-3,
        messages=["ok", ""],
        election={"name": "Pemilu 2024", "date": "14-02-2024"},
    )
    data["officials"][1] = {"role": "kapolsek", "rank": "AKP"}
    data["quotes"][0]["text"] = 42
    with pytest.raises(ActivityInputError) as caught:
        parse_activity(data)
    assert set(_paths(caught.value)) == {
        "unit.name",
        "unit.parent.name",
        "officials[1].name",
        "activity.start",
        "audience.count",
        "messages[1]",
        "quotes[0].text",
        "election.date",
    }


def test_non_object_document_is_rejected() -> None:
    with pytest.raises(ActivityInputError) as caught:
        parse_activity(["not", "an", "object"])
    assert _paths(caught.value) == ["$"]


def test_minimal_input_drafts_without_optional_parts() -> None:
    release = draft_release(MINIMAL)
    assert "Jumat pagi (8/3/2024)" in release.body
    assert release.body.startswith("Lohbener, - ")
    assert "Desa" not in release.body and "Kapolsek" not in release.body
    assert "()" not in release.body and '"' not in release.body
    assert release.body.endswith("Pungkasnya.")
    assert release.warnings == ()


def test_date_without_offset_is_taken_as_wib_with_a_warning() -> None:
    data = {**MINIMAL, "activity": {"type": "sambang", "start": "2024-01-23T20:00:00"}}
    parsed, warnings = parse_activity(data)
    assert parsed.start == dt.datetime(2024, 1, 23, 20, 0, tzinfo=WIB)
    assert len(warnings) == 1 and "dianggap WIB" in warnings[0]
    assert warnings[0].startswith("activity.start:")


def test_other_offsets_are_converted_to_wib() -> None:
    data = {**MINIMAL, "activity": {"type": "sambang", "start": "2024-01-23T19:30:00Z"}}
    release = draft_release(data)
    assert "Rabu malam (24/1/2024)" in release.body
    assert release.warnings == ()


def test_date_only_gives_no_time_of_day() -> None:
    data = {**MINIMAL, "activity": {"type": "sambang", "start": "2024-01-23"}}
    release = draft_release(data)
    assert "Selasa (23/1/2024)" in release.body
    assert any("tanpa jam" in warning for warning in release.warnings)


def test_small_hours_are_malam_with_the_clock_time() -> None:
    data = {**MINIMAL, "activity": {"type": "sambang", "start": "2024-01-24T01:30:00+07:00"}}
    body = draft_release(data).body
    assert "Rabu malam (24/1/2024) pukul 01.30 WIB" in body


@pytest.mark.parametrize(
    ("clock", "word"),
    [
        ("00:00", "malam"),
        ("03:59", "malam"),
        ("04:00", "pagi"),
        ("10:59", "pagi"),
        ("11:00", "siang"),
        ("14:59", "siang"),
        ("15:00", "sore"),
        ("17:59", "sore"),
        ("18:00", "malam"),
        ("23:59", "malam"),
    ],
)
def test_time_of_day_boundaries(clock: str, word: str) -> None:
    assert time_of_day(dt.time.fromisoformat(clock)) == word


def test_day_names_and_short_dates() -> None:
    expected = {
        "2024-01-22": "Senin",
        "2024-02-14": "Rabu",
        "2024-03-08": "Jumat",
        "2024-11-27": "Rabu",
        "2024-12-01": "Minggu",
    }
    for iso, name in expected.items():
        moment = dt.datetime.fromisoformat(iso + "T16:00:00+07:00")
        day = dt.date.fromisoformat(iso)
        assert day_phrase(moment, has_time=True) == f"{name} sore ({day.day}/{day.month}/2024)"


def test_unknown_official_role_is_a_warning_and_left_out(make_input: MakeInput) -> None:
    data = make_input()
    data["officials"].append({"role": "wakapolres", "rank": "KOMPOL", "name": "Budi Santoso"})
    release = draft_release(data)
    assert "Budi Santoso" not in release.body
    assert any("wakapolres" in warning for warning in release.warnings)


@pytest.mark.parametrize("role", [None, "", "bhabinkamtibmas", "kapolda"])
def test_quote_without_known_speaker_is_left_out(make_input: MakeInput, role: str | None) -> None:
    data = make_input()
    quote: dict[str, Any] = {"text": "Kalimat yang tidak boleh muncul tanpa pembicara"}
    if role is not None:
        quote["role"] = role
    data["quotes"].append(quote)
    release = draft_release(data)
    assert "tidak boleh muncul" not in release.body
    assert len(release.warnings) == 1 and release.warnings[0].startswith("quotes[2].role:")


def test_roles_are_parsed_and_duplicates_warned(make_input: MakeInput) -> None:
    data = make_input()
    data["officials"].append({"role": "KAPOLSEK", "rank": "IPTU", "name": "Orang Lain"})
    parsed, warnings = parse_activity(data)
    assert [person.role for person in parsed.officials] == [
        Role.KAPOLRES,
        Role.KAPOLSEK,
        Role.KASI_HUMAS,
    ]
    assert parsed.official(Role.KAPOLSEK) is not None
    assert any("sudah ada" in warning for warning in warnings)


def test_polres_level_activity(make_input: MakeInput) -> None:
    data = make_input(unit={"name": "Polres Indramayu", "parent": {"name": "Polda Jabar"}})
    data["officials"] = [data["officials"][0], data["officials"][2]]
    data["quotes"] = [{"role": "kapolres", "text": "Kami siap mengamankan seluruh tahapan."}]
    release = draft_release(data)
    assert "personil dari polres indramayu jajaran polda jabar" in release.body.lower()
    assert "Kapolres Indramayu, AKBP M. Fahri Siregar" in release.body
    assert "melalui" not in release.body
    assert "Kami siap mengamankan seluruh tahapan" in release.body


@pytest.mark.parametrize(
    ("election_date", "expected"),
    [
        ("2024-02-14", "22 hari menjelang"),
        ("2024-01-23", "hari pelaksanaan Pemilihan Umum 2024"),
        ("2024-01-10", "usai pelaksanaan Pemilihan Umum 2024"),
    ],
)
def test_election_phase(make_input: MakeInput, election_date: str, expected: str) -> None:
    # Try several places so that the phrasing that states the phase explicitly is drawn.
    bodies = [
        draft_release(make_input(activity__place=place, election__date=election_date)).body
        for place in PLACES
    ]
    assert any(expected in body for body in bodies)
    if election_date != "2024-02-14":
        assert not any("menjelang Pemilihan Umum" in body for body in bodies)


def test_join_list_is_indonesian() -> None:
    assert join_list([]) == ""
    assert join_list(["a"]) == "a"
    assert join_list(["a", "b"]) == "a dan b"
    assert join_list(["a", "b", "c"]) == "a, b, dan c"
    assert join_list(["a", "b"], "atau") == "a atau b"


def test_phrases_from_input_fit_mid_sentence() -> None:
    assert as_phrase("Bahaya hoaks.") == "bahaya hoaks"
    assert as_phrase("Pemilu damai") == "Pemilu damai"
    assert as_phrase("SARA dan ujaran kebencian") == "SARA dan ujaran kebencian"
