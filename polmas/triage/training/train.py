"""``triage train``: reproducible training of every head from the shared data.

Writes into the output folder: ``models.npz`` (all heads), ``slang.json``, ``gazetteer.json``,
optionally ``corrections.npz`` and ``manifest.json`` (data checksums, seeds, versions, metrics).
"""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path
from typing import Any

import numpy as np
import scipy
import sklearn
from numpy.typing import NDArray
from scipy import sparse

from polmas.triage.features import N_FEATURES, featurise
from polmas.triage.gazetteer import Gazetteer
from polmas.triage.linear import Head, LinearHeads, prune_top_k
from polmas.triage.normalise import merge_slang
from polmas.triage.training import corrections as corr
from polmas.triage.training import fit
from polmas.triage.training.data import (
    HATE_HOLDOUT,
    HATE_SEED,
    HATE_STRENGTHS,
    HATE_TARGETS,
    NUSAX_LANGS,
    data_files,
    load_emot,
    load_hate,
    load_nusax,
    load_slang,
    load_smsa,
    sha256,
)
from polmas.triage.training.metrics import evaluate_baseline, evaluate_heads

SENTIMENT = ("negative", "neutral", "positive")
EMOTIONS = ("anger", "fear", "happy", "love", "sadness")
KEEP_PER_COLUMN = 100_000


def _log(msg: str) -> None:
    print(f"[triage train] {msg}", flush=True)


def build_heads(data: Path, slang: dict[str, str]) -> LinearHeads:
    """Fit every head; returns the pruned model."""
    columns: list[NDArray[np.float64]] = []
    biases: list[float] = []
    heads: list[Head] = []

    def add(
        name: str, kind: str, classes: tuple[str, ...], coef: Any, bias: Any, th: float
    ) -> None:
        start = sum(c.shape[1] for c in columns)
        columns.append(np.asarray(coef))
        biases.extend(float(b) for b in np.atleast_1d(bias))
        heads.append(Head(name, kind, classes, start, start + coef.shape[1], th))

    texts, labels = (
        list(load_smsa(data, "train").texts),
        list(load_smsa(data, "train").labels),
    )
    for lang in NUSAX_LANGS:
        split = load_nusax(data, lang, "train")
        texts += split.texts
        labels += split.labels
    _log(f"sentiment: {len(texts)} texts (SmSA + NusaX id/jv/su)")
    coef, bias = fit.fit_multiclass(featurise(texts, slang), labels, SENTIMENT)
    add("sentiment", "multiclass", SENTIMENT, coef, bias, 0.0)

    emot = load_emot(data, "train")
    _log(f"emotion: {len(emot.texts)} texts")
    coef, bias = fit.fit_multiclass(featurise(emot.texts, slang), emot.labels, EMOTIONS)
    add("emotion", "multiclass", EMOTIONS, coef, bias, 0.0)

    hate_train, _ = load_hate(data)
    x = featurise([r.text for r in hate_train], slang)
    for name, attr in (("hate_speech", "hs"), ("abusive", "abusive")):
        y = [bool(getattr(r, attr)) for r in hate_train]
        threshold = fit.inner_cv_threshold(x, y)
        coef, b = fit.fit_binary(x, y)
        _log(f"{name}: {len(y)} texts, inner-CV threshold {threshold:+.3f}")
        add(name, "binary", ("true",), coef, b, threshold)
    for target in HATE_TARGETS:
        coef, b = fit.fit_binary(x, [target in r.targets for r in hate_train])
        add(f"target_{target}", "binary", ("true",), coef, b, 0.0)
    hs_idx = [i for i, r in enumerate(hate_train) if r.hs and r.strength]
    coef, bias = fit.fit_multiclass(
        x[hs_idx], [hate_train[i].strength for i in hs_idx], HATE_STRENGTHS
    )
    add("hate_strength", "multiclass", HATE_STRENGTHS, coef, bias, 0.0)

    dense = np.hstack(columns)
    assert dense.shape[0] == N_FEATURES
    weights = prune_top_k(dense, KEEP_PER_COLUMN)
    return LinearHeads(sparse.csr_matrix(weights), np.asarray(biases, dtype=np.float32), heads)


def train(data: Path, out: Path, corrections_file: Path | None = None) -> dict[str, Any]:
    """Train everything from ``data`` into ``out``; returns the manifest."""
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    kamus = load_slang(data)
    (out / "slang.json").write_text(
        json.dumps(
            {
                "source": "new_kamusalay.csv, Ibrohim & Budi 2019, CC BY-NC-SA 4.0",
                "entries": dict(sorted(kamus.items())),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    slang = merge_slang(kamus)
    gaz = Gazetteer.from_wilayah_csv(data / "regions" / "indramayu_wilayah.csv")
    gaz.to_json(out / "gazetteer.json", "indramayu_wilayah.csv, cahyadsn/wilayah, MIT")

    model = build_heads(data, slang)
    model.save(out / "models.npz")
    _log("evaluating the saved model on validation / held-out data")
    reloaded = LinearHeads.load(out / "models.npz")
    metrics = evaluate_heads(reloaded, data, slang)
    _log("computing the baseline (TF-IDF word 1-2 + char 2-5, LinearSVC) in the same run")
    baseline = evaluate_baseline(data)

    corrections_info: dict[str, Any] | None = None
    if corrections_file is not None:
        corrections_info = corr.train_corrections(corrections_file, out, slang)
        corrections_info["sha256"] = sha256(corrections_file)
    else:
        (out / "corrections.npz").unlink(missing_ok=True)
        (out / "corrections.json").unlink(missing_ok=True)

    manifest: dict[str, Any] = {
        "created_by": "polmas triage train",
        "seeds": {"svm": fit.SEED, "hate_holdout_split": HATE_SEED},
        "hate_holdout_fraction": HATE_HOLDOUT,
        "features": "hashing word 1-2 + char_wb 3-5 of normalised text, 2 x 2^20, binary, l2",
        "classifier": f"LinearSVC C={fit.C_VALUE}, one-vs-rest; top {KEEP_PER_COLUMN} "
        "weights per column kept, float16",
        "heads": {h.name: list(h.classes) for h in reloaded.heads.values()},
        "thresholds": {h.name: h.threshold for h in reloaded.heads.values() if h.kind == "binary"},
        "data_files": {str(p.relative_to(data)): sha256(p) for p in data_files(data) if p.exists()},
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__,
        },
        "validation_metrics": metrics,
        "baseline_metrics": baseline,
        "corrections": corrections_info,
        "artifact_sizes_bytes": {
            p.name: p.stat().st_size for p in sorted(out.iterdir()) if p.is_file()
        },
        "training_seconds": round(time.perf_counter() - started, 1),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    _log(f"done in {manifest['training_seconds']} s -> {out}")
    return manifest
