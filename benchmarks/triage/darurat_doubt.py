"""Leave-one-file-out over the development files for the urgency model's doubt of a darurat.

    PYTHONPATH=. .venv/bin/python benchmarks/triage/darurat_doubt.py

The rules' darurat is lowered when the urgency model gives darurat a probability below
``correct.DARURAT_DOUBT`` (0 keeps every darurat of the rules). For each development file a
corrections model is trained on the other files once, and the file is scored under every
threshold; counts are pooled, so each development message is scored by a model that has not
seen it. Development files only: the held-out files never choose a constant.
"""

from __future__ import annotations

from benchmarks.triage.category_check import SEED
from benchmarks.triage.mixing_grid import pooled_counts
from polmas.triage import correct
from polmas.triage.correct import CorrectionModels
from polmas.triage.training.fixtures import metrics_from_counts

THRESHOLDS = (0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2)


def apply_threshold(threshold: float, _corrections: CorrectionModels) -> None:
    correct.DARURAT_DOUBT = threshold  # read by CorrectionModels.urgency on every message


def main() -> None:
    shipped = correct.DARURAT_DOUBT
    totals = pooled_counts(list(THRESHOLDS), apply_threshold)
    header = (
        f"{'threshold':>9} {'urgency':>8} {'darurat R':>10} {'missed':>7} {'P':>7} {'false':>6}"
    )
    print(header)
    for threshold in THRESHOLDS:
        c = totals[threshold]
        m = metrics_from_counts(c)
        mark = "  (shipped)" if threshold == shipped else ""
        print(
            f"{threshold:9g} {m['urgency_accuracy']:8.4f} {m['darurat_recall']:10.4f} "
            f"{c['darurat_gold'] - c['darurat_caught']:7d} {m['darurat_precision']:7.4f} "
            f"{c['darurat_flagged'] - c['darurat_caught']:6d}{mark}"
        )
    c = totals[shipped]
    print(
        f"pooled over {c['messages']} development messages ({c['darurat_gold']} darurat), "
        f"{len(SEED)} files left out in turn"
    )


if __name__ == "__main__":
    main()
