"""The committed artifacts load without pickle and reproduce the recorded metrics."""

from __future__ import annotations

import json

import pytest

from polmas.triage.lexicon import load_lexicon
from polmas.triage.linear import LinearHeads
from polmas.triage.normalise import load_slang_dictionary
from polmas.triage.paths import artifacts_dir, shared_data_dir
from polmas.triage.stack import Stack
from polmas.triage.training.fixtures import fixture_metrics

MANIFEST = json.loads((artifacts_dir() / "manifest.json").read_text(encoding="utf-8"))


def test_manifest_has_checksums_seeds_versions() -> None:
    assert MANIFEST["seeds"] and MANIFEST["versions"]["scikit-learn"]
    assert all(len(v) == 64 for v in MANIFEST["data_files"].values())
    sizes = sum(p.stat().st_size for p in artifacts_dir().iterdir() if p.is_file())
    assert sizes < 15 * 1024 * 1024
    assert MANIFEST["lexicon"]["to_indonesian_entries"] == len(load_lexicon(artifacts_dir()))


def test_heads_load() -> None:
    model = LinearHeads.load(artifacts_dir() / "models.npz")
    assert set(model.heads) >= {"sentiment", "emotion", "hate_speech", "abusive", "hate_strength"}
    assert model.heads["sentiment"].classes == ("negative", "neutral", "positive")


@pytest.mark.skipif(
    not (shared_data_dir() / "nlp" / "smsa").exists(), reason="shared data not available"
)
def test_recorded_validation_metrics_reproduce() -> None:
    from polmas.triage.training.metrics import evaluate_heads

    model = LinearHeads.load(artifacts_dir() / "models.npz")
    stack = Stack.load(artifacts_dir() / "stack.json")
    slang = load_slang_dictionary(artifacts_dir())
    lexicon = load_lexicon(artifacts_dir())
    metrics = evaluate_heads(model, stack, shared_data_dir(), slang, lexicon)
    for key, value in MANIFEST["validation_metrics"].items():
        assert metrics[key] == pytest.approx(value, abs=1e-4), key


def test_fixture_darurat_recall() -> None:
    metrics = fixture_metrics()
    assert metrics["n_messages"] >= 100
    assert metrics["darurat_recall"] >= 0.9
    assert metrics["category_accuracy"] >= 0.7
