"""Fitting the learned parts from (rumour, headline) pairs and unlabelled text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from sklearn.linear_model import LogisticRegression

from polmas.hoaxes.matching.features import normalise
from polmas.hoaxes.matching.index import HoaxIndex
from polmas.hoaxes.matching.model import Thresholds
from polmas.hoaxes.matching.text import analyse, normalise_tokens, raw_tokens
from polmas.hoaxes.matching.vectors import (
    build_vocab,
    cooccurrence,
    nearest_neighbours,
    ppmi_svd,
)

Pair = tuple[str, str]  # (query text, headline)


def filter_slang(slang: dict[str, str], texts: Sequence[str], min_count: int = 2) -> dict[str, str]:
    """Keep slang entries whose key occurs in the corpus and whose value is at most 3 words."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(raw_tokens(text))
    return {
        k: v
        for k, v in slang.items()
        if counts[k] >= min_count and len(v.split()) <= 3 and k.isalpha()
    }


def learn_neighbours(
    texts: Sequence[str], slang: dict[str, str], *, dim: int, seed: int, topn: int = 5
) -> dict[str, list[tuple[str, float]]]:
    """PPMI-SVD word vectors over stemmed tokens, reduced to each token's nearest tokens."""
    docs = [normalise_tokens(raw_tokens(t), slang) for t in texts]
    vocab = build_vocab(docs, min_count=3, max_size=30_000)
    index = {w: i for i, w in enumerate(vocab)}
    vecs = ppmi_svd(cooccurrence(docs, index, window=5), dim=dim, seed=seed)
    idx, sim = nearest_neighbours(vecs, topn)
    out: dict[str, list[tuple[str, float]]] = {}
    for i, word in enumerate(vocab):
        keep = [(vocab[j], round(float(s), 3)) for j, s in zip(idx[i], sim[i], strict=True)]
        keep = [(w, s) for w, s in keep if s >= 0.5]
        if keep:
            out[word] = keep
    return out


def learn_title_stats(
    pairs: Sequence[Pair],
    slang: dict[str, str],
    smoothing: float = 4.0,
    max_assoc: int = 6,
) -> tuple[dict[str, float], float, dict[str, list[tuple[str, float]]]]:
    """Headline-word weights (how often a headline word is in its rumour) and rumour-word ->
    headline-word associations, P(headline has t | rumour has q)."""
    n_title: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    n_query: Counter[str] = Counter()
    co: Counter[tuple[str, str]] = Counter()
    for query, title in pairs:
        q_toks = set(analyse(query, slang))
        t_toks = set(analyse(title, slang))
        n_query.update(q_toks)
        for t in t_toks:
            n_title[t] += 1
            if t in q_toks:
                hit[t] += 1
            co.update((t, q) for q in q_toks if q != t)
    total = sum(n_title.values())
    prior = sum(hit.values()) / total if total else 0.7
    weights = {
        t: round((hit[t] + smoothing * prior) / (n + smoothing), 4)
        for t, n in n_title.items()
        if n >= 2
    }
    n_pairs = max(len(pairs), 1)
    assoc: dict[str, list[tuple[str, float]]] = {}
    for (t, q), c in co.items():
        if c < 3 or weights.get(t, prior) >= 0.9:
            continue
        prob = c / (n_query[q] + 2)
        base = n_title[t] / n_pairs
        if prob > 0.3 and prob / base > 3:
            assoc.setdefault(q, []).append((t, round(prob, 4)))
    for lst in assoc.values():
        lst.sort(key=lambda tp: (-tp[1], tp[0]))
        del lst[max_assoc:]
    return weights, round(prior, 4), assoc


