"""How the emotion head's settings were chosen: stratified 5-fold CV on EmoT train only.

Usage: PYTHONPATH=. python benchmarks/triage/select_emotion.py
Prints the out-of-fold macro-F1 of: the issue's baseline recipe, the normalised-text blocks
(the first version's head), the first three blocks (plus the raw-text view), each with C in
{0.3, 0.5, 1} and blended with a one-vs-rest NB-SVM ``(svm + w * nbsvm) / (1 + w)``. The
validation file is not read. Takes about two minutes.
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from polmas.triage.features import N_NORMALISED, N_RAW, featurise
from polmas.triage.paths import shared_data_dir
from polmas.triage.training.data import load_emot
from polmas.triage.training.fit import (
    SEED,
    baseline_predict,
    fit_multiclass,
    fit_nb_multiclass,
)
from polmas.triage.training.sentiment import training_slang
from polmas.triage.training.train import EMOTIONS

C_VALUES = (0.3, 0.5, 1.0)
NB_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0)


def main() -> None:
    data = shared_data_dir()
    slang = training_slang(data)
    emot = load_emot(data, "train")
    y = np.asarray(emot.labels)
    classes = np.asarray(EMOTIONS)
    x_all = featurise(emot.texts, slang, {})
    views = {"normalised blocks": x_all[:, :N_NORMALISED], "+ raw view": x_all[:, :N_RAW]}
    folds = list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(x_all, y))
    baseline = np.empty(len(y), dtype=object)
    for fit_idx, score_idx in folds:
        baseline[score_idx] = baseline_predict(
            [emot.texts[i] for i in fit_idx], list(y[fit_idx]), [emot.texts[i] for i in score_idx]
        )
    print(f"{len(y)} EmoT training rows, 5 folds")
    print(f"baseline recipe: {f1_score(y, baseline.astype(str), average='macro'):.3f}")
    for name, x in views.items():
        for c in C_VALUES:
            svm = np.zeros((len(y), len(classes)))
            nb = np.zeros_like(svm)
            for fit_idx, score_idx in folds:
                coef, bias = fit_multiclass(x[fit_idx], y[fit_idx], EMOTIONS, c)
                svm[score_idx] = x[score_idx] @ coef + bias
                coef, bias = fit_nb_multiclass(x[fit_idx], y[fit_idx], EMOTIONS)
                nb[score_idx] = x[score_idx] @ coef + bias
            cells = []
            for w in NB_WEIGHTS:
                pred = classes[np.argmax((svm + w * nb) / (1 + w), axis=1)]
                cells.append(f"w={w}: {f1_score(y, pred, average='macro'):.3f}")
            print(f"{name}, C={c}: " + ", ".join(cells))


if __name__ == "__main__":
    main()
