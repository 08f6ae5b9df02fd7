"""How the sentiment head's settings were chosen: id-grouped 5-fold CV on the training data only.

Usage: PYTHONPATH=. python benchmarks/triage/select_sentiment.py [--augment 0 3000 11000] [--nb]
       [--no-word-list] [--no-negation] [--dump FILE.npz] [--emot] [--block-scale BLOCK SCALE]
       [--polarity [--polarity-indonesian-only]]
Rows are SmSA train + NusaX train (id/jv/su); NusaX translations share an id and always fall in the
same fold. In every fold the Javanese/Sundanese <-> Indonesian lexicons are learnt again from the
training fold's parallel pairs only, and only training-fold SmSA rows are translated. Prints
macro-F1 per source for: the three blocks without the lexicon, the four blocks (with the pseudo-
Indonesian view), and the four blocks plus N translated SmSA rows per language; each with neutral
bias 0 to 0.3. The last column is the macro-F1 of the Javanese and Sundanese rows whose Indonesian
parallel has no near-duplicate in SmSA train: the rows that measure reading, not memory of SmSA
reviews (``nusax_overlap.py``). With ``--nb`` the configurations with translated rows also get a
one-vs-rest NB-SVM (C=0.3, alpha=1) and the blends ``(svm + w * nbsvm) / (1 + w)``. The validation
files are not read. Takes several minutes (about 20 with ``--augment 11000 --nb``). The hand-written
word list (``rules/regional.json``) joins the fold's maps to Indonesian as in training; ``--no-word-
list`` leaves it out, for the comparison. ``--no-negation`` leaves out the negation marks of block 4
(``lexicon.mark_negation``); ``--dump`` saves the out-of-fold scores for a paired bootstrap. A
contrast mark (the words after ``tapi`` repeated) and translating affixed words by their stem were
tried on 5 Dec 2026 and not kept; their code is in commit 5141673
(docs/triage/classifier-experiments.md has the figures).
"""

from __future__ import annotations

import argparse
from functools import partial

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold
from sklearn.svm import LinearSVC

from polmas.triage.features import BLOCK, N_FEATURES, N_RAW, featurise_views, unescape
from polmas.triage.lexicon import pseudo_indonesian, to_indonesian
from polmas.triage.normalise import normalise_fast, regional_markers
from polmas.triage.paths import shared_data_dir
from polmas.triage.training.align import frequent_words, learn_lexicons, merge_to_indonesian
from polmas.triage.training.data import load_emot, load_smsa
from polmas.triage.training.fit import baseline_predict, fit_nb_multiclass
from polmas.triage.training.sentiment import (
    REGIONAL,
    load_word_list,
    nusax_rows,
    smsa_twin_labels,
    training_slang,
    with_word_list,
)

CLASSES = np.array(["negative", "neutral", "positive"])
SOURCES = ("smsa", "javanese", "sundanese")
NB_WEIGHTS = (0.25, 0.5, 1.0)
BIASES = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3)
EMOTION_SENTIMENT = {
    "anger": "negative",
    "fear": "negative",
    "sadness": "negative",
    "happy": "positive",
    "love": "positive",
}


