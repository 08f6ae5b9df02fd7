"""The election page computes layers for the TPS-dense desa only: the same values and the same
ranking as computing them for the whole area."""

from __future__ import annotations

import random

from django.utils import timezone

from polmas.insights.selectors.area import resolve_area
from polmas.insights.selectors.election import TPS_DENSE, election_mode
from polmas.insights.selectors.layers import compute_layers
from polmas.insights.tests.test_live import _patrols
from polmas.insights.tests.test_rollup import _random_data
from polmas.org.testing import World
from polmas.patrols.selectors.coverage import Period


def test_dense_desa_equal_the_whole_area_computation(world: World) -> None:
    today = timezone.localdate()
    _random_data(world, random.Random(5), today)
    _patrols(today, 5)
    area = resolve_area(world.user_polres)
    mode = election_mode(area, today=today)
    full = compute_layers(area, Period.last_days(30, today), today=today)
    expected = sorted(
        (v for v in full.desa.values() if v.row.tps),
        key=lambda v: (-(v.row.tps or 0), v.row.name),
    )[:TPS_DENSE]
    assert [v.row.code for v in mode.dense] == [v.row.code for v in expected]
    assert len(mode.dense) == TPS_DENSE
    for got, want in zip(mode.dense, expected, strict=True):
        assert got.sessions == want.sessions, got.row.code
        assert got.days_since_visit == want.days_since_visit, got.row.code
        assert got.open_by_urgency == want.open_by_urgency, got.row.code
        assert got.overdue == want.overdue, got.row.code
        assert got.kondusif.score == want.kondusif.score, got.row.code
    assert mode.dense_visited == sum(1 for v in expected if v.sessions)
    assert any(v.sessions for v in mode.dense) or not any(v.sessions for v in expected)
