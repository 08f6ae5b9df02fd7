"""Rules of round 44: invitations and greetings to the police, and police services residents
name in passing (a loss certificate, a bribe at a traffic stop). On the rules alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from polmas.triage.pipeline import TriageResult


@pytest.mark.parametrize(
    "text",
    [
        # a village committee invites the sub-district chief
        "Kami mengundang Bapak Kapolsek hadir di acara sedekah bumi hari Minggu jam 8",
        # the same in Sundanese
        "abdi ti karang taruna bade ngondang pa kapolsek kana acara mauludan di bale desa",
        # a greeting on the police's anniversary
        "Selamat Hari Bhayangkara untuk seluruh anggota Polres Indramayu",
    ],
)
def test_an_invitation_or_a_greeting_to_the_police_is_lainnya_and_rendah(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    result = by_rules(text)
    assert (result.category, result.urgency) == ("lainnya", "rendah")


@pytest.mark.parametrize(
    "text",
    [
        # an officer asks for money at a traffic stop and writes no ticket: the resident calls
        # it pungli (a crime word), but it is a complaint about an officer
        "kmrn distop polisi di Jatibarang, diminta 100rb biar gak ditilang, gak dikasih surat "
        "tilang. itu pungli kan pak",
        # how to get a certificate of loss for a phone (Sundanese)
        "punten, HP abdi leungit di pasar, kumaha carana ngadamel surat kahilangan?",
        # where to report a lost wallet (Dermayon)
        "dompet isun ilang ning terminal, kudu lapor kelangan ning endi pak?",
    ],
)
def test_a_police_service_named_beside_a_loss_or_a_bribe_is_pelayanan(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).category == "pelayanan_kepolisian"