def _print_baseline(
    texts: list[str],
    y: NDArray[np.str_],
    src: NDArray[np.str_],
    folds: list[tuple[NDArray[np.int_], NDArray[np.int_]]],
    no_twin: NDArray[np.bool_],
) -> None:
    """The issue's baseline recipe trained per language on that language's NusaX rows of each
    training fold, then on all rows of the fold together (SmSA and NusaX id/jv/su; as
    ``triage evaluate`` trains the two), scored on the same folds."""
    predicted = np.empty(len(y), dtype=object)
    for fit_idx, score_idx in folds:
        for lang in REGIONAL:
            fit_rows = [int(i) for i in fit_idx if src[i] == lang]
            score_rows = [int(i) for i in score_idx if src[i] == lang]
            predicted[score_rows] = baseline_predict(
                [texts[i] for i in fit_rows], list(y[fit_rows]), [texts[i] for i in score_rows]
            )
    labels = predicted.astype(str)
    cells = [
        f"{lang} {f1_score(y[src == lang], labels[src == lang], average='macro'):.4f}"
        for lang in REGIONAL
    ]
    lone = f1_score(y[no_twin], labels[no_twin], average="macro")
    print(f"{'baseline recipe, per language':44}: {' '.join(cells)}  jv+su no twin {lone:.4f}")
    for fit_idx, score_idx in folds:
        predicted[score_idx] = baseline_predict(
            [texts[i] for i in fit_idx], list(y[fit_idx]), [texts[i] for i in score_idx]
        )
    labels = predicted.astype(str)
    cells = [f"{s} {f1_score(y[src == s], labels[src == s], average='macro'):.4f}" for s in SOURCES]
    lone = f1_score(y[no_twin], labels[no_twin], average="macro")
    print(f"{'baseline recipe, joint':44}: {' '.join(cells)}  jv+su no twin {lone:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--augment", type=int, nargs="*", default=[0, 3000])
    parser.add_argument("--nb", action="store_true", help="also the NB-SVM blends")
    parser.add_argument("--no-word-list", action="store_true", help="learnt lexicons only")
    parser.add_argument(
        "--no-negation", action="store_true", help="block 4 without the negation marks"
    )
    parser.add_argument("--dump", help="save the out-of-fold scores of every setting (.npz)")
    parser.add_argument(
        "--block-scale",
        nargs=2,
        action="append",
        metavar=("BLOCK", "SCALE"),
        default=[],
        help="multiply feature block BLOCK (1-4) by SCALE before fitting (repeatable)",
    )
    parser.add_argument(
        "--emot",
        action="store_true",
        help="also each translated setting plus EmoT train as sentiment (anger/fear/sadness "
        "negative, happy/love positive) in every training fold",
    )
    parser.add_argument(
        "--polarity",
        action="store_true",
        help="block 4 with the polarity tokens of rules/polarity.json (lexicon.polarity_marks) "
        "for every text",
    )
    parser.add_argument(
        "--polarity-indonesian-only",
        action="store_true",
        help="with --polarity: no tokens for texts with a Javanese/Sundanese marker word",
    )
    parser.add_argument(
        "--no-regional-polarity",
        action="store_true",
        help="with --polarity: no tokens of rules/regional_polarity.json for regional texts",
    )
    args = parser.parse_args()
    data = shared_data_dir()
    slang = training_slang(data)
    smsa = load_smsa(data, "train")
    texts, labels = list(smsa.texts), list(smsa.labels)
    sources, groups = ["smsa"] * len(texts), list(range(len(texts)))
    ids: list[str | None] = [None] * len(texts)
    for lang in ("indonesian", *REGIONAL):
        rows = nusax_rows(data, lang)
        for key in sorted(rows, key=int):
            texts.append(rows[key][0])
            labels.append(rows[key][1])
            sources.append(lang)
            groups.append(1_000_000 + int(key))
            ids.append(key)
    y, src = np.asarray(labels), np.asarray(sources)
    raw = [unescape(t).lower() for t in texts]
    norm = [normalise_fast(unescape(t), slang) for t in texts]
    by_lang = {(s, k): i for i, (s, k) in enumerate(zip(sources, ids, strict=True)) if k}
    folds = list(GroupKFold(5).split(np.zeros(len(y)), y, groups))
    twins = smsa_twin_labels(data)
    no_twin = np.asarray(
        [s in REGIONAL and twins[k or ""] is None for s, k in zip(sources, ids, strict=True)]
    )
    words = {} if args.no_word_list else load_word_list()
    configs: list[tuple[str, int | None, bool]] = [("3 blocks", None, False)]
    configs += [(f"4 blocks + {n} translated", n, False) for n in args.augment]
    if args.emot:
        configs += [(f"4 blocks + {n} translated + EmoT", n, True) for n in args.augment if n]
        emot = load_emot(data, "train")
        emot_y = np.asarray([EMOTION_SENTIMENT[label] for label in emot.labels])
        emot_raw = [unescape(t).lower() for t in emot.texts]
        emot_norm = [normalise_fast(unescape(t), slang) for t in emot.texts]
    scores = {name: np.zeros((len(y), 3)) for name, _, _ in configs}
    nb_scores = {name: np.zeros((len(y), 3)) for name, augment, _ in configs if args.nb and augment}
    translate = to_indonesian if args.no_negation else pseudo_indonesian
    if args.polarity:  # as shipped with --polarity-indonesian-only (pseudo_indonesian + markers)
        markers = regional_markers(slang) if args.polarity_indonesian_only else frozenset()
        translate = partial(
            pseudo_indonesian, markers=markers, regional_polarity=not args.no_regional_polarity
        )
    column_scale = np.ones(N_FEATURES, dtype=np.float32)
    for block, scale in args.block_scale:
        start = (int(block) - 1) * BLOCK
        column_scale[start : start + BLOCK] = float(scale)
    rescale = sparse.diags(column_scale, format="csr")

    def views(
        raw_texts: list[str], norm_texts: list[str], translated: list[str]
    ) -> sparse.csr_matrix:
        x = featurise_views(raw_texts, norm_texts, translated)
        return x @ rescale if args.block_scale else x

    for fit_idx, score_idx in folds:
        keys = sorted({ids[i] for i in fit_idx if ids[i] is not None}, key=int)
        target = [norm[by_lang[("indonesian", k)]].split() for k in keys]
        forward, backward = [], {}
        for lang in REGIONAL:
            pair = learn_lexicons([norm[by_lang[(lang, k)]].split() for k in keys], target)
            forward.append(pair[0])
            backward[lang] = pair[1]
        if words:
            forward = with_word_list(forward, words)
        indonesian = [norm[i] for i in fit_idx if src[i] in ("smsa", "indonesian")]
        lexicon = merge_to_indonesian(forward, frequent_words(indonesian))
        x = views(raw, norm, [translate(t, lexicon) for t in norm])
        smsa_fit = [int(i) for i in fit_idx if src[i] == "smsa"]
        for name, augment, with_emot in configs:
            xf, yf = (
                (x[fit_idx][:, :N_RAW], y[fit_idx]) if augment is None else (x[fit_idx], y[fit_idx])
            )
            if augment:
                chosen = np.random.default_rng(0).permutation(smsa_fit)[:augment]
                extra_raw = [
                    " ".join(backward[lang].get(w, w) for w in norm[i].split(" "))
                    for lang in REGIONAL
                    for i in chosen
                ]
                extra_norm = [normalise_fast(t, slang) for t in extra_raw]
                extra_tr = [translate(t, lexicon) for t in extra_norm]
                xa = views(extra_raw, extra_norm, extra_tr)
                xf = sparse.vstack([xf, xa], format="csr")
                yf = np.concatenate([yf, y[chosen], y[chosen]])
            if with_emot:
                emot_tr = [translate(t, lexicon) for t in emot_norm]
                xf = sparse.vstack([xf, views(emot_raw, emot_norm, emot_tr)], format="csr")
                yf = np.concatenate([yf, emot_y])
            model = LinearSVC(C=1.0, random_state=0).fit(xf, yf)
            xs = x[score_idx][:, :N_RAW] if augment is None else x[score_idx]
            scores[name][score_idx] = model.decision_function(xs)
            if name in nb_scores:
                coef, intercept = fit_nb_multiclass(xf, list(yf), list(CLASSES), 0.3, 1.0)
                nb_scores[name][score_idx] = np.asarray(xs @ coef) + intercept
    _print_baseline(texts, y, src, folds, no_twin)
    for name, nb in nb_scores.items():
        for w in NB_WEIGHTS:
            scores[f"{name} + {w} NB-SVM"] = (scores[name] + w * nb) / (1 + w)
    if args.dump:
        names, stacked = np.asarray(list(scores)), np.stack(list(scores.values()))
        np.savez(args.dump, y=y, src=src, no_twin=no_twin, names=names, scores=stacked)
    for name in scores:
        for bias in BIASES:
            shifted = scores[name] + np.array([0.0, bias, 0.0])
            f1s = {
                s: f1_score(y[src == s], CLASSES[shifted[src == s].argmax(1)], average="macro")
                for s in SOURCES
            }
            cells = " ".join(f"{k} {v:.4f}" for k, v in f1s.items())
            mean = sum(f1s.values()) / 3
            lone = f1_score(y[no_twin], CLASSES[shifted[no_twin].argmax(1)], average="macro")
            print(
                f"{name:44} neutral +{bias:.2f}: {cells}  mean {mean:.4f}  jv+su no twin {lone:.4f}"
            )


if __name__ == "__main__":
    main()
