"""Hashed sparse features: word 1-2 grams + char_wb 3-5 grams of the normalised text.

Hashing needs no stored vocabulary, so a model is just its weights. Both blocks are binary and
L2-normalised separately; the word block occupies columns [0, 2**20), the char block the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from polmas.triage.normalise import normalise_fast

BLOCK = 2**20
CHAR_NGRAMS = (3, 5)
N_FEATURES = 2 * BLOCK

_WORD = HashingVectorizer(
    n_features=BLOCK,
    ngram_range=(1, 2),
    alternate_sign=False,
    norm="l2",
    binary=True,
    lowercase=False,
    token_pattern=r"(?u)\b\w+\b",
    dtype=np.float32,
)
_CHAR = HashingVectorizer(
    n_features=BLOCK,
    analyzer="char_wb",
    ngram_range=CHAR_NGRAMS,
    alternate_sign=False,
    norm="l2",
    binary=True,
    lowercase=False,
    dtype=np.float32,
)


def featurise_normalised(texts: Sequence[str]) -> sparse.csr_matrix:
    """Features of already-normalised texts."""
    blocks = [_WORD.transform(texts), _CHAR.transform(texts)]
    return sparse.hstack(blocks, format="csr", dtype=np.float32)


def featurise(texts: Sequence[str], slang: dict[str, str] | None = None) -> sparse.csr_matrix:
    """Normalise (with ``slang``, default: the active artifacts' dictionary) and featurise."""
    return featurise_normalised([normalise_fast(t, slang) for t in texts])
