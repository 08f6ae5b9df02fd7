"""Category model learnt from staff corrections (JSONL lines ``{"text", "category"}``).

The model is a linear SVM on the same hashed features, stored as ``corrections.npz``. At run time
its softmax is mixed with the rules' softmax: ``p = (1 - a) * p_rules + a * p_corrections`` with
``a = min(0.7, n / (n + 100))`` for ``n`` corrections, so a handful of corrections nudges and a
few hundred dominate, while the rules stay in play (see docs/triage.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from polmas.triage.features import featurise
from polmas.triage.linear import Head, LinearHeads, prune_top_k
from polmas.triage.rules import CATEGORIES
from polmas.triage.training.fit import fit_multiclass

KEEP_PER_COLUMN = 20_000


def read_corrections(path: Path) -> tuple[list[str], list[str], list[str]]:
    """Valid (text, category) pairs and the list of problems found (line numbers)."""
    texts: list[str] = []
    cats: list[str] = []
    problems: list[str] = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                item = json.loads(raw.decode("utf-8"))
                text, cat = item["text"], item["category"]
            except (ValueError, KeyError, TypeError) as exc:
                problems.append(f"line {number}: {exc.__class__.__name__}")
                continue
            if not isinstance(text, str) or cat not in CATEGORIES:
                problems.append(f"line {number}: unknown category or non-text")
                continue
            texts.append(text)
            cats.append(cat)
    return texts, cats, problems


def train_corrections(path: Path, out: Path, slang: dict[str, str]) -> dict[str, Any]:
    """Fit the corrections model into ``out/corrections.npz``; returns manifest info."""
    texts, cats, problems = read_corrections(path)
    classes = tuple(c for c in CATEGORIES if c in set(cats))
    info: dict[str, Any] = {
        "file": path.name,
        "n": len(texts),
        "problems": problems[:20],
    }
    target = out / "corrections.npz"
    if len(classes) < 2:
        target.unlink(missing_ok=True)
        (out / "corrections.json").unlink(missing_ok=True)
        info["model"] = "none (needs corrections of at least two categories)"
        return info
    coef, bias = fit_multiclass(featurise(texts, slang), cats, classes)
    head = Head("category_corrections", "multiclass", classes, 0, len(classes))
    weights = sparse.csr_matrix(prune_top_k(coef, KEEP_PER_COLUMN))
    LinearHeads(weights, np.asarray(bias, dtype=np.float32), [head]).save(target)
    info["model"] = "corrections.npz"
    info["classes"] = list(classes)
    (out / "corrections.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return info
