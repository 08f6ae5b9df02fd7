"""The no-invention checker itself: it must pass honest text and catch invented facts."""

from __future__ import annotations

from typing import Any

from polmas.humas.drafting import draft_release, find_invented, find_invented_quotes
from polmas.humas.drafting.calendar_id import DAY_NAMES, MONTH_NAMES
from polmas.humas.drafting.factcheck import FIXED_WORDS, find_invented_tokens, source_vocabulary


def test_checker_passes_the_generated_seed_release(seed_input: dict[str, Any]) -> None:
    release = draft_release(seed_input)
    assert find_invented(f"{release.title}\n{release.body}", seed_input) == []


def test_checker_catches_invented_names_and_units(seed_input: dict[str, Any]) -> None:
    text = "Kapolres Cirebon, AKBP Budi Santoso hadir di Desa Lemahmekar."
    assert find_invented_tokens(text, seed_input) == ["Cirebon", "Budi", "Santoso"]


def test_checker_catches_a_wrong_weekday_and_month(seed_input: dict[str, Any]) -> None:
    assert find_invented_tokens("Selasa malam (23/1/2024)", seed_input) == []
    assert find_invented_tokens("Kamis malam (23/1/2024)", seed_input) == ["Kamis"]
    # Rabu is backed by the input (14/2/2024 is a Rabu) but not for this date:
    assert find_invented("Rabu malam (23/1/2024)", seed_input) == ["Rabu malam (23/1/2024)"]
    assert find_invented_tokens("pada 14 Maret 2024", seed_input) == ["Maret"]


def test_checker_catches_invented_numbers(seed_input: dict[str, Any]) -> None:
    assert find_invented_tokens("diikuti 25 orang", seed_input) == []
    assert find_invented_tokens("diikuti 40 orang", seed_input) == ["40"]
    assert find_invented_tokens("22 hari menjelang", seed_input) == []  # 23/1 -> 14/2
    assert find_invented_tokens("pukul 20.00 WIB", seed_input) == []
    assert find_invented_tokens("pukul 21.00 WIB", seed_input) == ["21"]


def test_checker_knows_pemilu_only_when_the_input_has_an_election(
    seed_input: dict[str, Any],
) -> None:
    assert find_invented_tokens("Jelang Pemilu 2024", seed_input) == []
    without = {key: value for key, value in seed_input.items() if key != "election"}
    without["messages"] = ["bahaya hoaks"]
    without["quotes"] = []
    assert find_invented_tokens("Jelang Pemilu 2024", without) == ["Pemilu"]


def test_checker_catches_invented_or_altered_quotes(seed_input: dict[str, Any]) -> None:
    recorded = seed_input["quotes"][0]["text"]
    honest = f'"{recorded[:-1]}," ujar AKP Indrie Hapsarie.'
    assert find_invented_quotes(honest, seed_input) == []
    invented = '"Kami akan menindak tegas para pelaku," ujar AKP Indrie Hapsarie.'
    assert find_invented_quotes(invented, seed_input) == ["Kami akan menindak tegas para pelaku,"]
    altered = honest.replace("aman dan nyaman", "aman, nyaman, dan tenteram")
    assert len(find_invented_quotes(altered, seed_input)) == 1


def test_allow_list_is_small_and_holds_no_calendar_or_place_words() -> None:
    assert len(FIXED_WORDS) < 80
    calendar = {name.lower() for name in DAY_NAMES + MONTH_NAMES}
    assert not FIXED_WORDS & calendar
    assert not FIXED_WORDS & {"indramayu", "jabar", "polres", "polsek", "polda", "akp", "akbp"}


def test_vocabulary_comes_from_the_input_only() -> None:
    vocab = source_vocabulary({"unit": {"name": "Polsek Sliyeg"}, "start": "2024-01-23T20:05"})
    assert {"polsek", "sliyeg", "selasa", "januari", "23", "1", "2024", "20", "5"} <= vocab
    assert "indramayu" not in vocab
