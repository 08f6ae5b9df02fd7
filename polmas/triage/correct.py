"""Run-time mixing of the transparent rules with the models learnt from staff corrections.

``p = (1 - a) * softmax(1.5 * rule points) + a * softmax(3 * SVM scores)`` with
``a = min(0.7, n / (n + 100))`` for ``n`` corrections of that field. For urgency the rule vector
gives the rules' urgency 2 points. A ``darurat`` keyword always stays ``darurat``: corrections
may raise an urgency or lower a non-emergency one, never silence an emergency keyword.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from polmas.triage.linear import FloatArray, LinearHeads
from polmas.triage.rules import CATEGORIES, URGENCIES, RuleSet, best_category

RULE_SCALE = 1.5
MODEL_SCALE = 3.0
MAX_ALPHA = 0.7
HALF_WEIGHT_AT = 100.0


def _softmax(values: FloatArray, scale: float) -> FloatArray:
    z = values * scale
    z = z - z.max()
    e = np.exp(z)
    result: FloatArray = (e / e.sum()).astype(np.float32)
    return result


class CorrectionModels:
    """The heads of ``corrections.npz`` and how many corrections each was fitted on."""

    def __init__(self, directory: Path) -> None:
        self.heads = LinearHeads.load(directory / "corrections.npz")
        info = json.loads((directory / "corrections.json").read_text(encoding="utf-8"))
        counts = info["n"]
        if isinstance(counts, int):  # older artifacts: category corrections only
            counts = {"category": counts}
        self.counts = {str(k): int(v) for k, v in counts.items()}

    def alpha(self, field: str) -> float:
        """Weight of the corrections model of ``field`` (0 when there is no such head)."""
        if f"{field}_corrections" not in self.heads.heads:
            return 0.0
        n = self.counts.get(field, 0)
        return min(MAX_ALPHA, n / (n + HALF_WEIGHT_AT))

    def _mix(
        self, field: str, labels: tuple[str, ...], rule_vec: FloatArray, row: FloatArray
    ) -> str:
        head = self.heads.heads[f"{field}_corrections"]
        alpha = self.alpha(field)
        mixed = (1 - alpha) * _softmax(rule_vec, RULE_SCALE)
        model = _softmax(row[head.start : head.stop], MODEL_SCALE)
        for i, label in enumerate(head.classes):
            mixed[labels.index(label)] += alpha * model[i]
        return labels[int(np.argmax(mixed))]

    def category(self, scores: dict[str, float], row: FloatArray, rules: RuleSet) -> str:
        """Category from rule points mixed with the category corrections model."""
        if self.alpha("category") == 0.0:
            return best_category(scores, rules)
        rule_vec = np.array([scores.get(c, 0.0) for c in CATEGORIES], dtype=np.float32)
        rule_vec[CATEGORIES.index("lainnya")] = 0.5 if not scores else 0.0
        return self._mix("category", CATEGORIES, rule_vec, row)

    def urgency(self, rule_urgency: str, row: FloatArray) -> str:
        """Urgency from the rules' urgency mixed with the urgency corrections model."""
        if rule_urgency == "darurat" or self.alpha("urgency") == 0.0:
            return rule_urgency
        rule_vec = np.zeros(len(URGENCIES), dtype=np.float32)
        rule_vec[URGENCIES.index(rule_urgency)] = 2.0
        return self._mix("urgency", URGENCIES, rule_vec, row)
