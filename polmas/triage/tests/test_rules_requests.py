"""Rules of round 45: requests and questions around reports. A call that asks the police to
deal with something is not a call for help; thanks for a quick response tells of a danger that
is over; a rumour that came true is not calmed by the question about it; a comma ends a
negation. On the rules alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from polmas.triage.pipeline import TriageResult


@pytest.mark.parametrize(
    "text",
    [
        # loud music going on now, and a request to have it stopped
        "Pak tolong ditegur, tetangga nyetel musik keras sekarang, udah jam 1 malam",
        # youths racing now (Dermayon), a request to break it up
        "pak tulung dibubarna, saiki bocah-bocah balapan liar ning dalan Bangkir",
        # a stall blocking the road today, a request to clear it (Sundanese)
        "Pa punten, ayeuna aya nu dagang nutupan jalan di pasar Kroya, tulung ditertibkeun",
        # beaten last night; the husband has gone now (Dermayon)
        "tangga isun wingi bengi digebugi lakine nganti getihen, saiki lakine lagi lunga",
        # a Sundanese question whether a clash is true, and photos of wounded in a group
        "Punten, saleresna di Gantar aya bentrok, teu? Di grup rame poto jalma luka",
    ],
)
def test_a_request_a_danger_that_is_over_or_a_rumour_question_is_not_darurat(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency != "darurat"


@pytest.mark.parametrize(
    "text",
    [
        # thanks for coming quickly to a crash yesterday
        "Terima kasih Polsek Sukra udah cepat datang waktu ada tabrakan kemarin sore",
        # the same in Sundanese
        "hatur nuhun pa pulisi nu tos gancang nulungan nalika aya kacilakaan kamari",
    ],
)
def test_thanks_for_a_quick_response_is_rendah(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency == "rendah"


@pytest.mark.parametrize(
    "text",
    [
        # a rumour of kidnappers, taken for a hoax, and a child taken just now
        "td di grup katanya ada penculik anak, sy kira hoaks. tapi barusan anak tetangga "
        "beneran ditarik masuk mobil",
        # a rumoured brawl taken for a joke, and people hacked now (Dermayon)
        "jare ning grup ana tawuran, isun kira guyon. saiki temenan wis ana sing dibacok",
        # a girl dragged into a car (Sundanese)
        "Pa tulung, aya budak awewe dicandak paksa kana mobil di gang lembur abdi",
        # a hanging, the neighbour still breathing (Dermayon)
        "tulung pak, tangga isun nggantung awak ning wit, esih ambekan",
        # the negation does not reach past the comma: the victim bleeds
        "Pak tulung isun ditabrak mobil, sikile bli bisa digerakaken, getihen",
    ],
)
def test_an_emergency_after_a_rumour_a_taking_or_a_comma_is_darurat(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency == "darurat"


def test_a_hanging_is_lainnya(by_rules: Callable[[str], TriageResult]) -> None:
    text = "tulung pak, tangga isun nggantung awak ning wit pinggir dalan, ambulan durung teka"
    assert by_rules(text).category == "lainnya"
