"""Validation metrics of a trained model and of the issue's baseline, on the same splits.

Held-out data: SmSA / NusaX / EmoT ``valid`` files, and the 20 % hate-speech split carved out
by :func:`polmas.triage.training.data.load_hate` (never used for fitting or selection).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

from polmas.triage.features import featurise, raw_view, unescape
from polmas.triage.linear import LinearHeads
from polmas.triage.normalise import normalise_fast
from polmas.triage.stack import Stack
from polmas.triage.training.data import (
    HATE_TARGETS,
    load_emot,
    load_hate,
    load_nusax,
    load_smsa,
)
from polmas.triage.training.fit import baseline_predict


def _r(value: float) -> float:
    return round(float(value), 4)


def evaluate_heads(
    model: LinearHeads,
    stack: Stack,
    data: Path,
    slang: dict[str, str],
    lexicon: dict[str, str] | None = None,
) -> dict[str, float]:
    """Metrics of ``model`` (and the stacked decisions) on the validation / held-out splits."""
    out: dict[str, float] = {}
    sentiment_sets = {"smsa": load_smsa(data, "valid")}
    for lang in ("javanese", "sundanese", "indonesian"):
        sentiment_sets[f"nusax_{lang}"] = load_nusax(data, lang, "valid")
    for key, split in sentiment_sets.items():
        pred = model.predict("sentiment", model.scores(featurise(split.texts, slang, lexicon)))
        out[f"sentiment_macro_f1_{key}"] = _r(f1_score(split.labels, pred, average="macro"))
    emot = load_emot(data, "valid")
    pred = model.predict("emotion", model.scores(featurise(emot.texts, slang, lexicon)))
    out["emotion_macro_f1_emot"] = _r(f1_score(emot.labels, pred, average="macro"))

    _, held = load_hate(data)
    texts = [r.text for r in held]
    scores = model.scores(featurise(texts, slang, lexicon))
    meta = stack.meta_features(
        model,
        scores,
        [raw_view(t) for t in texts],
        [normalise_fast(unescape(t), slang) for t in texts],
    )
    out["hate_speech_f1_holdout"] = _r(
        f1_score([r.hs for r in held], stack.predict("hate_speech", meta))
    )
    out["abusive_f1_holdout"] = _r(
        f1_score([r.abusive for r in held], stack.predict("abusive", meta))
    )
    hs_rows = [i for i, r in enumerate(held) if r.hs]
    truth = np.array([[t in held[i].targets for t in HATE_TARGETS] for i in hs_rows])
    preds = np.array(
        [model.predict(f"target_{t}", scores[hs_rows]) for t in HATE_TARGETS],
        dtype=bool,
    ).T
    out["hate_targets_micro_f1_holdout_hs_rows"] = _r(f1_score(truth, preds, average="micro"))
    st_rows = [i for i in hs_rows if held[i].strength]
    out["hate_strength_macro_f1_holdout_hs_rows"] = _r(
        f1_score(
            [held[i].strength for i in st_rows],
            model.predict("hate_strength", scores[st_rows]),
            average="macro",
        )
    )
    return out


JOINT = "_joint"
"""Suffix of the sentiment baseline trained on SmSA and NusaX (id/jv/su) train together."""


def evaluate_baseline(data: Path) -> dict[str, float]:
    """The issue's baseline (TF-IDF word 1-2 + char 2-5, LinearSVC), each task on its own data;
    for sentiment also trained on all its training splits together (keys ending in ``_joint``),
    the stronger reading of "trained on the shared training splits"."""
    out: dict[str, float] = {}
    smsa_tr, smsa_va = load_smsa(data, "train"), load_smsa(data, "valid")
    pred = baseline_predict(smsa_tr.texts, smsa_tr.labels, smsa_va.texts)
    out["sentiment_macro_f1_smsa"] = _r(f1_score(smsa_va.labels, pred, average="macro"))
    joint_x, joint_y = list(smsa_tr.texts), list(smsa_tr.labels)
    valid = {"smsa": smsa_va}
    for lang in ("indonesian", "javanese", "sundanese"):
        tr, va = load_nusax(data, lang, "train"), load_nusax(data, lang, "valid")
        joint_x += tr.texts
        joint_y += tr.labels
        if lang == "indonesian":
            continue
        valid[f"nusax_{lang}"] = va
        pred = baseline_predict(tr.texts, tr.labels, va.texts)
        out[f"sentiment_macro_f1_nusax_{lang}"] = _r(f1_score(va.labels, pred, average="macro"))
    keys = list(valid)
    texts = [t for k in keys for t in valid[k].texts]
    pred = baseline_predict(joint_x, joint_y, texts)
    start = 0
    for key in keys:
        labels = valid[key].labels
        part = pred[start : start + len(labels)]
        out[f"sentiment_macro_f1_{key}{JOINT}"] = _r(f1_score(labels, part, average="macro"))
        start += len(labels)
    tr, va = load_emot(data, "train"), load_emot(data, "valid")
    pred = baseline_predict(tr.texts, tr.labels, va.texts)
    out["emotion_macro_f1_emot"] = _r(f1_score(va.labels, pred, average="macro"))
    train, held = load_hate(data)
    for key, attr in (
        ("hate_speech_f1_holdout", "hs"),
        ("abusive_f1_holdout", "abusive"),
    ):
        pred = baseline_predict(
            [r.text for r in train],
            [bool(getattr(r, attr)) for r in train],
            [r.text for r in held],
        )
        out[key] = _r(f1_score([bool(getattr(r, attr)) for r in held], pred))
    return out
