"""A small fixed-window rate limit on Django's cache, for the public forms."""

from __future__ import annotations

import time

from django.core.cache import cache

CHECK_LIMIT = 10  # submissions
CHECK_WINDOW_S = 600  # per 10 minutes per client address


def hit(
    bucket: str, client: str, *, limit: int = CHECK_LIMIT, window: int = CHECK_WINDOW_S
) -> bool:
    """Count one request; False when the client is over the limit for the current window."""
    slot = int(time.time() // window)
    key = f"polmas:rl:{bucket}:{client}:{slot}"
    if cache.add(key, 1, timeout=window + 5):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 5)
        return True
    return count <= limit
