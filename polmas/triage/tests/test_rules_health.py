"""Urgency rules for people in crisis, body and mind (round 38): a medical emergency, a suicide
threat, a poisoning, and the welfare matters beside them that are not emergencies. Like
``test_rules_engine.py``, on the rules alone (the ``rules_only`` artifacts)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from polmas.triage.pipeline import TriageResult


@pytest.mark.parametrize(
    "text",
    [
        # a snake bite with the leg swelling (Dermayon)
        "anak isun kepatuk ula ning sawah, sikile abuh ireng, puskesmas tutup",
        # found in a ditch, cold, barely breathing (Dermayon)
        "ana wong tua ditemokna ning got, awake adem, isih ambegan sithik",
        # pills after a quarrel, cannot be woken, breathing slowly (Sundanese)
        "adi abdi nginum obat sare saatos pasea, ayeuna teu tiasa hudang, napasna lalaunan",
        # a woman in labour by the road
        "ana wong wadon meteng tua ning pinggir dalan, wis mules-mules",
        "teteh abdi keur reuneuh, tos mules ti subuh, teu aya kendaraan",
        # methanol in home-made liquor: drinkers going blind
        "kanca isun mari nginum ciu, saiki mripate peteng bli bisa ndeleng",
        # a wife strangled, the quarrel going on now (Sundanese)
        "awewe di imah hareup dicekek ku salakina, ayeuna ge keur ribut",
        # a pupil's farewell letter for tonight
        "murid isun nulis surat pamitan, jare bengi kien arep ngakhiri urip",
        # a crowd gathered to go to the house of a suspected abuser
        "warga geus ngumpul rek nyampeurkeun imah pelaku, ambek pisan",
    ],
)
def test_a_person_in_danger_now_is_darurat(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency == "darurat"


@pytest.mark.parametrize(
    "text",
    [
        # someone chained at home for years: a matter for health and social services
        "tetangga sy dipasung sm keluarganya udh 3 thn, bisa dibantu biar dibawa berobat?",
        # "this is not an emergency", in Sundanese and Dermayon
        "ieu mah sanes darurat, di lembur abdi aya nu teu damang, naha aya bantosan?",
        "dudu darurat pak, isun mung takon jadwal pelayanan SKCK",
        # pregnant, asking about papers
        "istri sy lagi hamil 7 bulan, mau tanya cara urus surat pindah",
        # a crowd gathering at a house of mourning
        "warga pada ngumpul mendatangi rumah duka almarhum pak RT",
    ],
)
def test_welfare_matters_and_denials_are_not_darurat(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency != "darurat"
