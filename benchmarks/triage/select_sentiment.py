"""How the sentiment head's settings were chosen: id-grouped 5-fold CV on the training data only.

Usage: PYTHONPATH=. python benchmarks/triage/select_sentiment.py
Rows are SmSA train + NusaX train (id/jv/su); NusaX translations share an id and always fall in
the same fold. Prints macro-F1 per source for the two feature sets and several neutral biases.
The validation files are not read.
"""

from __future__ import annotations

import csv

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold
from sklearn.svm import LinearSVC

from polmas.triage.features import N_NORMALISED, featurise
from polmas.triage.normalise import merge_slang
from polmas.triage.paths import shared_data_dir
from polmas.triage.training.data import NUSAX_LANGS, load_slang, load_smsa

CLASSES = np.array(["negative", "neutral", "positive"])


def main() -> None:
    data = shared_data_dir()
    smsa = load_smsa(data, "train")
    texts, labels = list(smsa.texts), list(smsa.labels)
    sources, groups = ["smsa"] * len(texts), list(range(len(texts)))
    for lang in NUSAX_LANGS:
        with (data / "nlp" / "nusax" / lang / "train.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        texts += [r["text"] for r in rows]
        labels += [r["label"] for r in rows]
        sources += [lang] * len(rows)
        groups += [1_000_000 + int(r["id"]) for r in rows]
    x_all = featurise(texts, merge_slang(load_slang(data)))
    y, src = np.asarray(labels), np.asarray(sources)
    folds = list(GroupKFold(5).split(x_all, y, groups))
    for name, x in (("normalised blocks", x_all[:, :N_NORMALISED]), ("all blocks", x_all)):
        scores = np.zeros((len(y), 3))
        for fit_idx, score_idx in folds:
            model = LinearSVC(C=1.0, random_state=0).fit(x[fit_idx], y[fit_idx])
            scores[score_idx] = model.decision_function(x[score_idx])
        for bias in (0.0, 0.05, 0.1, 0.15):
            shifted = scores + np.array([0.0, bias, 0.0])
            f1s = {
                s: f1_score(y[src == s], CLASSES[shifted[src == s].argmax(1)], average="macro")
                for s in ("smsa", "javanese", "sundanese")
            }
            mean = sum(f1s.values()) / 3
            cells = " ".join(f"{k} {v:.4f}" for k, v in f1s.items())
            print(f"{name:18} neutral +{bias:.2f}: {cells}  mean {mean:.4f}")


if __name__ == "__main__":
    main()
