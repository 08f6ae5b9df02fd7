"""The triage's feature hashing gives exactly scikit-learn's ``HashingVectorizer`` columns.

The models were trained with scikit-learn's vectorizer; if a single column or value differed,
every head would score messages slightly differently from how it was trained and evaluated.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from polmas.triage import hashing
from polmas.triage.features import BLOCK, CHAR_NGRAMS, featurise_views, raw_view, unescape
from polmas.triage.lexicon import active_lexicon, pseudo_indonesian
from polmas.triage.normalise import normalise_fast
from polmas.triage.paths import shared_data_dir
from polmas.triage.training.data import load_emot, load_smsa

SMALL = 2**10
"""A small hash space for the property tests, so that collisions happen too."""

EDGE_TEXTS = [
    "",
    "   ",
    "a",
    "ab",
    "😀😀 🙏",
    "x\u00a0y  z\tw\n",
    "ÉCOLE über straße",
    "a_b __ 1 2 3",
    "\u2028sep\x1cx\x1fy",
    "Tolong pak ada tawuran di desa Tugu kec Sliyeg, hp 0812-3456-7890",
    "isun weruh wong mendem ning pinggir dalan Juntinyuat",
    "gak gak gak tidak enak enak",
]


def _word(n_features: int) -> HashingVectorizer:
    return HashingVectorizer(
        n_features=n_features,
        ngram_range=(1, 2),
        alternate_sign=False,
        norm="l2",
        binary=True,
        lowercase=False,
        token_pattern=r"(?u)\b\w+\b",
        dtype=np.float32,
    )


def _char(n_features: int) -> HashingVectorizer:
    return HashingVectorizer(
        n_features=n_features,
        analyzer="char_wb",
        ngram_range=CHAR_NGRAMS,
        alternate_sign=False,
        norm="l2",
        binary=True,
        lowercase=False,
        dtype=np.float32,
    )


def assert_identical(expected: sparse.spmatrix, got: sparse.csr_matrix) -> None:
    """Same shape, same sorted columns per row, bit-identical float32 values."""
    want = sparse.csr_matrix(expected)
    want.sort_indices()
    assert got.shape == want.shape
    assert got.has_sorted_indices
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got.indptr, want.indptr)
    np.testing.assert_array_equal(got.indices, want.indices)
    np.testing.assert_array_equal(got.data.view(np.uint32), want.data.view(np.uint32))


def _reference_views(texts: list[str]) -> sparse.csr_matrix:
    raw = [raw_view(t) for t in texts]
    norm = [normalise_fast(unescape(t)) for t in texts]
    translated = [pseudo_indonesian(t, active_lexicon()) for t in norm]
    blocks = [
        _word(BLOCK).transform(norm),
        _char(BLOCK).transform(norm),
        _word(BLOCK).transform(raw),
        _word(BLOCK).transform(translated),
    ]
    return sparse.hstack(blocks, format="csr", dtype=np.float32)


def _ours(texts: list[str]) -> sparse.csr_matrix:
    raw = [raw_view(t) for t in texts]
    norm = [normalise_fast(unescape(t)) for t in texts]
    return featurise_views(raw, norm, [pseudo_indonesian(t, active_lexicon()) for t in norm])


def test_all_four_blocks_match_scikit_learn_on_edge_texts() -> None:
    assert_identical(_reference_views(EDGE_TEXTS), _ours(EDGE_TEXTS))


def test_all_four_blocks_match_scikit_learn_on_real_messages() -> None:
    data = shared_data_dir()
    if not (data / "nlp" / "smsa").exists():
        pytest.skip("shared NLP data is not on this machine")
    texts = load_smsa(data, "valid").texts + load_emot(data, "valid").texts
    assert len(texts) > 1500
    assert_identical(_reference_views(texts), _ours(texts))
    # A second pass is served from the memos and must give the same matrix.
    assert_identical(_reference_views(texts), _ours(texts))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=6))
def test_blocks_match_scikit_learn_on_any_text(texts: list[str]) -> None:
    blocks = hashing.HashedBlocks(SMALL, *CHAR_NGRAMS)
    assert_identical(_word(SMALL).transform(texts), blocks.word_block(texts))
    assert_identical(_char(SMALL).transform(texts), blocks.char_block(texts))


def test_column_of_each_feature_is_scikit_learns() -> None:
    features = ["yang", "gak enak", " di ", "😀", "straße", "ab", ""]
    hasher = _word(BLOCK)._get_hasher()
    for feature in features:
        expected = hasher.transform([[feature]]).indices
        assert [hashing.column(feature, BLOCK)] == list(expected)


def test_memos_are_bounded_and_stay_correct(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hashing, "MEMO_LIMIT", 50)
    monkeypatch.setattr(hashing, "WORD_MEMO_LIMIT", 20)
    blocks = hashing.HashedBlocks(SMALL, *CHAR_NGRAMS)
    texts = [f"kata{i} lain{i} kata{i + 1}" for i in range(200)]
    # Batches of 3 take the memo path of the word blocks, batches of 16 FeatureHasher.
    batches = [texts[i : i + 3] for i in range(0, 100, 3)]
    batches += [texts[i : i + 16] for i in range(100, 200, 16)]
    for batch in batches:
        assert_identical(_word(SMALL).transform(batch), blocks.word_block(batch))
        assert_identical(_char(SMALL).transform(batch), blocks.char_block(batch))
        assert len(blocks.words) <= 50
        assert len(blocks.chars) <= 20
        assert len(blocks.grams) <= 50
    blocks.clear()
    assert not blocks.words and not blocks.chars and not blocks.grams


def test_small_and_large_batches_give_the_same_rows() -> None:
    texts = [*EDGE_TEXTS, *(f"{t} {t[::-1]}" for t in EDGE_TEXTS)]
    assert len(texts) >= 2 * hashing.SMALL_BATCH
    blocks = hashing.HashedBlocks(SMALL, *CHAR_NGRAMS)
    whole = blocks.word_block(texts)
    one_by_one = sparse.vstack([blocks.word_block([t]) for t in texts], format="csr")
    assert_identical(whole, one_by_one)


def test_an_empty_batch_and_empty_rows() -> None:
    blocks = hashing.HashedBlocks(SMALL, *CHAR_NGRAMS)
    empty = blocks.word_block([])
    assert empty.shape == (0, SMALL) and empty.nnz == 0
    rows = blocks.char_block(["", "  ", "ok"])
    assert list(np.diff(rows.indptr)) == [0, 0, 3]  # " ok": " ok", "ok ", " ok " (4-gram)


def test_one_message_and_small_batches_match_scikit_learn() -> None:
    """Small batches build the four blocks as one matrix (``hashing.joined_matrix``)."""
    texts = list(EDGE_TEXTS)
    data = shared_data_dir()
    if (data / "nlp" / "smsa").exists():
        texts += load_smsa(data, "valid").texts[:300]
    reference = _reference_views(texts)
    for size in (1, 3, hashing.SMALL_BATCH - 1):
        for i in range(0, len(texts), size):
            assert_identical(reference[i : i + size], _ours(texts[i : i + size]))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sets(st.integers(0, SMALL - 1), max_size=40), min_size=3, max_size=3),
        min_size=1,
        max_size=5,
    )
)
def test_joined_matrix_is_the_hstack_of_its_blocks(rows: list[list[set[int]]]) -> None:
    blocks = [[row[b] for row in rows] for b in range(3)]
    stacked = sparse.hstack(
        [hashing.block_matrix(block, SMALL) for block in blocks], format="csr", dtype=np.float32
    )
    stacked.sort_indices()
    assert_identical(stacked, hashing.joined_matrix(blocks, SMALL))
