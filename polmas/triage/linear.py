"""Linear model heads stored as pruned float16 sparse weights in one ``.npz`` (no pickle).

All heads share the hashed feature space, so one sparse product ``X @ W`` scores every head.
A head is either ``multiclass`` (arg-max over its columns) or ``binary`` (one column, positive
when the score exceeds its threshold).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

FloatArray = NDArray[np.float32]

SMALL_ROWS = 8
"""Batches with fewer rows are scored in numpy (:meth:`JointScorer._few_rows`), without a scipy
matrix, whose construction costs more than the product for one message."""


@dataclass(frozen=True, slots=True)
class Head:
    """One prediction task: its columns in the weight matrix and its labels."""

    name: str
    kind: str  # "multiclass" or "binary"
    classes: tuple[str, ...]
    start: int
    stop: int
    threshold: float = 0.0


def prune_top_k(coef: NDArray[np.float64], keep: int) -> sparse.csc_matrix:
    """Keep the ``keep`` largest-magnitude weights of each column (coef: features x cols)."""
    cols = []
    for j in range(coef.shape[1]):
        col = coef[:, j]
        k = min(keep, int(np.count_nonzero(col)))
        idx = np.argpartition(-np.abs(col), k - 1)[:k] if k > 0 else np.array([], dtype=np.int64)
        idx.sort()
        vals = col[idx].astype(np.float16)
        cols.append(
            sparse.csc_matrix(
                (vals.astype(np.float32), (idx, np.zeros_like(idx))),
                shape=(coef.shape[0], 1),
            )
        )
    return sparse.hstack(cols, format="csc")


class LinearHeads:
    """A set of heads over one sparse weight matrix ``W`` (features x columns) and bias ``b``."""

    def __init__(self, weights: sparse.csr_matrix, bias: FloatArray, heads: list[Head]) -> None:
        self.weights = weights.tocsr()
        self.bias = bias.astype(np.float32)
        self.heads = {h.name: h for h in heads}

    def scores(self, features: sparse.csr_matrix) -> FloatArray:
        """Raw decision scores, shape (n_samples, n_columns)."""
        if self.weights.shape[0] < features.shape[1]:  # older artifacts: fewer feature blocks
            padded = self.weights.tocsr(copy=True)
            padded.resize((features.shape[1], padded.shape[1]))
            self.weights = padded
        product = features @ self.weights
        dense = np.asarray(product.toarray() if sparse.issparse(product) else product)
        return (dense + self.bias).astype(np.float32)

    def predict(self, name: str, scores: FloatArray) -> list[str] | list[bool]:
        """Labels of head ``name`` for every row of ``scores``."""
        head = self.heads[name]
        block = scores[:, head.start : head.stop]
        if head.kind == "binary":
            return [bool(v) for v in block[:, 0] > head.threshold]
        return [head.classes[i] for i in np.argmax(block, axis=1)]

    def save(self, path: Path) -> None:
        """Write weights (float16, CSR parts) and the head table to ``path`` (.npz)."""
        w = self.weights.tocsr()
        w.sort_indices()
        table = [
            {
                "name": h.name,
                "kind": h.kind,
                "classes": list(h.classes),
                "start": h.start,
                "stop": h.stop,
                "threshold": h.threshold,
            }
            for h in self.heads.values()
        ]
        np.savez_compressed(
            path,
            data=w.data.astype(np.float16),
            indices=w.indices.astype(np.int32),
            indptr=w.indptr.astype(np.int64),
            shape=np.asarray(w.shape, dtype=np.int64),
            bias=self.bias.astype(np.float32),
            heads=np.frombuffer(json.dumps(table).encode("utf-8"), dtype=np.uint8),
        )

    @classmethod
    def load(cls, path: Path) -> LinearHeads:
        """Load without pickle."""
        with np.load(path, allow_pickle=False) as z:
            shape = tuple(int(v) for v in z["shape"])
            w = sparse.csr_matrix(
                (z["data"].astype(np.float32), z["indices"], z["indptr"]), shape=shape
            )
            bias = z["bias"].astype(np.float32)
            table = json.loads(bytes(z["heads"]).decode("utf-8"))
        heads = [
            Head(
                t["name"],
                t["kind"],
                tuple(t["classes"]),
                int(t["start"]),
                int(t["stop"]),
                float(t["threshold"]),
            )
            for t in table
        ]
        return cls(w, bias, heads)


class JointScorer:
    """The scores of several head sets from one product, sparse features x dense weights.

    scipy's sparse x sparse product spends most of its time on bookkeeping (a pass to size the
    result, then the product). Here the weight rows that hold any weight (about 490,000 of the
    4 x 2^20 hashed columns) are stored once as one dense float32 matrix (about 83 MB for 42
    columns), each message's hashed columns are mapped onto those rows, and the product is a
    sparse x dense one. Same scores as :meth:`LinearHeads.scores` of each set; about 75 µs less
    per message of 200 characters (benchmarks/triage/bench_triage.py)."""

    def __init__(self, sets: list[LinearHeads]) -> None:
        rows = max(s.weights.shape[0] for s in sets)
        parts = []
        for s in sets:
            w = s.weights.tocsr(copy=True)
            w.resize((rows, w.shape[1]))
            parts.append(w)
        weights = sparse.hstack(parts, format="csr")
        used = np.flatnonzero(np.diff(weights.indptr))
        self.lookup = np.full(rows, -1, dtype=np.int32)
        """Hashed column -> row of ``dense``, or -1 when no head has a weight there."""
        self.lookup[used] = np.arange(len(used), dtype=np.int32)
        self.dense = np.ascontiguousarray(weights[used].toarray(), dtype=np.float32)
        self.bias = np.concatenate([s.bias for s in sets]).astype(np.float32)
        self.bounds = np.cumsum([0, *(s.weights.shape[1] for s in sets)]).tolist()

    def scores(self, features: sparse.csr_matrix) -> list[FloatArray]:
        """Each set's scores, as its own :meth:`LinearHeads.scores` would give them."""
        if len(self.lookup) < features.shape[1]:  # older artifacts: fewer feature blocks
            grown = np.full(features.shape[1], -1, dtype=np.int32)
            grown[: len(self.lookup)] = self.lookup
            self.lookup = grown
        mapped = self.lookup[features.indices]
        keep = mapped >= 0
        if features.shape[0] < SMALL_ROWS:
            every = self._few_rows(features, mapped, keep)
            return [every[:, a:b] for a, b in zip(self.bounds, self.bounds[1:], strict=False)]
        kept_before = np.concatenate([[0], np.cumsum(keep)])
        compact = sparse.csr_matrix(
            (features.data[keep], mapped[keep], kept_before[features.indptr]),
            shape=(features.shape[0], self.dense.shape[0]),
        )
        every = np.asarray(compact @ self.dense, dtype=np.float32) + self.bias
        return [every[:, a:b] for a, b in zip(self.bounds, self.bounds[1:], strict=False)]

    def _few_rows(
        self, features: sparse.csr_matrix, mapped: np.ndarray, keep: np.ndarray
    ) -> FloatArray:
        """The same scores as the sparse x dense product, row by row: each row's weight rows
        times its values, summed in column order (a reduction over axis 0 adds the rows one
        after another, as scipy's product does, so the sums are the same to the last bit;
        ``test_joint_scorer.py`` checks it). About 50 µs for a message against 100 µs."""
        every = np.empty((features.shape[0], self.dense.shape[1]), dtype=np.float32)
        for i in range(features.shape[0]):
            start, stop = features.indptr[i], features.indptr[i + 1]
            chosen = keep[start:stop]
            rows = self.dense[mapped[start:stop][chosen]]
            values = features.data[start:stop][chosen].astype(np.float32, copy=False)
            every[i] = np.add.reduce(values[:, None] * rows, axis=0) + self.bias
        return every
