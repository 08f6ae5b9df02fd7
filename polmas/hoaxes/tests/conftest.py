"""Fixtures for the hoaxes app: a small fact-check base written for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache

from polmas.hoaxes import services
from polmas.hoaxes.kb import reset_index
from polmas.hoaxes.models import FactCheck

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_CSV = FIXTURES / "factchecks_sample.csv"
SAMPLE_CLAIMREVIEW = FIXTURES / "claimreview_sample.json"

# Texts a resident might forward; their expected answers are in the sample base.
CONFIDENT_TEXT = "Viral! surat suara sudah dicoblos ditemukan di gudang KPU Indramayu"
UNCERTAIN_TEXT = "Bapak ibu jangan minum air PDAM Indramayu katanya tercemar racun"
UNMATCHED_TEXT = "Besok ada pembagian sembako gratis di balai desa Lohbener jam 8 pagi"


@pytest.fixture(autouse=True)
def _fresh_state() -> Iterator[None]:
    cache.clear()
    reset_index()
    yield
    reset_index()


@pytest.fixture
def kb(db: Any) -> dict[str, FactCheck]:
    """The sample base, keyed by TurnBackHoax article number."""
    services.import_turnbackhoax(actor=None, path=SAMPLE_CSV)
    return {fc.external_id: fc for fc in FactCheck.objects.all()}
