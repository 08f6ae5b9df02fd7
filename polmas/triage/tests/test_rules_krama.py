"""Urgency rules for the polite register (round 39): Javanese krama (bebasan Dermayon), refined
Sundanese and courteous Indonesian. A long greeting must not hide a danger going on now, and a
krama word of the past must calm like its everyday twin. On the rules alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from polmas.triage.pipeline import TriageResult


@pytest.mark.parametrize(
    "text",
    [
        # fishermen not back since yesterday (krama "dereng wangsul", "prau")
        "Nyuwun sewu pak, wonten prau nelayan isi kalih tiyang dereng wangsul wiwit wingi enjing",
        # a flood chest-high now (krama "sakmenika", "banyu")
        "Kula ngaturaken, sakmenika banyu sampun mlebet griya, sampun sedada",
        # a boy not home since the afternoon prayer
        "Putra kula umur 7 taun dereng wangsul wiwit bakda ashar, nyuwun pitulung",
        # a girl not home since yesterday evening, refined Sundanese
        "Punten pa, budak abdi awewe teu acan mulih ti kamari sonten, HP-na pareum",
        # a robbery now, the robbers still here
        "Sakmenika kunci motor kula dipun rebut kanthi paksa, tiyange taksih ning mriki",
        # a drunk driver now, refined Sundanese
        "Punten pa, ayeuna aya pamuda nu mabok nyetir mobil ugal-ugalan ka arah pasar",
        # petrol already poured
        "bojone ngunci garwane ning kamar, ngancam badhe ngobong griya, bensin sampun dipun siram",
        # a capsized boat, one fisherman not found
        "Mohon maaf Bapak, perahu kami terbalik, satu nelayan belum ditemukan",
    ],
)
def test_a_polite_message_of_a_danger_now_is_darurat(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency == "darurat"


@pytest.mark.parametrize(
    "text",
    [
        # a burglary told of last night (krama "kala wau dalu")
        "Nyuwun sewu, kala wau dalu griya kula dipun lebeti maling, lawang wingking sampun jebol",
        # "nobody hurt" in krama ("dereng" like "belum")
        "Kula namung ngaturaken, wonten truk nyenggol pager, dereng wonten tiyang tatu",
        # rice harvested just now ("nembe") and stolen last night: not "now"
        "Pa, aya nu maling gabah nu nembe dipanen, 20 karung leungit tadi peuting",
    ],
)
def test_a_polite_message_of_a_danger_over_is_not_darurat(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency != "darurat"
