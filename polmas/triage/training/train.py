"""``triage train``: reproducible training of every head from the shared data.

Writes into the output folder: ``models.npz`` (all heads), ``slang.json``, ``lexicon.json``,
``gazetteer.json``, ``corrections.npz`` (category and urgency from the seed labels and the staff's
corrections) and ``manifest.json`` (data checksums, seeds, versions, metrics).
"""

from __future__ import annotations

import json
import platform
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy
import sklearn
from numpy.typing import NDArray
from scipy import sparse

from polmas.triage.features import (
    N_FEATURES,
    N_NORMALISED,
    N_RAW,
    featurise,
    featurise_views,
    raw_view,
    unescape,
)
from polmas.triage.gazetteer import Gazetteer
from polmas.triage.linear import Head, LinearHeads, prune_top_k
from polmas.triage.normalise import SlangTable, normalise_fast
from polmas.triage.paths import RULES_DIR, SEED_LABEL_FILES
from polmas.triage.stack import Stack, StackedDecision, lexicon_features
from polmas.triage.training import align, fit, sentiment, stacking
from polmas.triage.training import corrections as corr
from polmas.triage.training.data import (
    HATE_HOLDOUT,
    HATE_SEED,
    HATE_STRENGTHS,
    HATE_TARGETS,
    data_files,
    load_abusive_lexicon,
    load_emot,
    load_hate,
    load_slang,
    sha256,
    training_split,
)
from polmas.triage.training.metrics import evaluate_baseline, evaluate_heads

SENTIMENT = ("negative", "neutral", "positive")
EMOTIONS = ("anger", "fear", "happy", "love", "sadness")
KEEP_PER_COLUMN = 100_000
NEUTRAL_BIAS = 0.15
"""Added to the neutral intercept; chosen on id-grouped 5-fold CV of the sentiment training data
(mean macro-F1 of SmSA, Javanese and Sundanese rows), not on the validation files. Re-checked
with the pseudo-Indonesian view, the translated SmSA rows and the NB-SVM blend."""
SENTIMENT_NB_WEIGHT = 0.25
SENTIMENT_NB_C = 0.3
SENTIMENT_NB_ALPHA = 1.0
"""The sentiment head is ``(svm + w * nbsvm) / (1 + w)``, folded into one set of weights (the same
run-time cost as one SVM). Weight, C, alpha and the neutral bias were chosen together on the same
grouped CV (``benchmarks/triage/select_sentiment.py --nb``)."""
EMOTION_NB_WEIGHT = 1.0
"""The emotion head is the same blend on the normalised-text blocks (NB-SVM C=0.3, alpha=0.25).
Stratified 5-fold CV of EmoT train (``benchmarks/triage/select_emotion.py``), macro-F1: SVM alone
0.684, w=0.5 0.700, w=1 0.699, w=4 0.703 (a plateau from 0.5 on; 1 is the plain average); the
baseline recipe 0.677. C (0.3 to 1) and adding the raw-text view moved it by less than 0.005."""
LEXICON_SOURCE = "abusive.csv, Ibrohim & Budi 2019, CC BY-NC-SA 4.0"


def _log(msg: str) -> None:
    print(f"[triage train] {msg}", flush=True)


STACK_INPUTS = (
    "hate_speech",
    "hate_speech_raw",
    "abusive",
    "abusive_raw",
    *(f"target_{t}" for t in HATE_TARGETS),
    "hate_speech_nb",
    "abusive_nb",
)
NB_HEADS = frozenset({"hate_speech_nb", "abusive_nb"})
"""Stack inputs fitted as NB-SVM (:func:`fit.fit_nb_binary`) on blocks 1-3 instead of a plain SVM.
Chosen on out-of-fold stack F1 of the 80 % training part (``benchmarks/triage/select_stack.py``)."""
AFFECT_INPUTS = tuple(f"sentiment:{c}" for c in SENTIMENT) + tuple(f"emotion:{e}" for e in EMOTIONS)
"""Class scores of the sentiment and emotion heads, read by the hate-speech meta-model only. Those
heads never see a hate-speech row, so their scores of the training rows need no cross-fitting.
Out-of-fold stack F1 of the 80 % training part, meta-level seeds 1-5: hate speech higher under
every seed (0.853-0.854 -> 0.856-0.857), abusive lower under every seed (by 0.0004-0.0010), so
abusive keeps its old inputs (``benchmarks/triage/select_stack.py``)."""
DECISION_INPUTS = {
    "hate_speech": STACK_INPUTS + AFFECT_INPUTS,
    "abusive": STACK_INPUTS,
}
"""The inputs each stacked decision reads; the weights of the others are stored as 0."""


