"""Fitting helpers: linear SVMs (plain and NB-SVM) on hashed features, inner-CV thresholds, the
baseline."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_union
from sklearn.svm import LinearSVC

SEED = 0
C_VALUE = 1.0
NB_C = 0.3
NB_ALPHA = 0.25
"""C and count smoothing of the NB-SVM heads, chosen on out-of-fold stack F1 of the hate-speech
training part (``benchmarks/triage/select_stack.py``)."""


def fit_multiclass(
    x: sparse.csr_matrix,
    y: Sequence[str],
    classes: Sequence[str],
    c: float = C_VALUE,
    sample_weight: Sequence[float] | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """One-vs-rest linear SVM; returns (coef features x classes, intercepts) in class order.
    ``sample_weight`` scales each row's loss (none: 1 each)."""
    weight = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    model = LinearSVC(C=c, random_state=SEED).fit(x, list(y), sample_weight=weight)
    coef_rows, intercepts = np.asarray(model.coef_), np.asarray(model.intercept_)
    if coef_rows.shape[0] == 1:  # two classes: one column, positive = classes_[1]
        coef_rows = np.vstack([-coef_rows[0], coef_rows[0]])
        intercepts = np.array([-intercepts[0], intercepts[0]])
    order = [list(model.classes_).index(label) for label in classes]
    return coef_rows[order].T, intercepts[order]


def fit_binary(
    x: sparse.csr_matrix, y: Sequence[bool], c: float = C_VALUE
) -> tuple[NDArray[np.float64], float]:
    """Binary linear SVM; returns (coef features x 1, intercept)."""
    model = LinearSVC(C=c, random_state=SEED).fit(x, np.asarray(y, dtype=int))
    return np.asarray(model.coef_).T, float(model.intercept_[0])


def log_count_ratio(
    x: sparse.csr_matrix, y: Sequence[bool], alpha: float = NB_ALPHA
) -> NDArray[np.float64]:
    """Naive-Bayes log-count ratio per feature (binarised counts, add-``alpha`` smoothing).

    Features absent from ``x`` get 0, so they can never carry weight.
    """
    target = np.asarray(y, dtype=bool)
    present = (x > 0).astype(np.float64)
    pos = alpha + np.asarray(present[target].sum(axis=0)).ravel()
    neg = alpha + np.asarray(present[~target].sum(axis=0)).ravel()
    ratio: NDArray[np.float64] = np.log(pos / pos.sum()) - np.log(neg / neg.sum())
    ratio[np.asarray(present.sum(axis=0)).ravel() == 0] = 0.0
    return ratio


def fit_nb_binary(
    x: sparse.csr_matrix, y: Sequence[bool], c: float = NB_C, alpha: float = NB_ALPHA
) -> tuple[NDArray[np.float64], float]:
    """NB-SVM (Wang & Manning 2012): a linear SVM on ``x`` scaled by the log-count ratio ``r``.

    ``(x * r) @ w == x @ (r * w)``, so the ratio is folded into the returned weights and the head
    scores the ordinary features at run time (no extra feature work, no stored ratio).
    """
    ratio = log_count_ratio(x, y, alpha)
    coef, bias = fit_binary(x @ sparse.diags(ratio, format="csr"), y, c)
    return coef * ratio[:, None], bias


def fit_nb_multiclass(
    x: sparse.csr_matrix,
    y: Sequence[str],
    classes: Sequence[str],
    c: float = NB_C,
    alpha: float = NB_ALPHA,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """One-vs-rest NB-SVM; returns (coef features x classes, intercepts) in class order."""
    labels = np.asarray(y)
    fitted = [fit_nb_binary(x, list(labels == label), c, alpha) for label in classes]
    coef = np.hstack([f[0] for f in fitted])
    return coef, np.asarray([f[1] for f in fitted], dtype=np.float64)


def fit_blend(
    x: sparse.csr_matrix,
    y: Sequence[str],
    classes: Sequence[str],
    nb_weight: float,
    nb_c: float = NB_C,
    nb_alpha: float = NB_ALPHA,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``(svm + w * nbsvm) / (1 + w)`` of a one-vs-rest SVM and NB-SVM, folded into one set of
    weights: the same run-time cost as one SVM."""
    coef, bias = fit_multiclass(x, y, classes)
    nb_coef, nb_bias = fit_nb_multiclass(x, y, classes, nb_c, nb_alpha)
    return (coef + nb_weight * nb_coef) / (1 + nb_weight), (bias + nb_weight * nb_bias) / (
        1 + nb_weight
    )


def inner_cv_threshold(x: sparse.csr_matrix, y: Sequence[bool], folds: int = 3) -> float:
    """Decision threshold maximising F1 on out-of-fold scores of the training data only."""
    target = np.asarray(y, dtype=int)
    oof = np.zeros(len(target), dtype=np.float64)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for fit_idx, score_idx in splitter.split(np.zeros(len(target)), target):
        coef, bias = fit_binary(x[fit_idx], list(target[fit_idx].astype(bool)))
        oof[score_idx] = np.asarray(x[score_idx] @ coef).ravel() + bias
    grid = np.linspace(-0.6, 0.6, 49)
    scores = [f1_score(target, oof > t) for t in grid]
    return float(grid[int(np.argmax(scores))])


def baseline_predict(
    train_x: Sequence[str], train_y: Sequence[str | bool], test_x: Sequence[str]
) -> list[str | bool]:
    """The issue's baseline: word(1-2)+char(2-5) TF-IDF, LinearSVC, raw text."""
    vec = make_union(
        TfidfVectorizer(ngram_range=(1, 2)),
        TfidfVectorizer(analyzer="char", ngram_range=(2, 5)),
    )
    model = LinearSVC(random_state=SEED).fit(vec.fit_transform(list(train_x)), list(train_y))
    return list(model.predict(vec.transform(list(test_x))))
