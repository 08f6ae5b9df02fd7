"""How the stack inputs were chosen: out-of-fold F1 on the 80 % hate-speech training part only.

Usage: PYTHONPATH=. python benchmarks/triage/select_stack.py
Base inputs are the current heads (task, task on blocks 1-3, the other task, seven targets) plus
the lexicon features. Candidates added to them: NB-SVM heads (log-count-ratio scaling, blocks
1-3) with several C and smoothing alpha, logistic-regression heads, and plain SVM heads with a
restricted raw ``char_wb`` 3-4 view. Base scores are 5-fold out-of-fold; the logistic
meta-model is scored on a second 5-fold CV, at its best threshold (the same small optimism for
every row of the table). The held-out 20 % is not read. Takes about 5 minutes.

A last table adds, to the inputs kept (base + NB-SVM C=0.3 alpha=0.25), the class scores of the
sentiment and emotion heads of the active artifacts, under five meta-level CV seeds. Those heads
are fitted on SmSA, NusaX and EmoT, never on a hate-speech row, so their scores need no
cross-fitting.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from polmas.triage.features import BLOCK, N_NORMALISED, N_RAW, featurise, raw_view, unescape
from polmas.triage.normalise import normalise_fast
from polmas.triage.paths import shared_data_dir
from polmas.triage.pipeline import get_models
from polmas.triage.stack import input_column, lexicon_features
from polmas.triage.training.data import HATE_TARGETS, load_abusive_lexicon, load_hate
from polmas.triage.training.fit import fit_binary, fit_nb_binary
from polmas.triage.training.sentiment import training_slang
from polmas.triage.training.stacking import BinaryFitter, oof_binary
from polmas.triage.training.train import AFFECT_INPUTS

Array = NDArray[np.float64]
TASKS = ("hate_speech", "abusive")


def _lr(x: sparse.csr_matrix, y: list[bool]) -> tuple[Array, float]:
    model = LogisticRegression(C=10.0, max_iter=2000, solver="liblinear").fit(x, y)
    return np.asarray(model.coef_).T, float(model.intercept_[0])


def _nb(c: float, alpha: float) -> BinaryFitter:
    return lambda x, y: fit_nb_binary(x, y, c, alpha)


def meta_f1(
    columns: list[Array], lexicon: Array, target: NDArray[np.bool_], seed: int = 1
) -> float:
    features = np.hstack([np.column_stack(columns), lexicon])
    oof = np.zeros(len(target))
    splitter = StratifiedKFold(5, shuffle=True, random_state=seed)
    for fit_idx, score_idx in splitter.split(features, target):
        meta = LogisticRegression(max_iter=1000).fit(features[fit_idx], target[fit_idx])
        oof[score_idx] = meta.decision_function(features[score_idx])
    return max(float(f1_score(target, oof > t)) for t in np.linspace(-1.5, 1.5, 61))


def main() -> None:
    data = shared_data_dir()
    slang = training_slang(data)
    train, _ = load_hate(data)
    texts = [r.text for r in train]
    x_all = featurise(texts, slang, {})[:, :N_RAW]
    x_norm = x_all[:, :N_NORMALISED]
    raw = [raw_view(t) for t in texts]
    norm = [normalise_fast(unescape(t), slang) for t in texts]
    lexicon = lexicon_features(load_abusive_lexicon(data), raw, norm).astype(np.float64)
    chars = HashingVectorizer(
        n_features=BLOCK,
        analyzer="char_wb",
        ngram_range=(3, 4),
        alternate_sign=False,
        binary=True,
        lowercase=False,
        dtype=np.float32,
    ).transform(raw)
    x_chars = sparse.hstack([x_all, chars], format="csr")
    labels = {"hate_speech": [r.hs for r in train], "abusive": [r.abusive for r in train]}
    base: list[Array] = []
    for task in TASKS:
        base.append(oof_binary(x_norm, labels[task]))
        base.append(oof_binary(x_all, labels[task]))
    for t in HATE_TARGETS:
        base.append(oof_binary(x_norm, [t in r.targets for r in train]))
    candidates: dict[str, tuple[sparse.csr_matrix, Callable[..., tuple[Array, float]]]] = {
        "NB-SVM C=0.1 alpha=1": (x_all, _nb(0.1, 1.0)),
        "NB-SVM C=0.3 alpha=1": (x_all, _nb(0.3, 1.0)),
        "NB-SVM C=1.0 alpha=1": (x_all, _nb(1.0, 1.0)),
        "NB-SVM C=0.3 alpha=0.5": (x_all, _nb(0.3, 0.5)),
        "NB-SVM C=0.3 alpha=0.25 (kept)": (x_all, _nb(0.3, 0.25)),
        "NB-SVM C=0.3 alpha=0.1": (x_all, _nb(0.3, 0.1)),
        "logistic regression C=10": (x_all, _lr),
        "SVM + raw char_wb 3-4": (x_chars, fit_binary),
    }
    target = {task: np.asarray(labels[task], dtype=bool) for task in TASKS}
    print(f"{'stack inputs':50} hate_speech abusive")
    row = " ".join(f"{meta_f1(base, lexicon, target[t]):.4f}" for t in TASKS)
    print(f"{'base':50} {row}")
    for name, (x, fitter) in candidates.items():
        extra = [oof_binary(x, labels[task], fitter=fitter) for task in TASKS]
        row = " ".join(f"{meta_f1(base + extra, lexicon, target[t]):.4f}" for t in TASKS)
        print(f"{'base + ' + name + ' (both tasks)':50} {row}", flush=True)
    kept = base + [oof_binary(x_all, labels[t], fitter=_nb(0.3, 0.25)) for t in TASKS]
    affect = _affect_scores(texts)
    print("\nkept inputs, then + sentiment and emotion class scores; meta-level CV seed")
    for seed in range(1, 6):
        row = "  ".join(
            f"{meta_f1(kept, lexicon, target[t], seed):.4f} -> "
            f"{meta_f1(kept + affect, lexicon, target[t], seed):.4f}"
            for t in TASKS
        )
        print(f"seed {seed}: {row}", flush=True)


def _affect_scores(texts: list[str]) -> list[Array]:
    """Class-score columns of the active sentiment and emotion heads (``train.AFFECT_INPUTS``)."""
    models = get_models()
    scores = models.heads.scores(featurise(texts, models.slang, models.lexicon))
    return [scores[:, input_column(models.heads, n)].astype(np.float64) for n in AFFECT_INPUTS]


if __name__ == "__main__":
    main()