class _HeadBuilder:
    """Collects pruned weight columns (padded to all feature blocks) and the head table."""

    def __init__(self) -> None:
        self.columns: list[sparse.csc_matrix] = []
        self.biases: list[float] = []
        self.heads: list[Head] = []
        self.width = 0

    def add(self, name: str, kind: str, classes: tuple[str, ...], coef: Any, bias: Any) -> None:
        pruned = prune_top_k(np.asarray(coef), KEEP_PER_COLUMN)
        pruned.resize((N_FEATURES, pruned.shape[1]))
        self.columns.append(pruned)
        self.biases.extend(float(b) for b in np.atleast_1d(bias))
        self.heads.append(Head(name, kind, classes, self.width, self.width + pruned.shape[1]))
        self.width += pruned.shape[1]

    def class_scores(self, name: str, x: sparse.csr_matrix) -> dict[str, NDArray[np.float64]]:
        """``head:class`` -> scores of the rows of ``x`` under the pruned head ``name``."""
        index = next(i for i, h in enumerate(self.heads) if h.name == name)
        head = self.heads[index]
        bias = np.asarray(self.biases[head.start : head.stop])
        scores = np.asarray((x @ self.columns[index]).todense()) + bias
        return {f"{name}:{c}": scores[:, j] for j, c in enumerate(head.classes)}

    def build(self) -> LinearHeads:
        weights = sparse.hstack(self.columns, format="csr")
        return LinearHeads(weights, np.asarray(self.biases, dtype=np.float32), self.heads)


def build_heads(
    data: Path, slang: dict[str, str], lexicons: sentiment.Lexicons, with_validation: bool = False
) -> tuple[LinearHeads, Stack]:
    """Fit every head and the stacked hate-speech / abusive decisions on the training splits
    (and on the validation files and the held-out hate-speech rows when ``with_validation``)."""
    out = _HeadBuilder()
    rows = sentiment.training_rows(data, slang, lexicons, with_validation)
    _log(
        f"sentiment: {len(rows.labels)} texts (SmSA + NusaX id/jv/su, and their SmSA rows "
        "translated into jv and su)"
    )
    x = featurise_views(rows.raw, rows.normalised, rows.translated)
    coef, bias = fit.fit_blend(
        x, rows.labels, SENTIMENT, SENTIMENT_NB_WEIGHT, SENTIMENT_NB_C, SENTIMENT_NB_ALPHA
    )
    bias[SENTIMENT.index("neutral")] += NEUTRAL_BIAS
    out.add("sentiment", "multiclass", SENTIMENT, coef, bias)

    emot = training_split(load_emot, data, with_validation)
    _log(f"emotion: {len(emot.texts)} texts")
    x = featurise(emot.texts, slang, lexicons.to_indonesian)[:, :N_NORMALISED]
    out.add(
        "emotion",
        "multiclass",
        EMOTIONS,
        *fit.fit_blend(x, emot.labels, EMOTIONS, EMOTION_NB_WEIGHT),
    )

    hate_train, held = load_hate(data)
    if with_validation:
        hate_train = hate_train + held
    x_full = featurise([r.text for r in hate_train], slang, lexicons.to_indonesian)
    x_all = x_full[:, :N_RAW]
    x_norm = x_all[:, :N_NORMALISED]
    binary: dict[str, tuple[sparse.csr_matrix, list[bool]]] = {}
    for name, attr in (("hate_speech", "hs"), ("abusive", "abusive")):
        y = [bool(getattr(r, attr)) for r in hate_train]
        binary[name] = (x_norm, y)
        binary[f"{name}_raw"] = (x_all, y)
        binary[f"{name}_nb"] = (x_all, y)
    for target in HATE_TARGETS:
        binary[f"target_{target}"] = (x_norm, [target in r.targets for r in hate_train])
    oof: dict[str, NDArray[np.float64]] = {}
    for name in STACK_INPUTS:
        xs, y = binary[name]
        fitter = fit.fit_nb_binary if name in NB_HEADS else fit.fit_binary
        oof[name] = stacking.oof_binary(xs, y, fitter=fitter)
        out.add(name, "binary", ("true",), *fitter(xs, y))
    _log(f"hate heads: {len(hate_train)} texts, {stacking.FOLDS}-fold out-of-fold scores")
    hs_idx = [i for i, r in enumerate(hate_train) if r.hs and r.strength]
    coef, bias = fit.fit_multiclass(
        x_norm[hs_idx], [hate_train[i].strength for i in hs_idx], HATE_STRENGTHS
    )
    out.add("hate_strength", "multiclass", HATE_STRENGTHS, coef, bias)

    lexicon = load_abusive_lexicon(data)
    raw = [raw_view(r.text) for r in hate_train]
    norm = [normalise_fast(unescape(r.text), slang) for r in hate_train]
    # The tone heads never saw these rows: their plain scores stand beside the out-of-fold ones.
    scores = oof | out.class_scores("sentiment", x_full) | out.class_scores("emotion", x_full)
    inputs = STACK_INPUTS + AFFECT_INPUTS
    meta = np.hstack(
        [np.column_stack([scores[n] for n in inputs]), lexicon_features(lexicon, raw, norm)]
    ).astype(np.float64)
    decisions = []
    for name, used in DECISION_INPUTS.items():
        keep = [i for i, n in enumerate(inputs) if n in used]
        keep += list(range(len(inputs), meta.shape[1]))  # the lexicon features
        weights, bias_m, threshold = stacking.fit_meta(meta[:, keep], binary[name][1])
        full = np.zeros(meta.shape[1])
        full[keep] = weights
        _log(f"stacked {name}: meta-CV threshold {threshold:+.2f}")
        decisions.append(StackedDecision(name, tuple(float(w) for w in full), bias_m, threshold))
    return out.build(), Stack(inputs, lexicon, decisions)


