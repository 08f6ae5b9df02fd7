"""Shared fixtures of the triage tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from polmas.triage.pipeline import TriageResult, analyse_many
from polmas.triage.training.fixtures import rules_only_artifacts


@pytest.fixture(scope="session")
def rules_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped artifacts without the corrections model: the keyword rules decide category
    and urgency alone (the shipped triage mixes them with the model of the seed labels)."""
    return rules_only_artifacts(tmp_path_factory.mktemp("rules_only") / "artifacts")


@pytest.fixture(scope="session")
def by_rules(rules_only: Path) -> Callable[[str], TriageResult]:
    """Triage of one message by the rules alone (the ``rules_only`` artifacts)."""

    def triage(text: str) -> TriageResult:
        return analyse_many([text], directory=rules_only)[0]

    return triage
