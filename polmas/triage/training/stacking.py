"""Out-of-fold scores and the logistic meta-models of :mod:`polmas.triage.stack`.

Everything here sees only the training rows it is given (the 80 % hate-speech training part):
base scores come from 5-fold cross-fitting, the meta-model is fitted on those out-of-fold scores
and its threshold is chosen on a second, meta-level 5-fold cross-validation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from polmas.triage.training.fit import SEED, fit_binary

FOLDS = 5
META_C = 1.0
META_SEED = 1


BinaryFitter = Callable[[sparse.csr_matrix, Sequence[bool]], tuple[NDArray[np.float64], float]]


def oof_binary(
    x: sparse.csr_matrix,
    y: Sequence[bool],
    folds: int = FOLDS,
    fitter: BinaryFitter = fit_binary,
) -> NDArray[np.float64]:
    """Out-of-fold decision scores of a binary linear model (by default the linear SVM)."""
    target = np.asarray(y, dtype=bool)
    oof = np.zeros(len(target), dtype=np.float64)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for fit_idx, score_idx in splitter.split(np.zeros(len(target)), target):
        coef, bias = fitter(x[fit_idx], list(target[fit_idx]))
        oof[score_idx] = np.asarray(x[score_idx] @ coef).ravel() + bias
    return oof


def _best_threshold(target: NDArray[np.bool_], scores: NDArray[np.float64]) -> float:
    grid = np.linspace(-1.5, 1.5, 61)
    f1s = [f1_score(target, scores > t) for t in grid]
    return float(grid[int(np.argmax(f1s))])


def fit_meta(
    features: NDArray[np.float64], y: Sequence[bool]
) -> tuple[tuple[float, ...], float, float]:
    """Logistic meta-model on ``features``; returns (weights, bias, threshold on the logit)."""
    target = np.asarray(y, dtype=bool)
    oof = np.zeros(len(target), dtype=np.float64)
    splitter = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=META_SEED)
    for fit_idx, score_idx in splitter.split(features, target):
        meta = LogisticRegression(C=META_C, max_iter=1000).fit(features[fit_idx], target[fit_idx])
        oof[score_idx] = meta.decision_function(features[score_idx])
    threshold = _best_threshold(target, oof)
    meta = LogisticRegression(C=META_C, max_iter=1000).fit(features, target)
    weights = tuple(float(w) for w in np.asarray(meta.coef_).ravel())
    return weights, float(meta.intercept_[0]), threshold
