"""Fixtures for the drafting tests: the seed-like activity and a factory of variations."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def load_seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "seed_activity.json").read_text("utf-8"))
    return data


@pytest.fixture
def seed_input() -> dict[str, Any]:
    return load_seed()


@pytest.fixture
def seed_path() -> Path:
    return FIXTURES / "seed_activity.json"


@pytest.fixture
def make_input() -> Callable[..., dict[str, Any]]:
    """The seed input with dotted-path overrides; a value of None removes the key."""

    def build(**overrides: Any) -> dict[str, Any]:
        data = copy.deepcopy(load_seed())
        for dotted, value in overrides.items():
            node: dict[str, Any] = data
            *parents, last = dotted.split("__")
            for key in parents:
                node = node.setdefault(key, {})
            if value is None:
                node.pop(last, None)
            else:
                node[last] = value
        return data

    return build
