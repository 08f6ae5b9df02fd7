"""Word lexicons Javanese/Sundanese <-> Indonesian learnt from the parallel NusaX training pairs.

NusaX-Senti is a parallel corpus: the same ``id`` in ``indonesian``, ``javanese`` and
``sundanese`` is one sentence in three languages. IBM Model 1 is fitted in both directions on the
normalised tokens of the training pairs (identical words start with a higher translation
probability), and a word ``s`` maps to the word ``v`` maximising ``p(v | s) * p(s | v)`` when
that product is at least :data:`MIN_SCORE`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

ITERATIONS = 6
IDENTICAL_BOOST = 5.0
MIN_SCORE = 0.05
KEEP_MIN_COUNT = 3
"""A word seen in at least this many Indonesian training texts is never translated."""

Lexicon = dict[str, str]


def _vocab(sentences: Sequence[Sequence[str]]) -> dict[str, int]:
    words = sorted({w for s in sentences for w in s})
    return {w: i for i, w in enumerate(words)}


def ibm1(
    src: Sequence[Sequence[str]], tgt: Sequence[Sequence[str]], iterations: int = ITERATIONS
) -> tuple[NDArray[np.float64], dict[str, int], dict[str, int]]:
    """``t[s, v] = p(v | s)`` over the source vocabulary plus a final NULL row."""
    sv, tv = _vocab(src), _vocab(tgt)
    null = len(sv)
    pairs = []
    for s_toks, t_toks in zip(src, tgt, strict=True):
        s_idx = np.array([sv[w] for w in s_toks] + [null], dtype=np.int64)
        t_idx = np.array([tv[w] for w in t_toks], dtype=np.int64)
        if len(t_idx):
            pairs.append((s_idx, t_idx))
    t = np.zeros((null + 1, len(tv)), dtype=np.float64)
    for s_idx, t_idx in pairs:
        t[np.ix_(np.unique(s_idx), np.unique(t_idx))] = 1.0
    for word, si in sv.items():
        ti = tv.get(word)
        if ti is not None and t[si, ti] > 0:
            t[si, ti] = IDENTICAL_BOOST
    t /= np.maximum(t.sum(axis=1, keepdims=True), 1e-300)
    for _ in range(iterations):
        counts = np.zeros_like(t)
        for s_idx, t_idx in pairs:
            sub = t[np.ix_(s_idx, t_idx)]
            post = sub / np.maximum(sub.sum(axis=0, keepdims=True), 1e-300)
            np.add.at(counts, (s_idx[:, None], t_idx[None, :]), post)
        t = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1e-300)
    return t, sv, tv


def learn_lexicons(
    src: Sequence[Sequence[str]], tgt: Sequence[Sequence[str]], min_score: float = MIN_SCORE
) -> tuple[Lexicon, Lexicon]:
    """(source -> target, target -> source) word maps from parallel token lists."""
    fwd, sv, tv = ibm1(src, tgt)
    bwd, _, _ = ibm1(tgt, src)
    # score[s, v] = p(v | s) * p(s | v); drop the NULL rows
    score = fwd[: len(sv)] * bwd[: len(tv)].T
    src_words = sorted(sv, key=sv.__getitem__)
    tgt_words = sorted(tv, key=tv.__getitem__)
    forward: Lexicon = {}
    best_v = score.argmax(axis=1)
    for si, word in enumerate(src_words):
        vi = int(best_v[si])
        if score[si, vi] >= min_score and tgt_words[vi] != word:
            forward[word] = tgt_words[vi]
    backward: Lexicon = {}
    best_s = score.argmax(axis=0)
    for vi, word in enumerate(tgt_words):
        si = int(best_s[vi])
        if score[si, vi] >= min_score and src_words[si] != word:
            backward[word] = src_words[si]
    return forward, backward


def frequent_words(texts: Iterable[str], min_count: int = KEEP_MIN_COUNT) -> frozenset[str]:
    """Words found in at least ``min_count`` of ``texts`` (space-separated tokens)."""
    counts = Counter(w for t in texts for w in set(t.split()))
    return frozenset(w for w, n in counts.items() if n >= min_count)


def merge_to_indonesian(lexicons: Sequence[Lexicon], keep: frozenset[str]) -> Lexicon:
    """One word map to Indonesian; earlier lexicons win, words in ``keep`` stay as they are."""
    merged: Lexicon = {}
    for lexicon in lexicons:
        for word, target in lexicon.items():
            if word not in keep and word not in merged:
                merged[word] = target
    return dict(sorted(merged.items()))
