"""Word vectors from co-occurrence counts: PPMI + truncated SVD (Levy & Goldberg style).

Trained on unlabelled Indonesian text; the result is a vocabulary of single stemmed tokens and a
float matrix. No sentence or phrase of the training text is stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.utils.extmath import randomized_svd

FloatArray = NDArray[np.float32]


def build_vocab(docs: Sequence[Sequence[str]], min_count: int, max_size: int) -> list[str]:
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update(doc)
    kept = [(w, c) for w, c in counts.items() if c >= min_count]
    kept.sort(key=lambda wc: (-wc[1], wc[0]))
    return [w for w, _ in kept[:max_size]]


def cooccurrence(
    docs: Iterable[Sequence[str]], index: dict[str, int], window: int
) -> sp.csr_matrix:
    """Symmetric, distance-weighted (1/d) co-occurrence counts within ``window`` tokens."""
    rows: list[NDArray[np.int64]] = []
    cols: list[NDArray[np.int64]] = []
    vals: list[NDArray[np.float64]] = []
    for doc in docs:
        ids = np.array([index[t] for t in doc if t in index], dtype=np.int64)
        n = ids.size
        for d in range(1, window + 1):
            if n <= d:
                break
            a, b = ids[:-d], ids[d:]
            w = np.full(a.size, 1.0 / d)
            rows += [a, b]
            cols += [b, a]
            vals += [w, w]
    size = len(index)
    if not rows:
        return sp.csr_matrix((size, size))
    mat = sp.coo_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
        shape=(size, size),
    )
    return mat.tocsr()


def ppmi_svd(counts: sp.csr_matrix, dim: int, seed: int, alpha: float = 0.75) -> FloatArray:
    """Shifted-free PPMI with context-distribution smoothing, then SVD with sqrt(S) weighting."""
    counts = counts.tocoo()
    total = counts.sum()
    row_sum = np.asarray(counts.sum(axis=1)).ravel()
    ctx = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    ctx_p = ctx / ctx.sum()
    with np.errstate(divide="ignore"):
        pmi = (
            np.log(counts.data / total)
            - np.log(row_sum[counts.row] / total)
            - np.log(ctx_p[counts.col])
        )
    keep = pmi > 0
    ppmi = sp.csr_matrix(
        (pmi[keep], (counts.row[keep], counts.col[keep])),
        shape=counts.shape,
        dtype=np.float64,
    )
    k = min(dim, min(ppmi.shape) - 1)
    u, s, _vt = randomized_svd(ppmi, n_components=k, random_state=seed, n_iter=5)
    vecs = (u * np.sqrt(s)).astype(np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: FloatArray = (vecs / norms).astype(np.float32)
    return result


def nearest_neighbours(
    vecs: FloatArray, topn: int, block: int = 2048
) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    """For each row its ``topn`` most cosine-similar other rows (vectors must be unit length)."""
    n = vecs.shape[0]
    idx = np.zeros((n, topn), dtype=np.int32)
    sim = np.zeros((n, topn), dtype=np.float32)
    for start in range(0, n, block):
        chunk = vecs[start : start + block] @ vecs.T
        chunk[np.arange(chunk.shape[0]), np.arange(start, start + chunk.shape[0])] = -1.0
        part = np.argpartition(-chunk, topn, axis=1)[:, :topn]
        part_sim = np.take_along_axis(chunk, part, axis=1)
        order = np.argsort(-part_sim, axis=1)
        idx[start : start + block] = np.take_along_axis(part, order, axis=1)
        sim[start : start + block] = np.take_along_axis(part_sim, order, axis=1)
    return idx, sim
