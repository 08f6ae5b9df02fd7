"""Indonesian text triage: a pure library (imports nothing else from Polmas).

Public API::

    from polmas.triage import analyse, normalise, find_pii, mask_pii, find_places
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from polmas.triage.gazetteer import Gazetteer, Place, default_gazetteer
from polmas.triage.normalise import NormalisedText, normalise
from polmas.triage.pii import PiiSpan, find_pii, mask_pii
from polmas.triage.places import Location, find_places
from polmas.triage.ruleset import CATEGORIES, URGENCIES

if TYPE_CHECKING:
    from polmas.triage.pipeline import TriageResult


def analyse(text: str, gazetteer: Gazetteer | None = None) -> TriageResult:
    """Triage one message (models load lazily, once per process)."""
    from polmas.triage.pipeline import analyse as _analyse

    return _analyse(text, gazetteer)


def analyse_many(texts: list[str], gazetteer: Gazetteer | None = None) -> list[TriageResult]:
    """Triage a batch of messages (faster than calling :func:`analyse` in a loop)."""
    from polmas.triage.pipeline import analyse_many as _analyse_many

    return _analyse_many(texts, gazetteer)


def __getattr__(name: str) -> Any:
    if name == "TriageResult":
        from polmas.triage.pipeline import TriageResult

        return TriageResult
    raise AttributeError(name)


__all__ = [
    "CATEGORIES",
    "URGENCIES",
    "Gazetteer",
    "Location",
    "NormalisedText",
    "PiiSpan",
    "Place",
    "TriageResult",
    "analyse",
    "analyse_many",
    "default_gazetteer",
    "find_pii",
    "find_places",
    "mask_pii",
    "normalise",
]
