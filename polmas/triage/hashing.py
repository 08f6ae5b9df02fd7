"""Hashed features, computed as scikit-learn's ``HashingVectorizer`` computes them, with less work.

The columns are exactly those of scikit-learn's ``HashingVectorizer`` as the models were trained
with it (murmurhash3 of the UTF-8 feature, seed 0, ``abs(h) % n_features``, binary, every block
L2-normalised on its own): ``tests/test_hashing.py`` compares both on the training texts, bit for
bit. What changes is the work per message:

- the word blocks pass a batch's word 1-2-grams to scikit-learn's ``FeatureHasher`` in one call,
  which hashes them in C (word pairs are mostly new, so remembering their columns cost more than
  hashing them again: 35-45 µs per 200-character message against 55-70 µs for a memo). A call
  costs about 80 µs whatever its size, so a batch of fewer than :data:`SMALL_BATCH` texts (one
  message from a form or a chat) looks its columns up in a memo instead;
- the ``char_wb`` 3-5-grams of a word depend only on the word, so a word's whole set of
  character columns is remembered, and a message's character block is the union of its words'
  sets.

Each row's columns are then sorted by one numpy sort for the whole batch
(:func:`sorted_within_rows`). A small batch builds all four blocks as one matrix
(:func:`joined_matrix`) instead of four matrices and a ``hstack``: about 100 µs less for one
message, which is what a form or a chat sends. The memos (:class:`polmas.triage.memo.Memo`) are
bounded (:data:`MEMO_LIMIT` features, :data:`WORD_MEMO_LIMIT` words; a full memo is emptied and
refills), so a flood of made-up words cannot grow a worker's memory.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from itertools import chain, pairwise

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import FeatureHasher
from sklearn.utils import murmurhash3_32

from polmas.triage.memo import Memo

TOKEN = re.compile(r"(?u)\b\w+\b")
"""scikit-learn's default ``token_pattern``, the word tokens of the word blocks."""

MEMO_LIMIT = 100_000
"""Features (word 1-2-grams of small batches, character n-grams) whose column a memo holds
before it is emptied."""
SMALL_BATCH = 8
"""Batches with fewer texts hash their word features through the memo, not ``FeatureHasher``."""
WORD_MEMO_LIMIT = 20_000
"""Words whose character columns are held before that memo is emptied."""


def column(feature: str, n_features: int) -> int:
    """The column scikit-learn's ``FeatureHasher`` gives ``feature`` (seed 0, no sign).

    scikit-learn defines the column of the hash -2**31, whose ``abs`` overflows an int32, as
    ``abs(-2**31) % n_features``; Python's integers do not overflow, so ``abs`` gives it as is.
    """
    return abs(int(murmurhash3_32(feature, seed=0, positive=False))) % n_features


def char_wb_ngrams(word: str, low: int, high: int) -> list[str]:
    """The ``char_wb`` n-grams of one whitespace-free word, as scikit-learn makes them."""
    padded = f" {word} "
    size = len(padded)
    grams: list[str] = []
    for n in range(low, high + 1):
        if size <= n:  # a short word is counted once, whole, at the first n that covers it
            grams.append(padded)
            break
        grams.extend(padded[i : i + n] for i in range(size - n + 1))
    return grams


def word_features(text: str) -> list[str]:
    """The word 1-2-grams of ``text``, as scikit-learn's word analyzer makes them."""
    tokens = TOKEN.findall(text)
    if len(tokens) < 2:
        return tokens
    return tokens + list(map(" ".join, pairwise(tokens)))


def char_columns(text: str, memo: Memo[str, tuple[int, ...]]) -> set[int]:
    """Columns of the ``char_wb`` n-grams of ``text``."""
    return set(chain.from_iterable(map(memo.__getitem__, text.split())))


def block_matrix(rows: Sequence[set[int]], n_features: int) -> sparse.csr_matrix:
    """Binary rows, each L2-normalised, as a CSR matrix with sorted indices."""
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    indptr = np.zeros(len(rows) + 1, dtype=np.int32)
    np.cumsum(lengths, out=indptr[1:])
    indices = np.fromiter(chain.from_iterable(rows), dtype=np.int32, count=int(indptr[-1]))
    return binary_l2(indices, indptr, n_features, sorted_rows=False)