def ranking_examples(
    index: HoaxIndex,
    queries: Sequence[str],
    gold: Sequence[int],
    n_candidates: int,
    absent_copies: bool = True,
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Normalised feature rows for the gold entry and the hardest candidates of each query.

    With ``absent_copies`` each query is also scored once with its answer removed from the
    knowledge base (all rows negative), so the probability learns to stay low when nothing in
    the knowledge base really matches (needed by the "none" decision).
    """
    rows: list[NDArray[np.float64]] = []
    labels: list[int] = []
    n = len(index)
    for text, g in zip(queries, gold, strict=True):
        if absent_copies:
            mask = np.ones(n, dtype=bool)
            mask[g] = False
            qa = index.raw_features(text, mask=mask)
            norm_a = normalise(qa.raw)
            top_a = np.argsort(-(norm_a[:, 0] + norm_a[:, 2] + norm_a[:, 6]), kind="stable")
            for c in sorted(top_a[:n_candidates].tolist()):
                rows.append(norm_a[c])
                labels.append(0)
        qf = index.raw_features(text, extra=[g])
        norm = normalise(qf.raw)
        first_stage = norm[:, 0] + norm[:, 2] + norm[:, 6]
        keep = set(np.argsort(-first_stage, kind="stable")[:n_candidates].tolist())
        keep |= set(np.flatnonzero(qf.rows == g).tolist())
        for c in sorted(keep):
            rows.append(norm[c])
            labels.append(int(qf.rows[c] == g))
    return np.array(rows), np.array(labels, dtype=np.int64)


def fit_ranker(
    x: NDArray[np.float64], y: NDArray[np.int64], c: float = 1.0
) -> tuple[NDArray[np.float64], float]:
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(x, y)
    return np.asarray(clf.coef_[0], dtype=np.float64), float(clf.intercept_[0])


def calibrate_thresholds(
    present: NDArray[np.float64],
    absent: NDArray[np.float64],
    target_precision: float = 0.95,
) -> tuple[Thresholds, dict[str, float]]:
    """Choose the policy from validation outcomes.

    ``present`` rows: (best score, runner-up score, best is correct, gold in top 10) with the
    answer in the knowledge base; ``absent`` rows: (best, runner-up) with the answer removed.
    ``confident`` must reach ``target_precision`` counting every absent case it would accept as
    an error; ``none_score`` may send at most 5% of found answers (gold in top 10) to "none".
    """
    best_cov = -1.0
    chosen = (1.01, 1.01)
    for t in np.round(np.arange(0.30, 1.0, 0.02), 2):
        for m in np.round(np.arange(0.0, 0.62, 0.04), 2):
            acc_p = (present[:, 0] >= t) & (present[:, 0] - present[:, 1] >= m)
            acc_a = (absent[:, 0] >= t) & (absent[:, 0] - absent[:, 1] >= m)
            n_acc = int(acc_p.sum() + acc_a.sum())
            if n_acc == 0:
                continue
            precision = float(present[acc_p, 2].sum()) / n_acc
            coverage = float(acc_p.mean())
            if precision >= target_precision and coverage > best_cov:
                best_cov, chosen = coverage, (float(t), float(m))
    found = present[present[:, 3] > 0, 0]
    none_score = float(np.quantile(found, 0.05)) if found.size else 0.0
    none_score = round(min(none_score, chosen[0]), 4)
    th = Thresholds(confident_score=chosen[0], confident_margin=chosen[1], none_score=none_score)
    report = policy_report(present, absent, th)
    return th, report


def policy_report(
    present: NDArray[np.float64], absent: NDArray[np.float64], th: Thresholds
) -> dict[str, float]:
    def decide(best: NDArray[np.float64], second: NDArray[np.float64]) -> NDArray[np.str_]:
        conf = (best >= th.confident_score) & (best - second >= th.confident_margin)
        none = best < th.none_score
        return np.where(none, "none", np.where(conf, "confident", "uncertain"))

    dp = decide(present[:, 0], present[:, 1])
    da = decide(absent[:, 0], absent[:, 1])
    conf_p = dp == "confident"
    n_conf = int(conf_p.sum() + (da == "confident").sum())
    return {
        "present_confident_rate": round(float(conf_p.mean()), 4),
        "present_confident_precision": round(
            float(present[conf_p, 2].mean()) if conf_p.any() else 0.0, 4
        ),
        "present_none_rate": round(float((dp == "none").mean()), 4),
        "absent_confident_rate": round(float((da == "confident").mean()), 4),
        "absent_none_rate": round(float((da == "none").mean()), 4),
        "confident_precision_with_absent": round(
            float(present[conf_p, 2].sum()) / n_conf if n_conf else 0.0, 4
        ),
    }


def policy_outcomes(
    index: HoaxIndex, queries: Sequence[str], gold: Sequence[int]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """(present, absent) outcome rows for :func:`calibrate_thresholds`."""
    present: list[list[float]] = []
    absent: list[list[float]] = []
    n = len(index)
    for text, g in zip(queries, gold, strict=True):
        s = index.scores(text)
        order = np.argsort(-s, kind="stable")
        present.append(
            [
                float(s[order[0]]),
                float(s[order[1]]),
                float(order[0] == g),
                float(g in order[:10]),
            ]
        )
        mask = np.ones(n, dtype=bool)
        mask[g] = False
        sa = np.sort(index.scores(text, mask))[::-1]
        absent.append([float(sa[0]), float(sa[1])])
    return np.array(present), np.array(absent)
