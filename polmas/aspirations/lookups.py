"""Per-process memo of slow-changing reference lookups used on every case intake.

Categories by code, the SLA policy for (category, urgency), and the route of a desa (its
Region row and responsible Unit) change rarely but were read from the database for every new
case. They are memoised here for `TTL_SECONDS`; any save/delete of a Category, SlaPolicy, Unit,
Region or a unit's jurisdiction clears the memo of this process at once (other processes catch
up within the TTL).

Keys often come from clients (a category or desa code in a request), so only found values are
kept: a miss is computed again every time, and a flood of made-up codes neither grows the memo
nor pushes real entries out. The memo is also bounded (`MAX_ENTRIES`): when full, expired
entries go first, then the oldest.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models.signals import m2m_changed, post_delete, post_save

_T = TypeVar("_T")
TTL_SECONDS = 300.0
# Far above the real reference data a process looks up (a few dozen categories and SLA policies,
# a few hundred desa routes); only a bound against misuse.
MAX_ENTRIES = 2048

_clock = time.monotonic
_lock = threading.Lock()
# Insertion-ordered: the first entry is the oldest.
_memo: dict[tuple[str, Any], tuple[float, Any]] = {}


def found(value: Any) -> bool:
    """The default `keep`: anything but None (a lookup that found nothing)."""
    return value is not None


def memo(
    namespace: str,
    key: Any,
    compute: Callable[[], _T],
    *,
    keep: Callable[[_T], bool] = found,
) -> _T:
    """The cached value for (namespace, key), computing it when missing or expired.

    Only values for which `keep(value)` is true are cached (by default: not None), so lookups
    of unknown client-supplied keys always reach the database and never fill the memo."""
    now = _clock()
    hit = _memo.get((namespace, key))
    if hit is not None and now - hit[0] < TTL_SECONDS:
        return hit[1]  # type: ignore[no-any-return]
    value = compute()
    if keep(value):
        with _lock:
            _memo.pop((namespace, key), None)  # re-inserted last: the newest
            if len(_memo) >= MAX_ENTRIES:
                _evict(now)
            _memo[(namespace, key)] = (now, value)
    return value


def _evict(now: float) -> None:
    """Make room (caller holds the lock): drop expired entries, then the oldest if still full."""
    for k in [k for k, (at, _v) in _memo.items() if now - at >= TTL_SECONDS]:
        del _memo[k]
    while len(_memo) >= MAX_ENTRIES:
        del _memo[next(iter(_memo))]


def clear(*_args: Any, **_kwargs: Any) -> None:
    with _lock:
        _memo.clear()


def connect_invalidation() -> None:
    """Called from AppConfig.ready: reference-data writes clear the memo."""
    from polmas.aspirations.models import Category, SlaPolicy
    from polmas.org.models import Region, Unit

    for model in (Category, SlaPolicy, Unit, Region):
        post_save.connect(clear, sender=model, dispatch_uid=f"asp-memo-save-{model.__name__}")
        post_delete.connect(clear, sender=model, dispatch_uid=f"asp-memo-del-{model.__name__}")
    m2m_changed.connect(
        clear, sender=Unit.jurisdiction.through, dispatch_uid="asp-memo-jurisdiction"
    )
