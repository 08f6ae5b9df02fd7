"""The joint sparse x dense product gives every head set the scores of its own product."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from polmas.triage.linear import SMALL_ROWS, Head, JointScorer, LinearHeads


def heads(rng: np.random.Generator, rows: int, columns: int, name: str) -> LinearHeads:
    weights = sparse.random(rows, columns, density=0.02, random_state=rng, format="csr")
    bias = rng.normal(size=columns).astype(np.float32)
    classes = tuple(f"c{i}" for i in range(columns))
    return LinearHeads(
        weights.astype(np.float32), bias, [Head(name, "multiclass", classes, 0, columns)]
    )


def test_joint_scores_equal_each_sets_own_scores() -> None:
    rng = np.random.default_rng(0)
    main, extra = heads(rng, 5_000, 6, "main"), heads(rng, 4_000, 3, "extra")
    features = sparse.random(7, 5_000, density=0.01, random_state=rng, format="csr")
    features = sparse.vstack([features, sparse.csr_matrix((1, 5_000))], format="csr")  # empty row
    features = features.astype(np.float32)
    joint, own = JointScorer([main, extra]).scores(features), [main, extra]
    assert [s.shape for s in joint] == [(8, 6), (8, 3)]
    for scores, head_set in zip(joint, own, strict=True):
        np.testing.assert_allclose(scores, head_set.scores(features), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(joint[0][-1], main.bias)  # no features: the bias alone


def test_features_wider_than_the_weights_are_scored_as_zeros_there() -> None:
    rng = np.random.default_rng(1)
    main = heads(rng, 1_000, 4, "main")
    features = sparse.random(3, 1_500, density=0.05, random_state=rng, format="csr")
    scores = JointScorer([main]).scores(features.astype(np.float32))[0]
    np.testing.assert_allclose(scores, main.scores(features[:, :1_000]), rtol=1e-5, atol=1e-6)


def test_a_few_rows_get_the_batch_scores_to_the_last_bit() -> None:
    """Batches under ``SMALL_ROWS`` are scored in numpy, larger ones by scipy's product; a
    message must get the same scores either way (a tie between two labels stays a tie)."""
    rng = np.random.default_rng(2)
    main, extra = heads(rng, 5_000, 6, "main"), heads(rng, 5_000, 3, "extra")
    features = sparse.random(40, 5_000, density=0.05, random_state=rng, format="csr")
    features = sparse.vstack([features, sparse.csr_matrix((1, 5_000))], format="csr")
    features = features.astype(np.float32)
    scorer = JointScorer([main, extra])
    whole = scorer.scores(features)
    assert features.shape[0] >= SMALL_ROWS
    for size in (1, 3, SMALL_ROWS - 1):
        for i in range(0, features.shape[0], size):
            part = scorer.scores(features[i : i + size])
            for got, want in zip(part, whole, strict=True):
                np.testing.assert_array_equal(
                    got.view(np.uint32), want[i : i + size].view(np.uint32)
                )
