"""Leave-one-file-out over the development files for a grid of the run-time mixing constants.

    PYTHONPATH=. .venv/bin/python benchmarks/triage/mixing_grid.py

For each development file, a corrections model is trained on the other files once; the file is
then scored under every setting of ``correct.MAX_ALPHA`` x ``MODEL_SCALE`` x ``RULE_SCALE``
(see ``polmas/triage/correct.py``). Counts are pooled over all files, so every development
message is scored once per setting by a model that has not seen it. Development files only; the
held-out files are never used to choose a constant.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable
from typing import TypeVar

from benchmarks.triage.category_check import SEED, model_of_the_others
from polmas.triage import correct
from polmas.triage.correct import CorrectionModels
from polmas.triage.pipeline import get_models
from polmas.triage.training.fixtures import label_counts, load_fixtures, metrics_from_counts

MAX_ALPHAS = (0.5, 0.7, 0.85, 0.95)
MODEL_SCALES = (2.0, 3.0, 4.0)
RULE_SCALES = (1.0, 1.5, 2.0)
Setting = tuple[float, float, float]
S = TypeVar("S", bound=Hashable)


def pooled_counts(
    grid: list[S], apply: Callable[[S, CorrectionModels], None]
) -> dict[S, dict[str, int]]:
    """Label counts pooled over the development files, each scored by a corrections model of
    the others, for every setting of ``grid`` (``apply`` puts a setting in force)."""
    totals: dict[S, dict[str, int]] = {setting: {} for setting in grid}
    for name, path in SEED.items():
        items = load_fixtures(path)
        with model_of_the_others(name) as seeded:
            corrections = get_models(seeded).corrections
            assert corrections is not None
            for setting in grid:
                apply(setting, corrections)
                for key, value in label_counts(items, seeded).items():
                    totals[setting][key] = totals[setting].get(key, 0) + value
    return totals


def apply_mixing(setting: Setting, corrections: CorrectionModels) -> None:
    correct.MAX_ALPHA, correct.MODEL_SCALE, correct.RULE_SCALE = setting
    corrections.reweigh()  # the weights are computed at load


def main() -> None:
    grid: list[Setting] = list(itertools.product(MAX_ALPHAS, MODEL_SCALES, RULE_SCALES))
    shipped = (correct.MAX_ALPHA, correct.MODEL_SCALE, correct.RULE_SCALE)
    totals = pooled_counts(grid, apply_mixing)
    print(f"{'max a, model, rule':20} {'category':>9} {'urgency':>8} {'darurat R':>10} {'P':>6}")
    for setting in grid:
        m = metrics_from_counts(totals[setting])
        mark = "  (shipped)" if setting == shipped else ""
        print(
            f"{', '.join(f'{v:g}' for v in setting):20} {m['category_accuracy']:9.4f} "
            f"{m['urgency_accuracy']:8.4f} {m['darurat_recall']:10.4f} "
            f"{m['darurat_precision']:6.4f}{mark}"
        )
    n = totals[shipped]["messages"]  # the same messages under every setting
    print(f"pooled over {n} development messages, {len(SEED)} files left out in turn")


if __name__ == "__main__":
    main()
