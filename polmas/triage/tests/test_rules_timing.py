"""Rules of round 43 (when things happen): the time of a message decides its urgency. On the
rules alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from polmas.triage.pipeline import TriageResult


@pytest.mark.parametrize(
    "text",
    [
        # "lagi" of someone's own state (the owner is at work abroad), the break-in this morning
        "rmh kosong tetangga dibobol td pagi, pintunya jebol, yg punya lagi di Malaysia",
        # "lg" of the moment a thing was snatched, told of the afternoon before
        "kalung ibu sy dijambret pas lg nunggu bus di Celeng kemarin sore",
        # "lagi" of "again": the threat comes back, nobody is hurt now
        "mantan suami sy datang lagi semalam, ngancam mau bunuh sy kalau lapor",
        # a hit-and-run yesterday: the driver fled, the victim is in hospital
        "ponakan sy ditabrak lari kemarin sore di pantura, pelakunya kabur ke arah Cirebon",
        # a kiosk burnt down by someone last night; the fire is out now (Sundanese)
        "kamari peuting warung di Gantar diduruk jelema, ayeuna geus pareum",
    ],
)
def test_what_happened_before_is_tinggi(text: str, by_rules: Callable[[str], TriageResult]) -> None:
    assert by_rules(text).urgency == "tinggi"


def test_someone_pulled_by_the_hand_now_is_darurat(
    by_rules: Callable[[str], TriageResult],
) -> None:
    # a girl pulled by the hand by a man, now (Sundanese)
    text = "aya budak awewe ditarik-tarik ku lalaki di pengkolan ayeuna, ceurik"
    assert by_rules(text).urgency == "darurat"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a small child made to beg at the traffic lights by its family (Sundanese)
        ("budak leutik dipaksa ngemis di lampu merah ku kolotna", "kdrt_perlindungan_anak"),
        # a planned attack on a prayer house
        ("jare mengko bengi ana wong pan ngrusak mushola anyar ning blok Kidul", "konflik_sara"),
        # arson is a crime, not only a fire
        ("kios pulsa di Haurgeulis diduruk ku jelema", "kriminalitas"),
    ],
)
def test_round_43_categories(
    text: str, category: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).category == category


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        # a body found in the river: serious, but nobody's life is at risk any more
        ("ada mayat ngambang di kali dekat jembatan, warga udh pada ngumpul", "tinggi"),
        # bruised last night by her husband, safe at her mother's now
        ("sy dipukul suami semalem sampai memar, skrg sy di rumah ibu", "tinggi"),
        # the word KDRT in a question about a slow report
        ("laporan KDRT adik sy di polsek sudah sebulan, kapan ada kabar", "normal"),
        # a dead mother still on the aid list: a matter for the social office
        ("ibu sy sudah meninggal tp namanya masih ada di daftar bansos", "rendah"),
        # a "sweeping" of food stalls announced on a leaflet: a threat, not yet an act
        ("ada selebaran ormas mau sweeping warung makan siang hari pas puasa", "tinggi"),
        # a bruise on a pupil's face, told by the teacher (round 45)
        ("murid sy cerita dipukul bapak tirinya, ada lebam di pipinya", "tinggi"),
        # a motorbike gang that meets at night and has not caused trouble (round 45)
        ("geng motor sering ngumpul di pom bensin tiap malam minggu, warga resah", "normal"),
    ],
)
def test_words_that_tell_of_harm_done_are_not_darurat_alone(
    text: str, urgency: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency == urgency
