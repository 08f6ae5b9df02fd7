"""The learned parameters of the matcher and how they are stored (JSON + .npz, no pickle).

What is stored (all derived numbers, no sentence or phrase of any fact-check):
- ``title_weight``: per stemmed token, how often a headline word also appears in the rumour
  (smoothed rate, learned on the training split). Fact-checker words such as "video" or "tautan"
  get a low weight, so their absence from a resident's message costs little.
- ``assoc``: per stemmed query token, up to a few stemmed headline tokens it predicts, with a
  probability (learned on training pairs: "loker" -> "lowong", "daftar" -> "taut").
- ``neighbours``: per stemmed token, its nearest tokens in PPMI-SVD word vectors trained on the
  shared NLP corpora and the training split's texts, with cosine similarity.
- ``slang``: single-token slang -> formal map (derived from new_kamusalay.csv, CC BY-NC-SA 4.0).
- ``coef``/``intercept``: the logistic learning-to-rank weights over the features in
  ``FEATURE_NAMES``; ``thresholds``: the confidence policy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

ARTIFACT_DIR = Path(__file__).resolve().parent / "artifacts"
MODEL_JSON = "model.json"
MODEL_NPZ = "model.npz"

FEATURE_NAMES: tuple[str, ...] = (
    "bm25",
    "coverage",
    "coverage_weighted",
    "coverage_assoc",
    "coverage_semantic",
    "bigram",
    "char_tfidf",
    "missing_mass",
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Confidence policy: ``confident`` needs both ``confident_score`` and ``confident_margin``;
    a best score below ``none_score`` means no known fact-check matches."""

    confident_score: float = 0.8
    confident_margin: float = 0.2
    none_score: float = 0.1


@dataclass(slots=True)
class MatcherModel:
    """Everything the index needs beyond the knowledge base itself."""

    coef: NDArray[np.float64]
    intercept: float
    title_weight: dict[str, float] = field(default_factory=dict)
    title_weight_default: float = 0.7
    assoc: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    neighbours: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    slang: dict[str, str] = field(default_factory=dict)
    thresholds: Thresholds = field(default_factory=Thresholds)

    @classmethod
    def untrained(cls) -> MatcherModel:
        """Hand-set weights (used when no artifact exists, e.g. in a fresh checkout's tests)."""
        coef = np.zeros(2 * len(FEATURE_NAMES), dtype=np.float64)
        # normalised bm25, coverage, weighted coverage, char
        coef[0], coef[1], coef[2], coef[6] = 1.0, 1.0, 2.0, 4.0
        return cls(coef=coef, intercept=-6.0)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        doc = {
            "feature_names": list(FEATURE_NAMES),
            "intercept": self.intercept,
            "title_weight_default": self.title_weight_default,
            "title_weight": self.title_weight,
            "assoc": {k: [[t, round(p, 4)] for t, p in v] for k, v in self.assoc.items()},
            "neighbours": {k: [[t, round(p, 4)] for t, p in v] for k, v in self.neighbours.items()},
            "slang": self.slang,
            "thresholds": {
                "confident_score": self.thresholds.confident_score,
                "confident_margin": self.thresholds.confident_margin,
                "none_score": self.thresholds.none_score,
            },
        }
        text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        (directory / MODEL_JSON).write_text(text, encoding="utf-8")
        np.savez_compressed(directory / MODEL_NPZ, coef=self.coef.astype(np.float64))

    @classmethod
    def load(cls, directory: Path | None = None) -> MatcherModel:
        folder = directory or ARTIFACT_DIR
        doc = json.loads((folder / MODEL_JSON).read_text(encoding="utf-8"))
        if tuple(doc["feature_names"]) != FEATURE_NAMES:
            raise ValueError("model artifact was trained with a different feature set")
        with np.load(folder / MODEL_NPZ, allow_pickle=False) as npz:
            coef = np.asarray(npz["coef"], dtype=np.float64)
        th = doc["thresholds"]
        return cls(
            coef=coef,
            intercept=float(doc["intercept"]),
            title_weight={k: float(v) for k, v in doc["title_weight"].items()},
            title_weight_default=float(doc["title_weight_default"]),
            assoc={k: [(t, float(p)) for t, p in v] for k, v in doc["assoc"].items()},
            neighbours={k: [(t, float(p)) for t, p in v] for k, v in doc["neighbours"].items()},
            slang=dict(doc["slang"]),
            thresholds=Thresholds(
                confident_score=float(th["confident_score"]),
                confident_margin=float(th["confident_margin"]),
                none_score=float(th["none_score"]),
            ),
        )

    @classmethod
    def load_default(cls) -> MatcherModel:
        """The committed artifact, or the untrained fallback when it is missing."""
        if (ARTIFACT_DIR / MODEL_JSON).exists() and (ARTIFACT_DIR / MODEL_NPZ).exists():
            return cls.load(ARTIFACT_DIR)
        return cls.untrained()
