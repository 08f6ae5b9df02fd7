"""Run-time mixing of the transparent rules with the models learnt from staff corrections.

``p = (1 - a) * softmax(1.5 * rule points) + a * softmax(4 * SVM scores)`` with
``a = min(0.7, n / (n + 100))`` for ``n`` corrections of that field. For urgency the rule vector
gives the rules' urgency 2 points. The rules' ``darurat`` stays ``darurat`` unless the urgency
model, fitted on at least ``DOUBT_MIN_LABELS`` labels with ``darurat`` among them, gives darurat a
probability below ``DARURAT_DOUBT``: then the message is mixed as if the rules had said ``tinggi``
(a song that "cuts the heart like a machete", potholes "as if shelled"). Corrections may
raise an urgency or lower one, but an emergency keyword is only doubted by a model that has
learnt what emergencies look like.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from polmas.triage.linear import FloatArray, LinearHeads
from polmas.triage.rules import best_category
from polmas.triage.ruleset import CATEGORIES, URGENCIES, RuleSet

RULE_SCALE = 1.5
MODEL_SCALE = 4.0
MAX_ALPHA = 0.7
HALF_WEIGHT_AT = 100.0
DARURAT_DOUBT = 0.005
"""The urgency model's own probability of ``darurat`` (``softmax(MODEL_SCALE * SVM scores)``,
without the mixing weight) below which it lowers a darurat of the rules; chosen
leave-one-file-out over the development files (``benchmarks/triage/darurat_doubt.py``): 0 keeps
every darurat of the rules."""
DOUBT_MIN_LABELS = 1000
"""Labelled urgencies an urgency model needs before it may doubt a darurat of the rules."""
FIELD_LABELS: dict[str, tuple[str, ...]] = {"category": CATEGORIES, "urgency": URGENCIES}
DARURAT = URGENCIES.index("darurat")


class CorrectionModels:
    """The heads of ``corrections.npz`` and how many corrections each was fitted on."""

    def __init__(self, directory: Path) -> None:
        self.heads = LinearHeads.load(directory / "corrections.npz")
        info = json.loads((directory / "corrections.json").read_text(encoding="utf-8"))
        counts = info["n"]
        if isinstance(counts, int):  # older artifacts: category corrections only
            counts = {"category": counts}
        self.counts = {str(k): int(v) for k, v in counts.items()}
        self.alphas: dict[str, float] = {}
        self.reweigh()
        urgency_head = self.heads.heads.get("urgency_corrections")
        self.may_doubt = (
            urgency_head is not None
            and "darurat" in urgency_head.classes
            and self.counts.get("urgency", 0) >= DOUBT_MIN_LABELS
        )
        """Whether the urgency model may lower a darurat of the rules (see ``DARURAT_DOUBT``)."""
        self.positions = {
            field: [labels.index(c) for c in self.heads.heads[f"{field}_corrections"].classes]
            for field, labels in FIELD_LABELS.items()
            if self.alphas[field] > 0.0
        }
        """Field -> for each column of its head, the position of its label in ``CATEGORIES`` /
        ``URGENCIES``."""

    def reweigh(self) -> None:
        """Compute each field's weight from the module's ``MAX_ALPHA`` (once at load, not per
        message; ``benchmarks/triage/mixing_grid.py`` calls it again for each setting)."""
        self.alphas = {field: self._weight(field) for field in FIELD_LABELS}

    def _weight(self, field: str) -> float:
        if f"{field}_corrections" not in self.heads.heads:
            return 0.0
        n = self.counts.get(field, 0)
        return min(MAX_ALPHA, n / (n + HALF_WEIGHT_AT))

    def alpha(self, field: str) -> float:
        """Weight of the corrections model of ``field`` (0 when there is no such head); computed
        once at load, not per message."""
        return self.alphas[field]

    def weighted_probs(self, field: str, scores: FloatArray) -> list[list[float]] | None:
        """``a * softmax(4 * SVM scores)`` of ``field`` for every row of ``scores`` (the scores
        of ``self.heads``), one value per label of the field in the order of ``CATEGORIES`` /
        ``URGENCIES``; None when the field has no model. Computed for a whole batch at once,
        so that the per-message mixing is a few operations on short lists."""
        alpha = self.alpha(field)
        if alpha == 0.0:
            return None
        labels = FIELD_LABELS[field]
        head = self.heads.heads[f"{field}_corrections"]
        z = scores[:, head.start : head.stop].astype(np.float64) * MODEL_SCALE
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs = e / e.sum(axis=1, keepdims=True)
        out = np.zeros((scores.shape[0], len(labels)))
        out[:, self.positions[field]] = alpha * probs
        result: list[list[float]] = out.tolist()
        return result

    def _mix(self, field: str, rule_values: list[float], weighted: list[float]) -> str:
        """The label maximising ``(1 - a) * softmax(1.5 * rule values) + weighted``."""
        top = max(rule_values) * RULE_SCALE
        e = [math.exp(v * RULE_SCALE - top) for v in rule_values]
        keep = (1.0 - self.alpha(field)) / sum(e)
        mixed = [keep * r + m for r, m in zip(e, weighted, strict=True)]
        return FIELD_LABELS[field][mixed.index(max(mixed))]

    def category(
        self, scores: dict[str, float], weighted: list[float] | None, rules: RuleSet
    ) -> str:
        """Category from rule points mixed with the category model's row of
        :meth:`weighted_probs`."""
        if weighted is None:
            return best_category(scores, rules)
        rule_values = [scores.get(c, 0.0) for c in CATEGORIES]
        rule_values[CATEGORIES.index("lainnya")] = 0.5 if not scores else 0.0
        return self._mix("category", rule_values, weighted)

    def urgency(self, rule_urgency: str, weighted: list[float] | None) -> str:
        """Urgency from the rules' urgency mixed with the urgency model's row of
        :meth:`weighted_probs`; a darurat of the rules stays unless the model doubts it (see
        ``DARURAT_DOUBT``)."""
        if weighted is None:
            return rule_urgency
        if rule_urgency == "darurat":
            if not self.may_doubt or weighted[DARURAT] >= DARURAT_DOUBT * self.alpha("urgency"):
                return rule_urgency
            rule_urgency = "tinggi"  # doubted: mixed as if the rules had said tinggi
        rule_values = [2.0 if u == rule_urgency else 0.0 for u in URGENCIES]
        return self._mix("urgency", rule_values, weighted)
