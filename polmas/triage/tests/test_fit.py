"""NB-SVM heads: the log-count ratio and the folding of the ratio into the SVM weights."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from polmas.triage.training.fit import (
    fit_binary,
    fit_nb_binary,
    fit_nb_multiclass,
    log_count_ratio,
)
from polmas.triage.training.stacking import oof_binary


def _toy() -> tuple[sparse.csr_matrix, list[bool]]:
    rng = np.random.default_rng(0)
    n, width = 200, 50
    y = rng.random(n) < 0.4
    dense = (rng.random((n, width)) < 0.1).astype(np.float32)
    dense[y, 0] = 1.0  # feature 0 marks the positive class
    dense[~y, 1] = 1.0  # feature 1 marks the negative class
    dense[:, 49] = 0.0  # feature 49 never occurs
    return sparse.csr_matrix(dense), [bool(v) for v in y]


def test_log_count_ratio_signs_and_absent_features() -> None:
    x, y = _toy()
    ratio = log_count_ratio(x, y)
    assert ratio.shape == (x.shape[1],)
    assert ratio[0] > 1.0 > -1.0 > ratio[1]
    assert ratio[49] == 0.0
    assert np.abs(ratio[2:49]).max() < np.abs(ratio[:2]).min()


def test_log_count_ratio_smoothing() -> None:
    x = sparse.csr_matrix(np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32))
    ratio = log_count_ratio(x, [True, False], alpha=1.0)
    # positive counts (2, 1), negative counts (1, 2), both totals 3
    assert ratio.tolist() == pytest.approx([np.log(2.0), -np.log(2.0)])


def test_nb_weights_fold_the_ratio() -> None:
    x, y = _toy()
    coef, bias = fit_nb_binary(x, y, c=0.3)
    ratio = log_count_ratio(x, y)
    scaled_coef, scaled_bias = fit_binary(x @ sparse.diags(ratio, format="csr"), y, 0.3)
    scaled = np.asarray(x @ sparse.diags(ratio, format="csr") @ scaled_coef).ravel()
    folded = np.asarray(x @ coef).ravel()
    assert coef.shape == (x.shape[1], 1)
    assert bias == pytest.approx(scaled_bias)
    assert folded == pytest.approx(scaled, abs=1e-4)
    assert coef[49, 0] == 0.0
    accuracy = np.mean((folded + bias > 0) == np.asarray(y))
    assert accuracy > 0.95


def test_oof_binary_accepts_the_nb_fitter() -> None:
    x, y = _toy()
    scores = oof_binary(x, y, folds=3, fitter=fit_nb_binary)
    assert scores.shape == (len(y),)
    assert np.mean((scores > 0) == np.asarray(y)) > 0.95


def test_nb_multiclass_columns_follow_class_order() -> None:
    x, y = _toy()
    labels = ["pos" if v else "neg" for v in y]
    coef, bias = fit_nb_multiclass(x, labels, ("pos", "neg"), c=0.3, alpha=1.0)
    assert coef.shape == (x.shape[1], 2) and bias.shape == (2,)
    pos_coef, pos_bias = fit_nb_binary(x, y, c=0.3, alpha=1.0)
    assert coef[:, 0] == pytest.approx(pos_coef[:, 0])
    assert bias[0] == pytest.approx(pos_bias)
    predicted = np.asarray(x @ coef + bias).argmax(axis=1)
    assert np.mean(predicted == np.where(np.asarray(y), 0, 1)) > 0.95
