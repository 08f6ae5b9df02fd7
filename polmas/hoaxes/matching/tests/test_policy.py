from __future__ import annotations

from polmas.hoaxes.matching.index import HoaxIndex, Match
from polmas.hoaxes.matching.model import MatcherModel, Thresholds
from polmas.hoaxes.matching.policy import classify, default_thresholds

TH = Thresholds(confident_score=0.8, confident_margin=0.2, none_score=0.3)


def test_no_matches_is_none() -> None:
    assert classify([], TH) == "none"


def test_low_best_score_is_none() -> None:
    assert classify([Match("a", 0.29), Match("b", 0.1)], TH) == "none"


def test_high_clear_winner_is_confident() -> None:
    assert classify([Match("a", 0.95), Match("b", 0.5)], TH) == "confident"
    assert classify([Match("a", 0.8)], TH) == "confident"


def test_close_runner_up_is_uncertain() -> None:
    assert classify([Match("a", 0.95), Match("b", 0.9)], TH) == "uncertain"


def test_middle_score_is_uncertain() -> None:
    assert classify([Match("a", 0.5), Match("b", 0.1)], TH) == "uncertain"


def test_default_thresholds_are_ordered() -> None:
    th = default_thresholds()
    assert 0.0 <= th.none_score <= th.confident_score <= 1.0
    assert th == MatcherModel.load_default().thresholds


def test_policy_on_fixture(index: HoaxIndex) -> None:
    exact = index.search("bendungan jatigede jebol warga diminta mengungsi", 5)
    assert classify(exact) in {"confident", "uncertain"}
    unrelated = index.search("resep rendang daging sapi empuk untuk lebaran", 5)
    assert classify(unrelated) == "none"
