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
class KBMatrices:
    """Title-side sparse structures for one knowledge base."""

    vocab: dict[str, int]
    bm25: sp.csr_matrix
    idf_mat: sp.csr_matrix
    idf_mass: FloatVec
    weighted: sp.csr_matrix
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
        coo = binary.tocoo()
        norm = 1.0 + BM25_K1 * (1.0 - BM25_B + BM25_B * length[coo.row] / avg)
        bm25 = sp.csr_matrix(
            (idf[coo.col] * (BM25_K1 + 1.0) / norm, (coo.row, coo.col)),
            shape=binary.shape,
        )
        idf_mat = sp.csr_matrix(binary.multiply(idf[None, :]))
        weights = np.full(len(vocab), model.title_weight_default)
        for term, col in vocab.items():
            weights[col] = model.title_weight.get(term, model.title_weight_default)
        weighted = sp.csr_matrix(binary.multiply((idf * weights)[None, :]))
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
            bm25=bm25,
            idf_mat=idf_mat,
            idf_mass=np.asarray(idf_mat.sum(axis=1)).ravel() + 1e-9,
            weighted=weighted,
            weighted_mass=np.asarray(weighted.sum(axis=1)).ravel() + 1e-9,
            bigram_vocab=bigram_vocab,
            bigram=bigram,
            bigram_count=np.maximum(np.asarray(bigram.sum(axis=1)).ravel(), 1.0),
            char_vectorizer=char_vectorizer,
            char=char,
        )

    @property
    def size(self) -> int:
        return int(self.bm25.shape[0])

    def features(self, text: str, model: MatcherModel) -> NDArray[np.float64]:
        """Raw feature matrix (entries x len(FEATURE_NAMES)) for one query text."""
        n = self.size
        out = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float64)
        tokens = analyse(text, model.slang)
        if n == 0 or not tokens:
            return out
        n_terms = len(self.vocab)
        unique = set(tokens)
        cols = [self.vocab[t] for t in unique if t in self.vocab]
        q = np.zeros(n_terms)
        q[cols] = 1.0
        assoc = q.copy()
        semantic = q.copy()
        for tok in unique:
            for target, prob in model.assoc.get(tok, ()):
                col = self.vocab.get(target)
                if col is not None and prob > assoc[col]:
                    assoc[col] = prob
            for target, sim in model.neighbours.get(tok, ())[:SEMANTIC_TOPN]:
                col = self.vocab.get(target)
                if col is not None and sim > SEMANTIC_MIN_SIM:
                    semantic[col] = max(semantic[col], sim * SEMANTIC_SCALE)
        semantic = np.maximum(semantic, assoc)
        matched = self.idf_mat @ q
        out[:, 0] = self.bm25 @ q
        out[:, 1] = matched / self.idf_mass
        out[:, 2] = (self.weighted @ q) / self.weighted_mass
        out[:, 3] = (self.weighted @ assoc) / self.weighted_mass
        out[:, 4] = (self.weighted @ semantic) / self.weighted_mass
        qb = np.zeros(len(self.bigram_vocab))
        bcols = [
            self.bigram_vocab[b]
            for b in bigrams(tokens, BIGRAM_GAP)
            if b in self.bigram_vocab
        ]
        if bcols:
            qb[bcols] = 1.0
            out[:, 5] = (self.bigram @ qb) / self.bigram_count
        if self.char_vectorizer is not None and self.char is not None:
            qc = self.char_vectorizer.transform([char_text(text)])
            out[:, 6] = np.asarray((self.char @ qc.T).todense()).ravel()
        out[:, 7] = self.idf_mass - matched
        return out


def normalise(
    raw: NDArray[np.float64], mask: NDArray[np.bool_] | None = None
) -> FloatVec:
    """Per-query features: each raw column divided by its maximum over the (unmasked) entries,
    concatenated with the raw columns."""
    scale_src = raw if mask is None else raw[mask]
    if scale_src.shape[0] == 0:
        scale = np.ones(raw.shape[1])
    else:
        scale = np.abs(scale_src).max(axis=0) + 1e-9
    return np.concatenate([raw / scale, raw], axis=1)


def linear_scores(
    raw: NDArray[np.float64], model: MatcherModel, mask: NDArray[np.bool_] | None = None
) -> FloatVec:
    """Learning-to-rank logit for every entry."""
    result: FloatVec = normalise(raw, mask) @ model.coef + model.intercept
    return result
