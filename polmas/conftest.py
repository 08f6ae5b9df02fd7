"""Shared pytest fixtures: reference data (Indramayu), a two-Polsek world, browsers."""

from __future__ import annotations

from typing import Any

import pytest

from polmas.org.testing import World, build_world, ensure_reference_data


@pytest.fixture
def reference_data(db: Any) -> None:
    ensure_reference_data()


@pytest.fixture
def world(reference_data: None) -> World:
    return build_world()
