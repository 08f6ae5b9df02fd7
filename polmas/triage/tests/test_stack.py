"""Raw-text view helpers and the JSON meta-model of the stacked hate / abusive decisions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from polmas.triage.features import BLOCK, N_FEATURES, featurise, unescape
from polmas.triage.linear import Head, LinearHeads
from polmas.triage.paths import artifacts_dir
from polmas.triage.stack import (
    LEXICON_FEATURES,
    Stack,
    StackedDecision,
    input_column,
    lexicon_features,
)


def test_unescape_scraped_tweets() -> None:
    assert unescape("biasa aja") == "biasa aja"
    assert unescape("baris\\nkedua") == "baris\nkedua"
    assert unescape("lucu \\xf0\\x9f\\x98\\x82") == "lucu \U0001f602"


def test_featurise_has_four_blocks() -> None:
    x = featurise(["Dasar b4ngsat lu", ""], {}, {})
    assert x.shape == (2, N_FEATURES)
    assert x[1].nnz == 0
    blocks = [x[0, i * BLOCK : (i + 1) * BLOCK].nnz for i in range(4)]
    assert all(n > 0 for n in blocks)


def test_lexicon_features_count_both_views() -> None:
    feats = lexicon_features(frozenset({"bangsat"}), ["dasar b4ngsat"], ["dasar bangsat bangsat"])
    assert feats.shape == (1, len(LEXICON_FEATURES))
    assert feats[0].tolist() == pytest.approx([1.0, np.log1p(2), 0.0, 0.0])


def test_stack_round_trip_and_decision(tmp_path: Path) -> None:
    heads = LinearHeads(
        sparse.csr_matrix((4, 2), dtype=np.float32),
        np.zeros(2, dtype=np.float32),
        [Head("a", "binary", ("true",), 0, 1), Head("b", "binary", ("true",), 1, 2)],
    )
    width = 2 + len(LEXICON_FEATURES)
    stack = Stack(["a", "b"], frozenset({"x"}), [StackedDecision("d", (1.0,) * width, 0.0, 0.5)])
    stack.save(tmp_path / "stack.json", "test")
    loaded = Stack.load(tmp_path / "stack.json")
    scores = np.array([[0.2, 0.2], [0.2, 0.4]], dtype=np.float32)
    meta = loaded.meta_features(heads, scores, ["", ""], ["", ""])
    assert loaded.predict("d", meta) == [False, True]
    with pytest.raises(ValueError):
        Stack(["a"], frozenset(), [StackedDecision("d", (1.0,), 0.0, 0.0)])


def test_stack_reads_one_class_of_a_multiclass_head() -> None:
    heads = LinearHeads(
        sparse.csr_matrix((4, 3), dtype=np.float32),
        np.zeros(3, dtype=np.float32),
        [
            Head("a", "binary", ("true",), 0, 1),
            Head("m", "multiclass", ("calm", "angry"), 1, 3),
        ],
    )
    assert [input_column(heads, n) for n in ("a", "m:calm", "m:angry")] == [0, 1, 2]
    weights = (0.0, 1.0) + (0.0,) * len(LEXICON_FEATURES)  # only m:angry counts
    stack = Stack(["a", "m:angry"], frozenset(), [StackedDecision("d", weights, 0.0, 0.5)])
    scores = np.array([[9.0, 9.0, 0.2], [-9.0, -9.0, 0.8]], dtype=np.float32)
    meta = stack.meta_features(heads, scores, ["", ""], ["", ""])
    assert meta[:, :2].ravel().tolist() == pytest.approx([9.0, 0.2, -9.0, 0.8])
    assert stack.predict("d", meta) == [False, True]
    with pytest.raises(ValueError):
        input_column(heads, "m:bored")
    with pytest.raises(KeyError):
        input_column(heads, "missing")


def test_committed_stack_matches_heads() -> None:
    stack = Stack.load(artifacts_dir() / "stack.json")
    model = LinearHeads.load(artifacts_dir() / "models.npz")
    assert set(stack.inputs) <= set(model.heads) | {
        f"{h.name}:{c}" for h in model.heads.values() if h.kind == "multiclass" for c in h.classes
    }
    zeros = [i for i, name in enumerate(stack.inputs) if ":" in name]
    assert zeros, "the hate-speech decision reads sentiment and emotion class scores"
    assert all(stack.decisions["abusive"].weights[i] == 0.0 for i in zeros)
    assert any(stack.decisions["hate_speech"].weights[i] != 0.0 for i in zeros)
    assert set(stack.decisions) == {"hate_speech", "abusive"}
    assert model.weights.shape[0] == N_FEATURES