def joined_matrix(blocks: Sequence[Sequence[set[int]]], n_features: int) -> sparse.csr_matrix:
    """The blocks side by side as one CSR matrix, as ``sparse.hstack`` of their
    :func:`block_matrix` would give it: block ``b`` takes the columns from ``b * n_features``, and
    each row of each block is binary and L2-normalised on its own. Meant for a few rows (one
    Python pass per row and block); a large batch is quicker through :func:`block_matrix`."""
    segments: list[np.ndarray] = []
    for row in zip(*blocks, strict=True):
        for b, columns in enumerate(row):
            segment = np.fromiter(columns, dtype=np.int32, count=len(columns))
            segment.sort()
            segments.append(segment + np.int32(b * n_features))
    counts = np.fromiter(map(len, segments), dtype=np.int64, count=len(segments))
    row_ends = np.zeros(len(blocks[0]) + 1, dtype=np.int32)
    np.cumsum(counts.reshape(-1, len(blocks)).sum(axis=1), out=row_ends[1:])
    matrix = sparse.csr_matrix(
        (
            np.repeat(l2_values(counts), counts),
            np.concatenate(segments) if segments else np.zeros(0, dtype=np.int32),
            row_ends,
        ),
        shape=(len(row_ends) - 1, len(blocks) * n_features),
    )
    matrix.has_sorted_indices = True
    return matrix


def binary_l2(
    indices: np.ndarray, indptr: np.ndarray, n_features: int, sorted_rows: bool
) -> sparse.csr_matrix:
    """The CSR matrix of rows with ``1`` in each listed column (each listed once), L2-normalised,
    with sorted indices. The value of a row with ``k`` columns is ``float32(1 / sqrt(k))``
    computed in double, as scikit-learn's ``normalize`` does it."""
    lengths = np.diff(indptr).astype(np.int64)
    if not sorted_rows:
        indices = sorted_within_rows(indices, lengths)
    matrix = sparse.csr_matrix(
        (np.repeat(l2_values(lengths), lengths), indices, indptr), shape=(len(lengths), n_features)
    )
    matrix.has_sorted_indices = True
    return matrix


def l2_values(lengths: np.ndarray) -> np.ndarray:
    """The value of each column of a binary row of ``lengths[i]`` columns, L2-normalised:
    ``float32(1 / sqrt(k))`` computed in double, as scikit-learn's ``normalize`` does it (an
    empty row has no value to repeat)."""
    with np.errstate(divide="ignore"):
        values: np.ndarray = (1.0 / np.sqrt(lengths.astype(np.float64))).astype(np.float32)
    return values


def sorted_within_rows(indices: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``indices`` (non-negative int32, rows of ``lengths`` one after another) sorted within each
    row. A row's values are all equal, so only the indices need to move: one numpy sort of
    ``row << 32 | column`` keys for the whole batch, about 6 µs per message against 21 µs for
    scipy's ``sort_indices`` (which sorts index-value pairs row by row)."""
    rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    keys = (rows << 32) | indices.astype(np.int64)
    keys.sort()
    return (keys & 0xFFFFFFFF).astype(np.int32)


class HashedBlocks:
    """The word blocks (scikit-learn's ``FeatureHasher``, or for a small batch a memo feature ->
    column) and the ``char_wb`` block, over two memos: character n-gram -> column, and word ->
    the columns of its character n-grams."""

    def __init__(self, n_features: int, char_low: int, char_high: int) -> None:
        self.n_features = n_features
        self.hasher = FeatureHasher(
            n_features=n_features, input_type="string", alternate_sign=False, dtype=np.float32
        )
        self.words: Memo[str, int] = Memo(partial(column, n_features=n_features), MEMO_LIMIT)
        self.grams: Memo[str, int] = Memo(partial(column, n_features=n_features), MEMO_LIMIT)
        grams = self.grams

        def word_chars(word: str) -> tuple[int, ...]:
            return tuple(map(grams.__getitem__, char_wb_ngrams(word, char_low, char_high)))

        self.chars: Memo[str, tuple[int, ...]] = Memo(word_chars, WORD_MEMO_LIMIT)

    def clear(self) -> None:
        """Forget every remembered column (benchmarks measure from a cold start)."""
        self.words.clear()
        self.grams.clear()
        self.chars.clear()

    def word_rows(self, texts: Sequence[str]) -> list[set[int]]:
        """Each text's word 1-2-gram columns, through the memo (for a small batch)."""
        look_up = self.words.__getitem__
        return [set(map(look_up, word_features(t))) for t in texts]

    def char_rows(self, texts: Sequence[str]) -> list[set[int]]:
        """Each text's ``char_wb`` 3-5-gram columns, through the memos."""
        memo = self.chars
        return [char_columns(t, memo) for t in texts]

    def word_block(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Word 1-2-grams, binary, L2-normalised."""
        if len(texts) < SMALL_BATCH:
            return block_matrix(self.word_rows(texts), self.n_features)
        # FeatureHasher sums a repeated feature and sorts each row's columns.
        counts = self.hasher.transform(map(word_features, texts))
        return binary_l2(counts.indices, counts.indptr, self.n_features, sorted_rows=True)

    def char_block(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """``char_wb`` n-grams, binary, L2-normalised."""
        return block_matrix(self.char_rows(texts), self.n_features)
