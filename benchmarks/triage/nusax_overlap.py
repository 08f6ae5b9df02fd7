"""How much of NusaX-Senti is already in SmSA train, and how the model does on each part.

Usage: PYTHONPATH=. python benchmarks/triage/nusax_overlap.py [--split valid|train]
Most NusaX Indonesian sentences are (lightly edited) SmSA reviews; the Javanese and Sundanese rows
are their translations. A row "overlaps" when its Indonesian parallel has a near-duplicate in
SmSA train (rapidfuzz ratio > 90 on lower-cased text). The script prints, per language, how many
rows overlap, how often the SmSA label agrees with the NusaX label, and the accuracy and macro-F1
of the active artifacts on the overlapping and the other rows, with the macro-F1 of the issue's
baseline recipe trained on that language's NusaX train split (as in ``triage evaluate``). It
reads the validation files for this report only; nothing is chosen on it.
"""

from __future__ import annotations

import argparse

from sklearn.metrics import accuracy_score, f1_score

from polmas.triage.paths import shared_data_dir
from polmas.triage.pipeline import analyse_many
from polmas.triage.training.fit import baseline_predict
from polmas.triage.training.sentiment import TWIN_RATIO, nusax_rows, smsa_twin_labels


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="valid", choices=("valid", "train"))
    split = parser.parse_args().split
    data = shared_data_dir()
    match = smsa_twin_labels(data, split)
    indonesian = nusax_rows(data, "indonesian", split)
    overlap = [k for k in indonesian if match[k] is not None]
    agree = sum(match[k] == indonesian[k][1] for k in overlap)
    print(
        f"NusaX {split}: {len(overlap)} of {len(indonesian)} rows have a near-duplicate in SmSA "
        f"train (ratio > {TWIN_RATIO}); its label agrees on {agree}"
    )
    for lang in ("indonesian", "javanese", "sundanese"):
        rows = nusax_rows(data, lang, split)
        keys = list(rows)
        results = analyse_many([rows[k][0] for k in keys])
        predicted = {k: r.sentiment for k, r in zip(keys, results, strict=True)}
        train = nusax_rows(data, lang)
        fitted = baseline_predict(
            [t for t, _ in train.values()],
            [y for _, y in train.values()],
            [rows[k][0] for k in keys],
        )
        baseline = dict(zip(keys, fitted, strict=True))
        parts = {
            "overlap": [k for k in keys if match[k]],
            "other": [k for k in keys if not match[k]],
        }
        cells = []
        for name, part in {"all": keys, **parts}.items():
            gold = [rows[k][1] for k in part]
            pred = [predicted[k] for k in part]
            base = [baseline[k] for k in part]
            cells.append(
                f"{name} n={len(part)} acc {accuracy_score(gold, pred):.3f} "
                f"macro-F1 {f1_score(gold, pred, average='macro'):.3f} "
                f"(baseline {f1_score(gold, base, average='macro'):.3f})"
            )
        print(f"{lang:10} " + " | ".join(cells))


if __name__ == "__main__":
    main()
