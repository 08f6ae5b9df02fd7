"""Sparse knowledge-base matrices and the per-query feature computation.

Every feature is computed for all entries at once with sparse matrix-vector products, so query
time has no Python loop over knowledge-base entries (only over the query's own tokens).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfVectorizer

from polmas.hoaxes.matching.model import FEATURE_NAMES, MatcherModel
from polmas.hoaxes.matching.text import analyse, char_text, strip_verdict

FloatVec = NDArray[np.float64]
BM25_K1 = 1.2
BM25_B = 0.75
SEMANTIC_MIN_SIM = 0.6
SEMANTIC_SCALE = 0.7
SEMANTIC_TOPN = 5
BIGRAM_GAP = 2
N_CANDIDATES = 200


def bigrams(tokens: Sequence[str], gap: int = 1) -> set[str]:
    """Ordered token pairs at distance 1..gap."""
    out: set[str] = set()
    for i, tok in enumerate(tokens):
        for g in range(1, gap + 1):
            if i + g < len(tokens):
                out.add(tok + " " + tokens[i + g])
    return out


def _binary(rows: list[list[str]], vocab: dict[str, int]) -> sp.csr_matrix:
    indptr = [0]
    indices: list[int] = []
    for items in rows:
        cols = sorted({vocab.setdefault(it, len(vocab)) for it in items})
        indices.extend(cols)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return sp.csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


@dataclass(slots=True)
class QueryFeatures:
    """Raw features of one query for its first-stage candidates (rows align with ``rows``)."""

    rows: NDArray[np.int64]
    raw: NDArray[np.float64]


@dataclass(slots=True)
class KBMatrices:
    """Title-side sparse structures for one knowledge base.

    Word features are separable per column, so one column-sliced product of the binary
    title x term matrix (CSC) with a small (terms x 4) query matrix gives them for all
    entries; the character and bigram features are computed only for the first-stage
    candidates.
    """

    vocab: dict[str, int]
    binary_csc: sp.csc_matrix
    idf: FloatVec
    term_weight: FloatVec
    bm25_row_factor: FloatVec
    idf_mass: FloatVec
    weighted_mass: FloatVec
    bigram_vocab: dict[str, int]
    bigram: sp.csr_matrix
    bigram_count: FloatVec
    char_vectorizer: TfidfVectorizer | None
    char: sp.csr_matrix | None

    @classmethod
    def build(cls, titles: Sequence[str], model: MatcherModel) -> KBMatrices:
        clean = [strip_verdict(t) for t in titles]
        tokens = [analyse(t, model.slang) for t in clean]
        vocab: dict[str, int] = {}
        binary = _binary(tokens, vocab)
        n_docs = max(binary.shape[0], 1)
        df = np.asarray(binary.sum(axis=0)).ravel()
        idf = np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
        length = np.asarray(binary.sum(axis=1)).ravel()
        avg = float(length.mean()) if length.size and length.mean() > 0 else 1.0
        row_factor = (BM25_K1 + 1.0) / (1.0 + BM25_K1 * (1.0 - BM25_B + BM25_B * length / avg))
        weights = np.full(len(vocab), model.title_weight_default)
        for term, col in vocab.items():
            weights[col] = model.title_weight.get(term, model.title_weight_default)
        bigram_vocab: dict[str, int] = {}
        bigram = _binary([sorted(bigrams(t)) for t in tokens], bigram_vocab)
        char_vectorizer: TfidfVectorizer | None = None
        char: sp.csr_matrix | None = None
        char_docs = [char_text(t) for t in clean]
        if any(doc.strip() for doc in char_docs):
            char_vectorizer = TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=(2, 4),
                sublinear_tf=True,
                dtype=np.float32,
            )
            char = sp.csr_matrix(char_vectorizer.fit_transform(char_docs))
        return cls(
            vocab=vocab,
            binary_csc=sp.csc_matrix(binary),
            idf=idf,
            term_weight=weights,
            bm25_row_factor=row_factor,
            idf_mass=binary @ idf + 1e-9,
            weighted_mass=binary @ (idf * weights) + 1e-9,
            bigram_vocab=bigram_vocab,
            bigram=bigram,
            bigram_count=np.maximum(np.asarray(bigram.sum(axis=1)).ravel(), 1.0),
            char_vectorizer=char_vectorizer,
            char=char,
        )

    @property
    def size(self) -> int:
        return int(self.binary_csc.shape[0])

    def _query_columns(
        self, tokens: list[str], model: MatcherModel
    ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """KB-vocabulary columns touched by the query and their (exact, assoc, semantic)
        credits."""
        credit: dict[int, list[float]] = {}
        for tok in sorted(set(tokens)):
            col = self.vocab.get(tok)
            if col is not None:
                credit.setdefault(col, [0.0, 0.0, 0.0])[0] = 1.0
            for target, prob in model.assoc.get(tok, ()):
                col = self.vocab.get(target)
                if col is not None:
                    c = credit.setdefault(col, [0.0, 0.0, 0.0])
                    c[1] = max(c[1], prob)
            for target, sim in model.neighbours.get(tok, ())[:SEMANTIC_TOPN]:
                col = self.vocab.get(target)
                if col is not None and sim > SEMANTIC_MIN_SIM:
                    c = credit.setdefault(col, [0.0, 0.0, 0.0])
                    c[2] = max(c[2], sim * SEMANTIC_SCALE)
        cols = np.fromiter(credit.keys(), dtype=np.int64, count=len(credit))
        vals = np.array(list(credit.values()), dtype=np.float64).reshape(len(credit), 3)
        vals[:, 1] = np.maximum(vals[:, 0], vals[:, 1])
        vals[:, 2] = np.maximum(vals[:, 1], vals[:, 2])
        return cols, vals

    def features(
        self,
        text: str,
        model: MatcherModel,
        *,
        n_candidates: int = N_CANDIDATES,
        mask: NDArray[np.bool_] | None = None,
        extra: Sequence[int] = (),
    ) -> QueryFeatures:
        """Raw features (len(FEATURE_NAMES) columns) for the query's candidates."""
        empty = QueryFeatures(np.zeros(0, dtype=np.int64), np.zeros((0, len(FEATURE_NAMES))))
        tokens = analyse(text, model.slang)
        if self.size == 0 or not tokens:
            return empty
        cols, vals = self._query_columns(tokens, model)
        if cols.size == 0:
            return empty
        idf = self.idf[cols]
        widf = idf * self.term_weight[cols]
        qmat = np.stack([idf * vals[:, 0], widf * vals[:, 0], widf * vals[:, 1], widf * vals[:, 2]])
        word = np.asarray(self.binary_csc[:, cols] @ qmat.T)  # entries x 4
        first = word[:, 0] / (word[:, 0].max() + 1e-9) + word[:, 3] / (word[:, 3].max() + 1e-9)
        first = first + word[:, 1] / self.weighted_mass
        if mask is not None:
            first = np.where(mask, first, -np.inf)
        first[first <= 0] = -np.inf
        n_ok = int(np.isfinite(first).sum())
        m = min(n_candidates, n_ok)
        rows = (
            np.argpartition(-first, m - 1)[:m]
            if 0 < m < first.size
            else np.flatnonzero(np.isfinite(first))
        )
        if extra:
            rows = np.union1d(rows, np.asarray(extra, dtype=np.int64))
        rows = np.sort(rows).astype(np.int64)
        if rows.size == 0:
            return empty
        w = word[rows]
        out = np.zeros((rows.size, len(FEATURE_NAMES)), dtype=np.float64)
        out[:, 0] = w[:, 0] * self.bm25_row_factor[rows]
        out[:, 1] = w[:, 0] / self.idf_mass[rows]
        out[:, 2] = w[:, 1] / self.weighted_mass[rows]
        out[:, 3] = w[:, 2] / self.weighted_mass[rows]
        out[:, 4] = w[:, 3] / self.weighted_mass[rows]
        bcols = [
            self.bigram_vocab[b] for b in bigrams(tokens, BIGRAM_GAP) if b in self.bigram_vocab
        ]
        if bcols:
            hits = np.asarray(self.bigram[rows][:, bcols].sum(axis=1)).ravel()
            out[:, 5] = hits / self.bigram_count[rows]
        if self.char_vectorizer is not None and self.char is not None:
            qc = self.char_vectorizer.transform([char_text(text)])
            out[:, 6] = np.asarray((self.char[rows] @ qc.T).todense()).ravel()
        out[:, 7] = self.idf_mass[rows] - w[:, 0]
        return QueryFeatures(rows, out)


def normalise(raw: NDArray[np.float64]) -> FloatVec:
    """Per-query features: each raw column divided by its maximum over the candidates,
    concatenated with the raw columns."""
    if raw.shape[0] == 0:
        return np.zeros((0, 2 * raw.shape[1]))
    scale = np.abs(raw).max(axis=0) + 1e-9
    return np.concatenate([raw / scale, raw], axis=1)


def linear_scores(raw: NDArray[np.float64], model: MatcherModel) -> FloatVec:
    """Learning-to-rank logit for every candidate row."""
    result: FloatVec = normalise(raw) @ model.coef + model.intercept
    return result
