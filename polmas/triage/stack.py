"""Stacked decisions for hate speech and abusive language.

A tiny logistic meta-model per decision reads the decision scores of several linear heads (the
task's own head on the normalised text, the same task with the raw-text view, the other task,
the seven hate-target heads, and the class scores of the sentiment and emotion heads) plus four
abusive-lexicon features. An input names a binary head (``hate_speech``) or one class of a
multiclass head (``emotion:anger``). It is fitted on out-of-fold
scores of the training data only and stored as JSON (``stack.json``), so no pickle is involved.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from polmas.triage.linear import FloatArray, LinearHeads

LEXICON_FEATURES = ("lex_any_norm", "lex_log_count_norm", "lex_any_raw", "lex_log_count_raw")
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def lexicon_features(
    lexicon: frozenset[str], raw: Sequence[str], normalised: Sequence[str]
) -> FloatArray:
    """Presence and log(1 + count) of lexicon words in the normalised and the raw view."""
    out = np.zeros((len(raw), len(LEXICON_FEATURES)), dtype=np.float32)
    for i, (r, n) in enumerate(zip(raw, normalised, strict=True)):
        count_norm = sum(1 for t in n.split() if t in lexicon)
        count_raw = sum(1 for t in _WORD_RE.findall(r) if t in lexicon)
        out[i] = (count_norm > 0, math.log1p(count_norm), count_raw > 0, math.log1p(count_raw))
    return out


def input_column(heads: LinearHeads, name: str) -> int:
    """Score column of a stack input: ``head`` (its first column) or ``head:class``."""
    head_name, _, label = name.partition(":")
    head = heads.heads[head_name]
    return head.start + head.classes.index(label) if label else head.start


@dataclass(frozen=True, slots=True)
class StackedDecision:
    """``score = inputs @ weights + bias``; positive when ``score > threshold``."""

    name: str
    weights: tuple[float, ...]
    bias: float
    threshold: float


class Stack:
    """Meta-models over head scores (``inputs`` are head names) and lexicon features."""

    def __init__(
        self, inputs: Sequence[str], lexicon: frozenset[str], decisions: Sequence[StackedDecision]
    ) -> None:
        self.inputs = tuple(inputs)
        self.lexicon = lexicon
        self._columns: tuple[LinearHeads, list[int]] | None = None
        """The score columns of ``inputs`` in the last heads seen (one message's triage would
        otherwise look 21 names up again, about 15 µs)."""
        self.decisions = {d.name: d for d in decisions}
        width = len(self.inputs) + len(LEXICON_FEATURES)
        for d in decisions:
            if len(d.weights) != width:
                raise ValueError(f"stacked decision {d.name}: {len(d.weights)} weights != {width}")

    def meta_features(
        self,
        heads: LinearHeads,
        scores: FloatArray,
        raw: Sequence[str],
        normalised: Sequence[str],
    ) -> FloatArray:
        """The meta-model inputs of every row of ``scores`` (head scores, then lexicon)."""
        if self._columns is None or self._columns[0] is not heads:
            self._columns = (heads, [input_column(heads, name) for name in self.inputs])
        columns = self._columns[1]
        lex = lexicon_features(self.lexicon, raw, normalised)
        return np.hstack([scores[:, columns], lex]).astype(np.float32)

    def decision_scores(self, name: str, meta: FloatArray) -> FloatArray:
        """Meta-model scores of decision ``name`` minus its threshold (positive = true)."""
        d = self.decisions[name]
        result: FloatArray = (
            meta @ np.asarray(d.weights, dtype=np.float32) + d.bias - d.threshold
        ).astype(np.float32)
        return result

    def predict(self, name: str, meta: FloatArray) -> list[bool]:
        """Boolean decisions of ``name`` for every row of ``meta``."""
        return [bool(v) for v in self.decision_scores(name, meta) > 0]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "inputs": list(self.inputs),
            "lexicon_features": list(LEXICON_FEATURES),
            "lexicon": sorted(self.lexicon),
            "decisions": [
                {
                    "name": d.name,
                    "weights": list(d.weights),
                    "bias": d.bias,
                    "threshold": d.threshold,
                }
                for d in self.decisions.values()
            ],
        }

    def save(self, path: Path, source: str) -> None:
        """Write ``stack.json`` (``source`` names the lexicon's origin and licence)."""
        payload = {"lexicon_source": source, **self.to_dict()}
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Stack:
        """Read ``stack.json``."""
        data = json.loads(path.read_text(encoding="utf-8"))
        decisions = [
            StackedDecision(
                str(d["name"]),
                tuple(float(w) for w in d["weights"]),
                float(d["bias"]),
                float(d["threshold"]),
            )
            for d in data["decisions"]
        ]
        return cls(data["inputs"], frozenset(data["lexicon"]), decisions)
