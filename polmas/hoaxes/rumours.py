"""Pure rumour-wave logic: near-duplicate grouping of unmatched texts and the spike rule.

Grouping. A report whose matcher gave a fact-check (confidence "confident" or "uncertain")
belongs to that fact-check's group, ``fc:<id>``. Reports with no match are grouped by text:
their character 5-shingles (after lower-casing, dropping URLs' punctuation and squeezing
spaces) are compared with the groups seen so far, and a report joins the first group whose
leader has shingle Jaccard >= ``JACCARD_THRESHOLD`` (0.5) with it; otherwise it leads a new
group ``tx:<its reference>``. 0.5 keeps forwarded copies with a changed greeting, a phone
number or a few words together, while two different rumours about the same place share far
fewer 5-shingles (typically < 0.2).

Spike rule. For a group in a kecamatan, ``today`` is the day's count and ``mean``/``sd`` the
population mean and standard deviation of the 14 previous days' counts (days without reports
count as 0). A wave is raised when ``today >= max(MIN_COUNT, mean + SIGMA * max(sd, 1))``
with MIN_COUNT = 3 and SIGMA = 3. The floor of 1 on ``sd`` keeps a perfectly steady rumour
(three reports every day, sd = 0) from being flagged on an ordinary day: it needs six.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

SHINGLE = 5
JACCARD_THRESHOLD = 0.5
BASELINE_DAYS = 14
MIN_COUNT = 3
SIGMA = 3.0
SD_FLOOR = 1.0

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def normalise(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    norm = normalise(text)
    if len(norm) <= size:
        return frozenset({norm}) if norm else frozenset()
    return frozenset(norm[i : i + size] for i in range(len(norm) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass
class TextGrouper:
    """Greedy leader clustering with an inverted shingle index.

    A candidate leader must share at least ``threshold * |A|`` shingles with text A (a
    necessary condition for Jaccard >= threshold), so only leaders found through the index
    are scored, and the Jaccard comes from the shared count without building intersections.
    """

    threshold: float = JACCARD_THRESHOLD
    _leaders: list[tuple[str, int]] = field(default_factory=list)  # (key, shingle count)
    _postings: dict[str, list[int]] = field(default_factory=dict)

    def add_leader(self, key: str, text: str) -> None:
        sh = shingles(text)
        idx = len(self._leaders)
        self._leaders.append((key, len(sh)))
        for s in sh:
            self._postings.setdefault(s, []).append(idx)

    def assign(self, key_if_new: str, text: str) -> str:
        """The group key for ``text``: an existing leader's, or ``key_if_new`` (new leader)."""
        sh = shingles(text)
        if sh:
            shared: Counter[int] = Counter()
            for s in sh:
                posting = self._postings.get(s)
                if posting:
                    shared.update(posting)
            need = self.threshold * len(sh)
            best_key, best_j = "", 0.0
            for idx, inter in shared.items():
                if inter < need:
                    continue
                key, size = self._leaders[idx]
                j = inter / (len(sh) + size - inter)
                if j >= self.threshold and (j > best_j or (j == best_j and key < best_key)):
                    best_key, best_j = key, j
            if best_key:
                return best_key
        self.add_leader(key_if_new, text)
        return key_if_new


@dataclass(frozen=True)
class Spike:
    count: int
    mean: float
    sd: float
    threshold: float


def spike(today: int, history: Sequence[int]) -> Spike | None:
    """Apply the spike rule; ``history`` holds the previous days' counts (zeros included)."""
    n = len(history)
    mean = sum(history) / n if n else 0.0
    sd = math.sqrt(sum((x - mean) ** 2 for x in history) / n) if n else 0.0
    threshold = max(float(MIN_COUNT), mean + SIGMA * max(sd, SD_FLOOR))
    if today >= threshold:
        return Spike(today, round(mean, 4), round(sd, 4), round(threshold, 4))
    return None


def daily_history(counts: dict[int, int], days: Iterable[int]) -> list[int]:
    """Counts for the given day ordinals, 0 where a day had no reports."""
    return [counts.get(d, 0) for d in days]
