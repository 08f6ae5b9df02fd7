"""Word alignment of parallel sentences and the pseudo-Indonesian view it feeds."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from polmas.triage.features import BLOCK, featurise
from polmas.triage.lexicon import (
    NEGATIVE_MARK,
    POSITIVE_MARK,
    REGIONAL_NEGATIVE_MARK,
    REGIONAL_POLARITY_FILE,
    REGIONAL_POSITIVE_MARK,
    active_lexicon,
    load_lexicon,
    mark_negation,
    pseudo_indonesian,
    regional_polarity_tokens,
    to_indonesian,
)
from polmas.triage.linear import Head, LinearHeads
from polmas.triage.normalise import normalise_fast, regional_markers, slang_dictionary
from polmas.triage.paths import artifacts_dir
from polmas.triage.training.align import frequent_words, learn_lexicons, merge_to_indonesian

JAVANESE = [
    "aku seneng mangan sega",
    "sega iki enak",
    "aku ora seneng",
    "regane larang",
    "regane mirah lan enak",
    "aku mangan ing omah",
]
INDONESIAN = [
    "saya suka makan nasi",
    "nasi ini enak",
    "saya tidak suka",
    "harganya mahal",
    "harganya murah dan enak",
    "saya makan di rumah",
]


def _lexicons() -> tuple[dict[str, str], dict[str, str]]:
    return learn_lexicons([s.split() for s in JAVANESE], [s.split() for s in INDONESIAN])


def test_alignment_learns_word_pairs_from_parallel_sentences() -> None:
    to_id, from_id = _lexicons()
    assert to_id["sega"] == "nasi"
    assert to_id["regane"] == "harganya"
    assert to_id["aku"] == "saya"
    assert to_id["seneng"] == "suka"
    assert from_id["nasi"] == "sega"
    assert "enak" not in to_id  # identical words are not listed


def test_common_indonesian_words_are_never_translated() -> None:
    to_id, _ = _lexicons()
    keep = frequent_words(["aku di sini", "aku di sana", "aku pergi"], min_count=3)
    merged = merge_to_indonesian([to_id, {"sega": "beras", "omah": "rumah"}], keep)
    assert "aku" not in merged
    assert merged["sega"] == "nasi"  # the first lexicon wins
    assert to_indonesian("aku seneng sega", merged) == "aku suka nasi"
    assert to_indonesian("aku seneng sega", {}) == "aku seneng sega"


def test_committed_lexicon_translates_javanese_and_sundanese() -> None:
    lexicon = load_lexicon(artifacts_dir())
    payload = json.loads((artifacts_dir() / "lexicon.json").read_text(encoding="utf-8"))
    assert set(payload["from_indonesian"]) == {"javanese", "sundanese"}
    assert len(lexicon) > 300
    assert to_indonesian("regane larang", lexicon) == "harganya mahal"
    assert to_indonesian("saya suka makan", lexicon) == "saya suka makan"


def test_pseudo_indonesian_block_matches_for_a_translation() -> None:
    lexicon = {"sega": "nasi", "enak": "enak"}
    x = featurise(["sega enak", "nasi enak"], {}, lexicon)
    block3 = x[:, 3 * BLOCK :]
    assert (block3[0] != block3[1]).nnz == 0
    assert (x[0, :BLOCK] != x[1, :BLOCK]).nnz > 0


def test_heads_with_fewer_feature_blocks_still_score(tmp_path: Path) -> None:
    """Artifacts trained before block 4 existed keep working: their weights are padded."""
    x = featurise(["sega enak", "nasi enak"], {}, {"sega": "nasi"})
    old = sparse.csr_matrix(np.ones((3 * BLOCK, 1), dtype=np.float32))
    heads = LinearHeads(old, np.zeros(1, dtype=np.float32), [Head("h", "binary", ("true",), 0, 1)])
    heads.save(tmp_path / "old.npz")
    loaded = LinearHeads.load(tmp_path / "old.npz")
    scores = loaded.scores(x)
    assert scores.shape == (2, 1)
    expected = np.asarray(x[:, : 3 * BLOCK].sum(axis=1)).ravel()
    assert scores[:, 0] == pytest.approx(expected, rel=1e-3)


def test_negation_marks_the_next_words_only() -> None:
    assert mark_negation("rasanya tidak enak , pelayanan lama") == (
        "rasanya tidak enak , pelayanan lama _enak"
    )
    assert mark_negation("bukan hoaks tapi fakta") == "bukan hoaks tapi fakta _hoaks _tapi"
    assert mark_negation("tidak tidak") == "tidak tidak"
    assert mark_negation("enak sekali") == "enak sekali"
    assert pseudo_indonesian("regane ora larang", {"regane": "harganya", "ora": "tidak"}) == (
        "harganya tidak larang _larang"
    )


def _block4(text: str, regional_polarity: bool = True) -> list[str]:
    slang = slang_dictionary()
    normalised = normalise_fast(text, slang)
    markers = regional_markers(slang)
    return pseudo_indonesian(normalised, active_lexicon(), markers, regional_polarity).split()


def test_indonesian_text_gets_the_indonesian_polarity_tokens() -> None:
    words = _block4("makanannya enak banget tapi tidak murah")
    assert words.count(POSITIVE_MARK) == 2  # enak, murah
    assert f"_{POSITIVE_MARK}" in words  # "tidak murah"
    assert not {REGIONAL_POSITIVE_MARK, REGIONAL_NEGATIVE_MARK} & set(words)


def test_regional_text_gets_the_regional_polarity_tokens() -> None:
    assert REGIONAL_NEGATIVE_MARK in _block4("kamar mandine reged")
    negated = _block4("panganane bli sedep blas")  # Dermayon "not tasty at all"
    assert f"_{REGIONAL_POSITIVE_MARK}" in negated
    assert REGIONAL_POSITIVE_MARK not in negated
    sundanese = _block4("tuangeunana ngeunah pisan")
    assert REGIONAL_POSITIVE_MARK in sundanese
    assert not {POSITIVE_MARK, NEGATIVE_MARK} & set(sundanese)
    assert not {REGIONAL_POSITIVE_MARK, REGIONAL_NEGATIVE_MARK} & set(
        _block4("tuangeunana ngeunah pisan", regional_polarity=False)
    )


def test_regional_polarity_words_are_stored_as_the_slang_step_gives_them() -> None:
    """A listed word the slang step rewrites could never be seen, so it would never count."""
    listed = json.loads(REGIONAL_POLARITY_FILE.read_text(encoding="utf-8"))
    for language in ("javanese", "sundanese"):
        positive, negative = set(listed[language]["positive"]), set(listed[language]["negative"])
        assert positive and negative and not positive & negative
        for word in positive | negative:
            assert word.isalpha() and word == word.lower()
            assert normalise_fast(word, slang_dictionary()) == word, word
    assert len(regional_polarity_tokens()) >= 500
