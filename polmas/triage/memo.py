"""A bounded memo: ``key -> compute(key)``, filled on first use.

Triage does the same pure work on the same words again and again (hashing a word, normalising a
token, finding the keywords in a word), so its hot paths read a dict instead. A flood of made-up
words must not grow a worker's memory, so a memo that reaches its limit is emptied and refills
with what messages use next; cheap, and the words that matter come back at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """``memo[key]`` is ``compute(key)``, computed once while the memo keeps it.

    Look-ups go through ``dict.__getitem__`` (``map(memo.__getitem__, keys)`` runs in C); only a
    miss calls Python code. At most ``limit`` entries are kept."""

    def __init__(self, compute: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value
