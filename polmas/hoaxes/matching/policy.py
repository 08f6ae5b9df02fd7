"""Confidence policy: what to do with a resident's suspected hoax given the matches.

- ``confident``: answer the resident automatically with the best fact-check;
- ``uncertain``: put it in the Humas queue with the candidates;
- ``none``: no known fact-check matches: open a new item.

Thresholds come from the trained model (calibrated on the validation split, see
docs/hoax-matching.md); pass explicit ``Thresholds`` to override.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from polmas.hoaxes.matching.index import Match
from polmas.hoaxes.matching.model import MatcherModel, Thresholds

Confidence = Literal["confident", "uncertain", "none"]

_default: Thresholds | None = None


def default_thresholds() -> Thresholds:
    global _default
    if _default is None:
        _default = MatcherModel.load_default().thresholds
    return _default


def classify(matches: Sequence[Match], thresholds: Thresholds | None = None) -> Confidence:
    """Decide from the best score and its margin over the runner-up."""
    th = thresholds if thresholds is not None else default_thresholds()
    if not matches:
        return "none"
    best = matches[0].score
    second = matches[1].score if len(matches) > 1 else 0.0
    if best < th.none_score:
        return "none"
    if best >= th.confident_score and best - second >= th.confident_margin:
        return "confident"
    return "uncertain"
