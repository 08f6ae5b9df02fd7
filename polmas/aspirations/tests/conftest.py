from __future__ import annotations

from typing import Any

import pytest

from polmas.aspirations.categories import load_categories


@pytest.fixture(autouse=True)
def categories(db: Any) -> None:
    load_categories()
