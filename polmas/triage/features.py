"""Hashed sparse features in four blocks of 2^20 columns each.

- block 0: word 1-2 grams of the normalised text,
- block 1: ``char_wb`` 3-5 grams of the normalised text,
- block 2: word 1-2 grams of the raw (un-escaped, lower-cased) text, before slang normalisation,
- block 3: word 1-2 grams of the pseudo-Indonesian text (the normalised text with Javanese and
  Sundanese words translated word by word, negations marked, and for a text without a regional
  marker word a polarity token per listed positive / negative word, :mod:`polmas.triage.lexicon`).

Hashing needs no stored vocabulary, so a model is just its weights. Every block is binary and
L2-normalised separately. The columns are those of scikit-learn's ``HashingVectorizer``, computed
with memoised hashes (:mod:`polmas.triage.hashing`). Heads that do not use a view simply have no
weights in its block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from polmas.triage.hashing import SMALL_BATCH, HashedBlocks, joined_matrix
from polmas.triage.lexicon import active_lexicon, pseudo_indonesian
from polmas.triage.normalise import normalise_fast, regional_markers, slang_dictionary

BLOCK = 2**20
CHAR_NGRAMS = (3, 5)
N_NORMALISED = 2 * BLOCK
"""Columns of the two normalised-text blocks (the raw-text block starts here)."""
N_RAW = 3 * BLOCK
"""Columns of the first three blocks (the pseudo-Indonesian block starts here)."""
N_FEATURES = 4 * BLOCK

_ESCAPED_BYTES = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")


_BLOCKS = HashedBlocks(BLOCK, *CHAR_NGRAMS)
"""The process's hashing memos (:mod:`polmas.triage.hashing`)."""


def clear_memos() -> None:
    """Empty the hashing memos, as in a freshly started process."""
    _BLOCKS.clear()


def _decode_bytes(match: re.Match[str]) -> str:
    raw = bytes(int(h, 16) for h in match.group(0).split("\\x")[1:])
    return raw.decode("utf-8", errors="replace")


def unescape(text: str) -> str:
    """Undo literal escapes found in scraped tweets: ``\\n``, ``\\t`` and UTF-8 ``\\xHH`` runs.

    Real messages rarely contain a backslash, so this is almost always a no-op.
    """
    if "\\" not in text:
        return text
    text = text.replace("\\n", "\n").replace("\\t", " ")
    return _ESCAPED_BYTES.sub(_decode_bytes, text)


def raw_view(text: str) -> str:
    """The raw text as the third block sees it: un-escaped and lower-cased."""
    return unescape(text).lower()


def featurise_views(
    raw: Sequence[str], normalised: Sequence[str], translated: Sequence[str]
) -> sparse.csr_matrix:
    """Features from raw views (:func:`raw_view`), normalised and pseudo-Indonesian texts."""
    if len(normalised) < SMALL_BATCH:  # one matrix, no hstack (hashing.joined_matrix)
        words = _BLOCKS.word_rows
        rows = [words(normalised), _BLOCKS.char_rows(normalised), words(raw), words(translated)]
        return joined_matrix(rows, BLOCK)
    blocks = [
        _BLOCKS.word_block(normalised),
        _BLOCKS.char_block(normalised),
        _BLOCKS.word_block(raw),
        _BLOCKS.word_block(translated),
    ]
    return sparse.hstack(blocks, format="csr", dtype=np.float32)


def featurise(
    texts: Sequence[str],
    slang: dict[str, str] | None = None,
    lexicon: Mapping[str, str] | None = None,
) -> sparse.csr_matrix:
    """Un-escape, normalise (with ``slang``), translate (with ``lexicon``) and featurise.

    ``slang`` and ``lexicon`` default to those of the active artifact folder.
    """
    table = active_lexicon() if lexicon is None else lexicon
    slang = slang_dictionary() if slang is None else slang
    markers = regional_markers(slang)
    raw = [unescape(t) for t in texts]
    norm = [normalise_fast(t, slang) for t in raw]
    translated = [pseudo_indonesian(t, table, markers) for t in norm]
    return featurise_views([t.lower() for t in raw], norm, translated)
