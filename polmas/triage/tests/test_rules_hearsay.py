"""Category and urgency rules of round 41 (second-hand reports): what a neighbour, a relative or
a chat group tells is the event's own matter, whatever word of hearsay carries it. On the rules
alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from polmas.triage.pipeline import TriageResult


@pytest.mark.parametrize(
    "text",
    [
        # a fishing boat not back for two days, as the wife tells (Dermayon)
        "jare bojone Kang Tarmadi, praune durung mulih wis rong dina, ombake gede pisan",
        # a fisherman out of contact since dawn (Indonesian)
        "nelayan dr desa Eretan hilang kontak sejak subuh, keluarga bingung",
        # a boat not back (Sundanese)
        "parahu mamang abdi teu acan uih ti kamari, punten dibantosan milarian",
    ],
)
def test_a_fisherman_not_back_is_the_guides_lainnya(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    result = by_rules(text)
    assert (result.category, result.urgency) == ("lainnya", "darurat")


@pytest.mark.parametrize(
    "text",
    [
        "jarene tanggane ana umah kobong ning blok Tegal, genine gede, tulung pak",
        "katanya ada rumah kebakaran di gang Mawar, orang2 pada bawa ember",
    ],
)
def test_a_fire_told_by_a_neighbour_is_lainnya_not_a_rumour(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).category == "lainnya"


@pytest.mark.parametrize(
    "text",
    [
        # drunk men throwing bottles and chairs now
        "kata org warung ada yg mabok ngamuk lempar2 botol sama kursi, skrg masih",
        # a protest turning to thrown bottles
        "demo di depan balai desa udh mulai lempar botol ke petugas",
    ],
)
def test_bottles_and_chairs_thrown_now_are_darurat(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency == "darurat"


def test_bottles_thrown_last_night_and_over_are_not(
    by_rules: Callable[[str], TriageResult],
) -> None:
    text = "semalam ada yg lempar botol di depan warung, sekarang sudah aman"
    assert by_rules(text).urgency == "tinggi"


@pytest.mark.parametrize(
    "text",
    [
        # counterfeit money passed at a market, heard from a relative
        "kata sodara sy ada yg belanja pake uang palsu di pasar, bbrp pedagang udh kena",
        # a fraudster posing as the bank (Sundanese)
        "ceuk tatangga aya nu ngaku ti bank, nyuhunkeun kode OTP, artosna leungit",
        # a syndicate of fake brokers (Dermayon)
        "jare wong2 ana sindikat ngaku makelar TKI narik duwit, bli ana sing mangkat",
    ],
)
def test_a_fraud_heard_of_is_a_crime_not_a_rumour(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).category == "kriminalitas"


def test_pills_named_by_their_street_names_are_drugs(
    by_rules: Callable[[str], TriageResult],
) -> None:
    text = "jare bocah nom sing nongkrong ning terminal dodolan yarindo karo eximer"
    assert by_rules(text).category == "narkoba"
