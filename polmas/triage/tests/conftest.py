"""Shared fixtures of the triage tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from polmas.triage.training.fixtures import rules_only_artifacts


@pytest.fixture(scope="session")
def rules_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped artifacts without the corrections model: the keyword rules decide category
    and urgency alone (the shipped triage mixes them with the model of the seed labels)."""
    return rules_only_artifacts(tmp_path_factory.mktemp("rules_only") / "artifacts")
