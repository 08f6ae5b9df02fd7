"""``hoax train``: reproducible training from the shared data; writes artifacts + manifest."""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np
import scipy
import sklearn

from polmas.hoaxes.matching import data
from polmas.hoaxes.matching.evaluate import compare, format_table
from polmas.hoaxes.matching.index import HoaxIndex, KBEntry
from polmas.hoaxes.matching.learn import (
    calibrate_thresholds,
    filter_slang,
    fit_ranker,
    learn_neighbours,
    learn_title_stats,
    policy_outcomes,
    ranking_examples,
)
from polmas.hoaxes.matching.model import (
    ARTIFACT_DIR,
    MODEL_JSON,
    MODEL_NPZ,
    MatcherModel,
)
from polmas.hoaxes.matching.text import clean_narration

SEED = 20260701
VECTOR_DIM = 160
N_FOLDS = 3
N_CANDIDATES = 40
RANKER_C = 1.0


@dataclass(frozen=True, slots=True)
class DevSet:
    """The development data: knowledge base (all titles) and the date-split queries."""

    entries: list[KBEntry]
    train: list[data.FactCheck]
    valid: list[data.FactCheck]
    position: dict[str, int]

    def queries(self, rows: Sequence[data.FactCheck]) -> tuple[list[str], list[int]]:
        return [r.narasi for r in rows], [self.position[r.id] for r in rows]


def load_devset(train_fraction: float = 0.7) -> DevSet:
    rows = data.load_turnbackhoax()
    entries = [KBEntry(id=r.id, title=r.title) for r in rows]
    train, valid = data.split_by_date(rows, train_fraction)
    return DevSet(
        entries=entries,
        train=[r for r in train if r.narasi],
        valid=[r for r in valid if r.narasi],
        position={e.id: i for i, e in enumerate(entries)},
    )


def _unsupervised_texts(train: Sequence[data.FactCheck]) -> list[str]:
    texts = data.nlp_texts()
    for r in train:
        texts.extend([r.title, clean_narration(r.narasi), r.penjelasan, r.kesimpulan])
    return texts


def train_model(dev: DevSet, log: TextIO) -> MatcherModel:
    """Fit every learned component on the training split only."""
    t0 = time.perf_counter()
    texts = _unsupervised_texts(dev.train)
    slang = filter_slang(data.load_slang(), texts)
    neighbours = learn_neighbours(texts, slang, dim=VECTOR_DIM, seed=SEED)
    log.write(f"word vectors: {len(neighbours)} tokens ({time.perf_counter() - t0:.1f}s)\n")

    pairs = [(r.narasi, r.title) for r in dev.train]
    # Cross-fitting: the ranker sees headline weights/associations learned without its query.
    folds = np.array_split(np.arange(len(pairs)), N_FOLDS)
    xs, ys = [], []
    for fold in folds:
        held = set(fold.tolist())
        fit_pairs = [p for i, p in enumerate(pairs) if i not in held]
        weights, prior, assoc = learn_title_stats(fit_pairs, slang)
        fold_model = MatcherModel.untrained()
        fold_model.title_weight, fold_model.title_weight_default = weights, prior
        fold_model.assoc, fold_model.neighbours, fold_model.slang = (
            assoc,
            neighbours,
            slang,
        )
        index = HoaxIndex(dev.entries, fold_model)
        queries, gold = dev.queries([dev.train[i] for i in fold])
        x, y = ranking_examples(index, queries, gold, N_CANDIDATES)
        xs.append(x)
        ys.append(y)
    coef, intercept = fit_ranker(np.vstack(xs), np.concatenate(ys), RANKER_C)
    weights, prior, assoc = learn_title_stats(pairs, slang)
    log.write(f"ranker fitted ({time.perf_counter() - t0:.1f}s)\n")
    return MatcherModel(
        coef=coef,
        intercept=intercept,
        title_weight=weights,
        title_weight_default=prior,
        assoc=assoc,
        neighbours=neighbours,
        slang=slang,
    )


def _manifest(
    model_dir: Path,
    dev: DevSet,
    results: dict[str, dict[str, float]],
    policy: dict[str, float],
) -> dict[str, object]:
    shared = data.shared_data_dir()
    files = [shared / data.TBH_RELATIVE, *data.nlp_files()]
    artifacts = {
        name: {
            "bytes": (model_dir / name).stat().st_size,
            "sha256": data.sha256_of(model_dir / name),
        }
        for name in (MODEL_JSON, MODEL_NPZ)
    }
    return {
        "component": "polmas.hoaxes.matching",
        "command": "hoax train",
        "seed": SEED,
        "vector_dim": VECTOR_DIM,
        "folds": N_FOLDS,
        "ranker_C": RANKER_C,
        "split": {
            "rule": "TurnBackHoax rows with narasi sorted by date; oldest 70% train, rest valid",
            "train_queries": len(dev.train),
            "valid_queries": len(dev.valid),
            "train_last_date": str(max(r.day for r in dev.train if r.day)),
            "valid_first_date": str(min(r.day for r in dev.valid if r.day)),
            "knowledge_base": f"all {len(dev.entries)} titles (from URL slugs)",
        },
        "data_files": {str(p.relative_to(shared)): data.sha256_of(p) for p in files if p.exists()},
        "artifacts": artifacts,
        "stored": "per-token numbers only: stemmed-token weights, token->token associations "
        "and nearest-neighbour lists, a slang->formal word map (new_kamusalay, CC BY-NC-SA "
        "4.0), ranker coefficients and thresholds; no sentence or phrase of TurnBackHoax text",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__,
        },
        "validation_metrics": results,
        "policy_on_validation": policy,
    }


def run_train(out_dir: Path | None, log: TextIO) -> int:
    model_dir = out_dir or ARTIFACT_DIR
    dev = load_devset()
    log.write(f"train queries {len(dev.train)}, validation queries {len(dev.valid)}\n")
    model = train_model(dev, log)
    index = HoaxIndex(dev.entries, model)
    queries, gold = dev.queries(dev.valid)
    present, absent = policy_outcomes(index, queries, gold)
    model.thresholds, policy = calibrate_thresholds(present, absent)
    model.save(model_dir)
    results = compare(dev.entries, index, queries, gold)
    log.write(format_table(results) + "\n")
    log.write(f"thresholds: {model.thresholds}\npolicy on validation: {policy}\n")
    manifest = _manifest(model_dir, dev, results, policy)
    (model_dir / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    log.write(f"wrote {model_dir}\n")
    return 0


def run_evaluate(model_dir: Path | None, log: TextIO) -> int:
    dev = load_devset()
    model = MatcherModel.load(model_dir) if model_dir else MatcherModel.load_default()
    index = HoaxIndex(dev.entries, model)
    queries, gold = dev.queries(dev.valid)
    log.write(
        f"validation: {len(queries)} newer TurnBackHoax narasi -> {len(dev.entries)} titles\n"
    )
    log.write(format_table(compare(dev.entries, index, queries, gold)) + "\n")
    return 0
