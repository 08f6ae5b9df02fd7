"""Urgency rules of round 42 (follow-ups to an earlier message): a second message says what is
going on now, worse or over, and is read on its own. On the rules alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from polmas.triage.pipeline import TriageResult


@pytest.mark.parametrize(
    "text",
    [
        # the fire spreads to the next house
        "update pak apinya malah merambat ke rumah sebelah, damkar blm dateng",
        # a fire with workers still inside (Dermayon)
        "geni ning gudang gabah saya gede, buruhe telu durung metu",
        # a rider still unconscious by the road (Sundanese)
        "nu tabrakan tadi can sadar keneh ngagoler di sisi jalan, ambulan can datang",
        # a ballot box snatched and carried off
        "kotak suara TPS 4 dibawa lari dua orang naik motor ke arah utara",
        # "udh turun" (came down) is not "sudah turu" (asleep): the man now runs to the river
        "org yg mau loncat dr jembatan udh turun dr pagar tp skrg lari ke kali, tolong pak",
    ],
)
def test_a_follow_up_that_grows_worse_is_darurat(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency == "darurat"


@pytest.mark.parametrize(
    "text",
    [
        # the fire is out, nobody hurt (Dermayon)
        "sing mau isun lapor kobong, genine wis mati, damkar wis teka, bli ana sing cilaka",
        # the neighbours who fought are reconciled
        "sing wingi isun lapor tonggo gelut, saiki wis rukun maning, wis damai",
        # asking how a report of domestic violence goes on; the victim is safe now
        "mau nanya kelanjutan laporan KDRT kakak sy, skrg dia tinggal sm sy",
    ],
)
def test_a_follow_up_that_says_it_is_over_is_not(
    text: str, by_rules: Callable[[str], TriageResult]
) -> None:
    assert by_rules(text).urgency != "darurat"
