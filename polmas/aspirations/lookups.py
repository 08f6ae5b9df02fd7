"""Per-process memo of slow-changing reference lookups used on every case intake.

Categories by code, the SLA policy for (category, urgency), and the route of a desa (its
Region row and responsible Unit) change rarely but were read from the database for every new
case. They are memoised here for `TTL_SECONDS`; any save/delete of a Category, SlaPolicy, Unit,
Region or a unit's jurisdiction clears the memo of this process at once (other processes catch
up within the TTL).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models.signals import m2m_changed, post_delete, post_save

_T = TypeVar("_T")
TTL_SECONDS = 300.0

_lock = threading.Lock()
_memo: dict[tuple[str, Any], tuple[float, Any]] = {}


def memo(namespace: str, key: Any, compute: Callable[[], _T]) -> _T:
    """The cached value for (namespace, key), computing it when missing or expired."""
    now = time.monotonic()
    hit = _memo.get((namespace, key))
    if hit is not None and now - hit[0] < TTL_SECONDS:
        return hit[1]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        _memo[(namespace, key)] = (now, value)
    return value


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
