"""Ranking metrics and the two baselines the issue names (BM25 over titles, char TF-IDF)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from polmas.hoaxes.matching.index import HoaxIndex, KBEntry

ScoreFn = Callable[[str], NDArray[np.float64]]
_WORD = re.compile(r"\w+")


def simple_tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def bm25_baseline(titles: Sequence[str], k1: float = 1.2, b: float = 0.75) -> ScoreFn:
    """Okapi BM25 with the titles as documents and the whole query as the query."""
    vectorizer = CountVectorizer(analyzer=simple_tokens)
    counts = sp.csr_matrix(vectorizer.fit_transform(titles), dtype=np.float64)
    n_docs = counts.shape[0]
    df = np.diff(counts.tocsc().indptr)
    idf = np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
    length = np.asarray(counts.sum(axis=1)).ravel()
    coo = counts.tocoo()
    denom = coo.data + k1 * (1 - b + b * length[coo.row] / max(length.mean(), 1e-9))
    weights = sp.csr_matrix(
        (coo.data * (k1 + 1) / denom * idf[coo.col], (coo.row, coo.col)),
        shape=counts.shape,
    )

    def score(text: str) -> NDArray[np.float64]:
        q = vectorizer.transform([text])
        q.data[:] = 1.0
        return np.asarray((weights @ q.T).todense(), dtype=np.float64).ravel()

    return score


def char_tfidf_baseline(titles: Sequence[str]) -> ScoreFn:
    """Cosine similarity of character 2-4-gram TF-IDF vectors (fitted on the titles)."""
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    matrix = vectorizer.fit_transform(titles)

    def score(text: str) -> NDArray[np.float64]:
        return np.asarray((matrix @ vectorizer.transform([text]).T).todense()).ravel()

    return score


def index_scorer(index: HoaxIndex) -> ScoreFn:
    return index.scores


def ranks(score_fn: ScoreFn, queries: Sequence[str], gold: Sequence[int]) -> NDArray[np.int64]:
    """0-based rank of the gold entry for each query (ties count against the gold entry)."""
    out = np.zeros(len(queries), dtype=np.int64)
    for i, (text, g) in enumerate(zip(queries, gold, strict=True)):
        s = score_fn(text)
        out[i] = int(np.sum(s >= s[g])) - 1
    return out


def metrics(rank: NDArray[np.int64]) -> dict[str, float]:
    if rank.size == 0:
        return {
            "recall@1": 0.0,
            "recall@5": 0.0,
            "recall@10": 0.0,
            "mrr": 0.0,
            "n": 0.0,
        }
    return {
        "recall@1": round(float(np.mean(rank < 1)), 4),
        "recall@5": round(float(np.mean(rank < 5)), 4),
        "recall@10": round(float(np.mean(rank < 10)), 4),
        "mrr": round(float(np.mean(1.0 / (rank + 1))), 4),
        "n": float(rank.size),
    }


def compare(
    entries: Sequence[KBEntry],
    index: HoaxIndex,
    queries: Sequence[str],
    gold: Sequence[int],
) -> dict[str, dict[str, float]]:
    """Our matcher beside both baselines on the same queries and knowledge base."""
    titles = [e.title for e in entries]
    return {
        "polmas": metrics(ranks(index_scorer(index), queries, gold)),
        "bm25_titles": metrics(ranks(bm25_baseline(titles), queries, gold)),
        "char_tfidf": metrics(ranks(char_tfidf_baseline(titles), queries, gold)),
    }


def format_table(results: dict[str, dict[str, float]]) -> str:
    lines = [f"{'method':<14}{'R@1':>8}{'R@5':>8}{'R@10':>8}{'MRR':>8}{'n':>6}"]
    for name, m in results.items():
        lines.append(
            f"{name:<14}{m['recall@1']:>8.3f}{m['recall@5']:>8.3f}{m['recall@10']:>8.3f}"
            f"{m['mrr']:>8.3f}{int(m['n']):>6d}"
        )
    return "\n".join(lines)
