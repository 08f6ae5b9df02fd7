"""Shared fixtures of the triage tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from polmas.triage.paths import artifacts_dir


@pytest.fixture(scope="session")
def rules_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped artifacts without the corrections model: the keyword rules decide category
    and urgency alone (the shipped triage mixes them with the model of the seed labels)."""
    copy = tmp_path_factory.mktemp("rules_only") / "artifacts"
    shutil.copytree(artifacts_dir(), copy)
    for name in ("corrections.npz", "corrections.json"):
        (copy / name).unlink(missing_ok=True)
    return copy
