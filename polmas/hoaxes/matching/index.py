"""Public Python API: knowledge-base entries, the search index and matches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from polmas.hoaxes.matching.features import KBMatrices, linear_scores
from polmas.hoaxes.matching.model import MatcherModel


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One fact-check in the knowledge base. Only ``title`` is used for matching."""

    id: str
    title: str
    claim: str = ""
    explanation: str = ""
    date: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """A knowledge-base entry and its match score in [0, 1] (higher is better)."""

    id: str
    score: float


def _sigmoid(x: NDArray[np.float64]) -> NDArray[np.float64]:
    result: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(x, -50.0, 50.0)))
    return result


class HoaxIndex:
    """Search index over fact-check titles.

    Building is cheap (about a second per 10,000 titles), so updates rebuild: :meth:`add`,
    :meth:`remove` and :meth:`replace` keep the entry list and rebuild the sparse matrices once
    per call. Batch changes into one call when you can.
    """

    def __init__(
        self, entries: Iterable[KBEntry], model: MatcherModel | None = None
    ) -> None:
        self.model = model if model is not None else MatcherModel.load_default()
        self._entries: list[KBEntry] = []
        self._rebuild(list(entries))

    def _rebuild(self, entries: list[KBEntry]) -> None:
        seen: set[str] = set()
        for entry in entries:
            if entry.id in seen:
                raise ValueError(f"duplicate knowledge-base id: {entry.id!r}")
            seen.add(entry.id)
        self._entries = entries
        self._ids = np.array([e.id for e in entries], dtype=object)
        self._kb = KBMatrices.build([e.title for e in entries], self.model)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> Sequence[KBEntry]:
        return tuple(self._entries)

    def add(self, entries: Iterable[KBEntry]) -> None:
        """Append entries (ids must be new) and rebuild."""
        self._rebuild(self._entries + list(entries))

    def remove(self, ids: Iterable[str]) -> None:
        """Drop entries by id and rebuild."""
        gone = set(ids)
        self._rebuild([e for e in self._entries if e.id not in gone])

    def replace(self, entries: Iterable[KBEntry]) -> None:
        """Insert or update entries by id and rebuild."""
        new = {e.id: e for e in entries}
        kept = [new.pop(e.id, e) for e in self._entries]
        self._rebuild(kept + list(new.values()))

    def raw_features(self, text: str) -> NDArray[np.float64]:
        """Feature matrix of ``text`` against every entry (used by training and evaluation)."""
        return self._kb.features(text, self.model)

    def scores(
        self, text: str, mask: NDArray[np.bool_] | None = None
    ) -> NDArray[np.float64]:
        """Match probability of ``text`` against every entry (masked-out entries get -1)."""
        raw = self.raw_features(text)
        if not raw.any():
            return np.zeros(len(self._entries))
        probs = _sigmoid(linear_scores(raw, self.model, mask))
        if mask is not None:
            probs = np.where(mask, probs, -1.0)
        return probs

    def search(self, text: str, k: int = 10) -> list[Match]:
        """The ``k`` best entries for ``text``, best first; empty for empty or unmatched text."""
        if k <= 0 or not self._entries or not text or not text.strip():
            return []
        raw = self.raw_features(text)
        if not raw[:, :7].any():
            return []
        probs = _sigmoid(linear_scores(raw, self.model))
        k = min(k, probs.size)
        top = (
            np.argpartition(-probs, k - 1)[:k]
            if k < probs.size
            else np.arange(probs.size)
        )
        order = top[np.lexsort((top, -probs[top]))]
        return [
            Match(id=str(self._ids[i]), score=round(float(probs[i]), 6)) for i in order
        ]
