from __future__ import annotations

import pytest
from django.test import override_settings

from polmas.insights import kondusif

CALM = kondusif.Inputs(
    days_since_visit=0,
    open_by_urgency={},
    overdue=0,
    hoaxes_7d=0,
    provocation_7d=0,
    negative_7d=0,
    triaged_7d=0,
)


def test_a_calm_desa_scores_100() -> None:
    result = kondusif.compute(CALM)
    assert result.score == 100.0
    assert all(p == 0 for p in result.points.values())


def test_every_factor_saturated_scores_0() -> None:
    worst = kondusif.Inputs(None, {"darurat": 3}, 5, 5, 3, 3, 3)
    assert kondusif.compute(worst).score == 0.0


def test_points_are_the_weighted_factors() -> None:
    inputs = kondusif.Inputs(15, {"tinggi": 1, "normal": 1}, 1, 0, 0, 1, 4)
    result = kondusif.compute(inputs)
    # visit 15/30 -> 12.5 of 25; open (2+1)/10 -> 6 of 20; overdue 1/5 -> 3 of 15;
    # negative 1/4 -> 2.5 of 10
    assert result.points == pytest.approx(
        {
            "visit": 12.5,
            "open_cases": 6.0,
            "overdue": 3.0,
            "hoaxes": 0.0,
            "provocation": 0.0,
            "negative": 2.5,
        }
    )
    assert result.score == pytest.approx(100 - 24.0)


@override_settings(
    POLMAS_KONDUSIF_WEIGHTS={
        "visit": 1,
        "open_cases": 0,
        "overdue": 0,
        "hoaxes": 0,
        "provocation": 0,
        "negative": 0,
    }
)
def test_weights_come_from_settings_and_are_scaled() -> None:
    result = kondusif.compute(kondusif.Inputs(15, {"darurat": 9}, 9, 9, 9, 9, 9))
    assert result.score == 50.0  # only the visit factor counts, scaled to 100


def test_rolled_up_index_is_the_mean() -> None:
    assert kondusif.mean([100.0, 50.0, 60.0]) == 70.0
    assert kondusif.mean([]) is None
