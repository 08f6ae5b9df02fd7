"""Public Python API: knowledge-base entries, the search index and matches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from polmas.hoaxes.matching.features import KBMatrices, QueryFeatures, linear_scores
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

    def __init__(self, entries: Iterable[KBEntry], model: MatcherModel | None = None) -> None:
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

    def raw_features(
        self,
        text: str,
        mask: NDArray[np.bool_] | None = None,
        extra: Sequence[int] = (),
    ) -> QueryFeatures:
        """Candidate rows and raw features of ``text`` (used by training and evaluation)."""
        return self._kb.features(text, self.model, mask=mask, extra=extra)

    def scores(self, text: str, mask: NDArray[np.bool_] | None = None) -> NDArray[np.float64]:
        """Match probability of ``text`` for every entry: 0 outside the first-stage
        candidates, -1 where ``mask`` is False."""
        out = np.zeros(len(self._entries))
        qf = self.raw_features(text, mask)
        if qf.rows.size:
            out[qf.rows] = _sigmoid(linear_scores(qf.raw, self.model))
        if mask is not None:
            out = np.where(mask, out, -1.0)
        return out

    def search(self, text: str, k: int = 10) -> list[Match]:
        """The ``k`` best entries for ``text``, best first; empty for empty or unmatched text."""
        if k <= 0 or not self._entries or not text or not text.strip():
            return []
        qf = self.raw_features(text)
        if qf.rows.size == 0:
            return []
        probs = _sigmoid(linear_scores(qf.raw, self.model))
        k = min(k, probs.size)
        top = np.argpartition(-probs, k - 1)[:k] if k < probs.size else np.arange(probs.size)
        order = top[np.lexsort((qf.rows[top], -probs[top]))]
        return [
            Match(id=str(self._ids[qf.rows[i]]), score=round(float(probs[i]), 6)) for i in order
        ]
