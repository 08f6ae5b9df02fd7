"""Category and urgency rules for crowds and clashes (round 40): a clash between villages is a
conflict between groups (the guide's ``konflik_sara``), and a clash over or denied is not an
emergency. On the rules alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from polmas.triage.pipeline import TriageResult


@pytest.mark.parametrize(
    "text",
    [
        # a neighbouring village's crowd with torches and bamboo (Dermayon)
        "mau wengi wong akeh saka desa sebelah teka nggawa obor lan bambu, ngrusak pos ronda",
        # hundreds marching on a village ("nglurug")
        "ana wong atusan nggawa bendera lan kayu arep nglurug ning Desa Tulangkacang",
        # a chat group calling to attack the neighbouring village
        "admin grup sering posting ajakan nyerang desa tetangga dan foto2 sajam",
    ],
)
def test_a_clash_between_villages_is_a_conflict_between_groups(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).category == "konflik_sara"


def test_youths_fighting_with_weapons_stay_a_crime(by_rules: Callable[[str], TriageResult]) -> None:
    """The guide: "tawuran with weapons" is kriminalitas, even with a neighbouring village."""
    text = "bocah2 blok lor karo bocah desa sebelah janjian tawuran bengi kien ning tanggul"
    assert by_rules(text).category == "kriminalitas"


def test_kicking_shop_doors_now_is_darurat(by_rules: Callable[[str], TriageResult]) -> None:
    text = "saiki wong-wong wis mulai nyoreti lan nendangi rolling door toko-toko ning pasar"
    assert by_rules(text).urgency == "darurat"


@pytest.mark.parametrize(
    "text",
    [
        # a riot last night, calm now (Sundanese "tos kondusif")
        "kamari peuting aya karusuhan di pasar, motor diduruk, ayeuna mah tos kondusif",
        # looting during a demonstration, the crowd has moved on
        "tadi pas demo toko sy dijarah, etalase pecah. skrg massa udh pindah",
        # the second time a post was damaged at night
        "udh kedua kalinya posko relawan dirusak tengah malam, kursi dibakar",
        # a video called fake: what burnt was a barn
        "video sing jare wong Bangodua ngobong masjid kuwen palsu, sing diobong gudang jerami",
    ],
)
def test_a_clash_over_or_denied_is_not_darurat(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency != "darurat"