@dataclass(frozen=True, slots=True)
class Fitted:
    """Everything one fit produces: the slang reading, the lexicons, the heads and the stack."""

    slang: SlangTable
    lexicons: sentiment.Lexicons
    model: LinearHeads
    stack: Stack


def fit_all(data: Path, kamus: dict[str, str], with_validation: bool) -> Fitted:
    """Fit every model on the training splits, or on them and the validation / held-out rows."""
    slang = sentiment.training_slang(data, kamus, with_validation)
    _log("lexicons: IBM Model 1 on the parallel NusaX pairs")
    lexicons = sentiment.build_lexicons(data, slang, with_validation)
    model, stack = build_heads(data, slang, lexicons, with_validation)
    return Fitted(slang, lexicons, model, stack)


def scores_of(fitted: Fitted, data: Path) -> dict[str, float]:
    """The validation / held-out figures of one fit."""
    return evaluate_heads(
        fitted.model, fitted.stack, data, fitted.slang, fitted.lexicons.to_indonesian
    )


def evaluation_metrics(data: Path) -> dict[str, float]:
    """Fit on the training splits only and score the validation / held-out rows."""
    return scores_of(fit_all(data, load_slang(data), with_validation=False), data)


def train(
    data: Path,
    out: Path,
    corrections_file: Path | None = None,
    refit: bool = True,
    seed_labels: bool = True,
    correction_weight: float = corr.STAFF_WEIGHT,
) -> dict[str, Any]:
    """Train everything from ``data`` into ``out``; returns the manifest.

    The category and urgency models learn from the seed labels (``polmas/triage/labels/``,
    unless ``seed_labels`` is false) and the staff's ``corrections_file`` together; each staff
    correction weighs ``correction_weight`` seed labels.

    The figures come from a fit on the training splits alone, scored on the validation files
    and the held-out hate-speech rows. With ``refit`` (the default) the same recipe is then
    fitted again on all those rows together, and that model is the one written: it has seen
    more of each language, and its figures cannot be measured here (the held-out rows are in
    it), so the manifest keeps those of the first fit.
    """
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    kamus = load_slang(data)
    _log("fit 1: training splits only, to measure the figures")
    measured = fit_all(data, kamus, with_validation=False)
    metrics = scores_of(measured, data)
    if refit:
        _log("fit 2: training splits + validation files + held-out rows, the shipped model")
        shipped = fit_all(data, kamus, with_validation=True)
    else:
        shipped = measured
    slang, lexicons, model, stack = shipped.slang, shipped.lexicons, shipped.model, shipped.stack
    (out / "slang.json").write_text(
        json.dumps(
            {
                "source": "new_kamusalay.csv, Ibrohim & Budi 2019, CC BY-NC-SA 4.0",
                "entries": dict(sorted(kamus.items())),
                "regional": {
                    "markers": sorted(slang.markers),
                    "words": sorted(slang.regional_words),
                },
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    gaz = Gazetteer.from_wilayah_csv(data / "regions" / "indramayu_wilayah.csv")
    gaz.to_json(out / "gazetteer.json", "indramayu_wilayah.csv, cahyadsn/wilayah, MIT")

    lexicons.save(out / "lexicon.json")
    model.save(out / "models.npz")
    stack.save(out / "stack.json", LEXICON_SOURCE)
    _log("computing the baseline (TF-IDF word 1-2 + char 2-5, LinearSVC) in the same run")
    baseline = evaluate_baseline(data)

    corrections_info: dict[str, Any] | None = None
    label_files = list(SEED_LABEL_FILES) if seed_labels else []
    weights = [1.0] * len(label_files)
    if corrections_file is not None:
        label_files.append(corrections_file)
        weights.append(correction_weight)
    if label_files:
        corrections_info = corr.train_corrections(
            label_files, out, slang, lexicons.to_indonesian, weights
        )
        corrections_info["sha256"] = {p.name: sha256(p) for p in label_files}
        corrections_info["seed_labels"] = seed_labels
    else:
        (out / "corrections.npz").unlink(missing_ok=True)
        (out / "corrections.json").unlink(missing_ok=True)

    # The artifacts of this run; an earlier manifest in ``out`` is about to be replaced.
    written = [p for p in sorted(out.iterdir()) if p.is_file() and p.name != "manifest.json"]
    manifest: dict[str, Any] = {
        "created_by": "polmas triage train",
        "seeds": {"svm": fit.SEED, "hate_holdout_split": HATE_SEED},
        "hate_holdout_fraction": HATE_HOLDOUT,
        "features": "hashing word 1-2 + char_wb 3-5 of normalised text, word 1-2 of raw "
        "lower-cased text, word 1-2 of pseudo-Indonesian text with negation marks, 4 x 2^20, "
        "binary, l2 per block",
        "classifier": f"LinearSVC C={fit.C_VALUE}, one-vs-rest; top {KEEP_PER_COLUMN} "
        "weights per column kept, float16",
        "sentiment": f"all four feature blocks; (SVM + {SENTIMENT_NB_WEIGHT} x NB-SVM "
        f"C={SENTIMENT_NB_C} alpha={SENTIMENT_NB_ALPHA}) / {1 + SENTIMENT_NB_WEIGHT}, folded into "
        f"one weight set; neutral intercept +{NEUTRAL_BIAS}; "
        f"{sentiment.AUGMENT_ROWS or 'all'} SmSA rows (seed {sentiment.AUGMENT_SEED}) "
        "translated into jv and su added (grouped CV)",
        "emotion": f"normalised-text blocks; (SVM + {EMOTION_NB_WEIGHT} x NB-SVM C={fit.NB_C} "
        f"alpha={fit.NB_ALPHA}) / {1 + EMOTION_NB_WEIGHT}, folded into one weight set (CV)",
        "lexicon": {
            "method": "IBM Model 1 both directions on NusaX train pairs, "
            f"p(v|s)*p(s|v) >= {align.MIN_SCORE}; words in >= {align.KEEP_MIN_COUNT} "
            "Indonesian training texts are kept as they are",
            "to_indonesian_entries": len(lexicons.to_indonesian),
            "from_indonesian_entries": {k: len(v) for k, v in lexicons.from_indonesian.items()},
        },
        "stack": f"logistic meta-model (C={stacking.META_C}) on {stacking.FOLDS}-fold "
        f"out-of-fold scores (NB-SVM C={fit.NB_C}, alpha={fit.NB_ALPHA} for {sorted(NB_HEADS)}) "
        f"of {list(STACK_INPUTS)} + abusive lexicon, and for hate_speech also the class scores "
        f"{list(AFFECT_INPUTS)}; threshold on meta-CV",
        "heads": {h.name: list(h.classes) for h in model.heads.values()},
        "thresholds": {d.name: d.threshold for d in stack.decisions.values()},
        "data_files": {str(p.relative_to(data)): sha256(p) for p in data_files(data) if p.exists()},
        "rule_files": {p.name: sha256(p) for p in sorted(RULES_DIR.glob("*.json"))},
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__,
        },
        "validation_metrics": metrics,
        "validation_metrics_of": "a fit of the same recipe on the training splits only; "
        + (
            "the shipped model is fitted again on the training splits, the validation files "
            "and the held-out hate-speech rows together"
            if refit
            else "the shipped model is that fit"
        ),
        "shipped_fit": "training + validation + held-out rows" if refit else "training splits",
        "baseline_metrics": baseline,
        "corrections": corrections_info,
        "artifact_sizes_bytes": {p.name: p.stat().st_size for p in written},
        "artifact_sha256": {p.name: sha256(p) for p in written},
        "training_seconds": round(time.perf_counter() - started, 1),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    _log(f"done in {manifest['training_seconds']} s -> {out}")
    return manifest
