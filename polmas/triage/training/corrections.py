"""Category and urgency models learnt from labelled messages: the seed labels shipped in
``polmas/triage/labels/`` and the staff's corrections.

Input: one or more files of JSONL lines ``{"text", "category"}``, ``{"text", "urgency"}`` or
both fields. Each field is learnt on its own: a linear SVM on the same hashed features, stored
as one head each (``category_corrections``, ``urgency_corrections``) in ``corrections.npz``. At
run time a head's softmax is mixed with the rules' softmax:
``p = (1 - a) * p_rules + a * p_corrections`` with ``a = min(0.7, n / (n + 100))`` for ``n``
labels of that field, so a handful nudges and a few hundred dominate, while the rules stay in
play (see docs/triage/category-urgency.md).

A file can weigh more than another: ``polmas triage train`` gives each staff correction the
weight :data:`STAFF_WEIGHT` against 1 for a seed label.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from polmas.triage.features import featurise
from polmas.triage.linear import Head, LinearHeads, prune_top_k
from polmas.triage.ruleset import CATEGORIES, URGENCIES
from polmas.triage.training.fit import fit_multiclass

KEEP_PER_COLUMN = 5_000
"""Weights kept per class column. 20,000 cost about 40 µs per message in the joint product;
5,000 gave the same leave-one-file-out figures on dev3 (``category_check.py --seed-cv``:
category 0.780 against 0.775, urgency 0.775 both) at about no extra cost."""
STAFF_WEIGHT = 3.0
"""How much one staff correction weighs against one seed label when they are fitted together.
The seed labels were written by sessions of a language model from the labelling guide; a staff
correction is an officer's verdict on a resident's real message, the data the model is for. A
correction that contradicts the seed about a kind of message should win from a few examples,
not from as many as the seed holds. 3 is a judgement, not a measurement: no staff corrections
exist yet to measure it on (docs/triage/category-urgency.md, "Learning from staff corrections")."""
FIELDS = {"category": CATEGORIES, "urgency": URGENCIES}


@dataclass(slots=True)
class Corrections:
    """Valid corrections per field (``category``/``urgency``) and the problems found."""

    texts: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    labels: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    weights: dict[str, list[float]] = field(default_factory=lambda: {f: [] for f in FIELDS})
    problems: list[str] = field(default_factory=list)


def read_corrections(path: Path, weight: float = 1.0) -> Corrections:
    """Read a corrections JSONL file; a line counts, with ``weight``, for every valid field it
    carries."""
    result = Corrections()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                item = json.loads(raw.decode("utf-8"))
                text = item["text"]
            except (ValueError, KeyError, TypeError) as exc:
                result.problems.append(f"line {number}: {exc.__class__.__name__}")
                continue
            found = [
                name
                for name, allowed in FIELDS.items()
                if isinstance(item, dict) and item.get(name) in allowed
            ]
            if not isinstance(text, str) or not found:
                result.problems.append(f"line {number}: no known category/urgency or non-text")
                continue
            for name in found:
                result.texts[name].append(text)
                result.labels[name].append(item[name])
                result.weights[name].append(weight)
    return result


def read_all(
    paths: Sequence[Path], weights: Sequence[float] | None = None
) -> tuple[Corrections, dict[str, int]]:
    """Every file's valid lines together (a problem names its file), and lines per file.
    ``weights`` gives each file's weight (default 1 each)."""
    if weights is None:
        weights = [1.0] * len(paths)
    if len(weights) != len(paths) or not all(math.isfinite(w) and w > 0 for w in weights):
        raise ValueError("one positive weight per label file")
    merged = Corrections()
    per_file: dict[str, int] = {}
    for path, weight in zip(paths, weights, strict=True):
        found = read_corrections(path, weight)
        per_file[path.name] = len({t for name in FIELDS for t in found.texts[name]})
        for name in FIELDS:
            merged.texts[name].extend(found.texts[name])
            merged.labels[name].extend(found.labels[name])
            merged.weights[name].extend(found.weights[name])
        merged.problems.extend(f"{path.name}: {problem}" for problem in found.problems)
    return merged, per_file


def train_corrections(
    paths: Sequence[Path],
    out: Path,
    slang: dict[str, str],
    lexicon: dict[str, str] | None = None,
    weights: Sequence[float] | None = None,
) -> dict[str, Any]:
    """Fit the corrections heads on all ``paths`` into ``out/corrections.npz``, each file's
    lines weighted by ``weights`` (default 1 each); returns manifest info. ``n`` counts labels,
    not weights: the run-time mixing weight depends on how many messages were labelled."""
    weights = [1.0] * len(paths) if weights is None else list(weights)
    found, per_file = read_all(paths, weights)  # checks the weights
    info: dict[str, Any] = {
        "files": per_file,
        "weights": {p.name: float(w) for p, w in zip(paths, weights, strict=True)},
        "n": {name: len(found.texts[name]) for name in FIELDS},
        "problems": found.problems[:20],
    }
    columns: list[sparse.csc_matrix] = []
    biases: list[float] = []
    heads: list[Head] = []
    for name, allowed in FIELDS.items():
        labels = found.labels[name]
        classes = tuple(c for c in allowed if c in set(labels))
        if len(classes) < 2:
            info[f"{name}_model"] = "none (needs corrections with at least two values)"
            continue
        x = featurise(found.texts[name], slang, lexicon)
        coef, bias = fit_multiclass(x, labels, classes, sample_weight=found.weights[name])
        start = sum(c.shape[1] for c in columns)
        columns.append(prune_top_k(coef, KEEP_PER_COLUMN))
        biases.extend(float(b) for b in bias)
        heads.append(
            Head(f"{name}_corrections", "multiclass", classes, start, start + len(classes))
        )
        info[f"{name}_model"] = list(classes)
    target = out / "corrections.npz"
    if not heads:
        target.unlink(missing_ok=True)
        (out / "corrections.json").unlink(missing_ok=True)
        return info
    weights = sparse.hstack(columns, format="csr")
    LinearHeads(weights, np.asarray(biases, dtype=np.float32), heads).save(target)
    (out / "corrections.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return info
