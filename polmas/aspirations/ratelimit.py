"""Fixed-window rate limits in Django's cache.

The default cache is per-process LocMem: fine for one gunicorn worker. With several workers or
nodes configure a shared cache (Redis: `CACHES = {"default": {"BACKEND":
"django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/1"}}`).
Limits come from settings POLMAS_RATE_LIMITS = {"lapor": (5, 600), "lacak": (30, 600)}.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "lapor": (5, 600),  # 5 reports per IP per 10 minutes
    "lacak": (30, 600),  # 30 tracking lookups per IP per 10 minutes
    "open311": (60, 60),  # 60 Open311 POSTs per key per minute
}


def limit_for(bucket: str) -> tuple[int, int]:
    configured = getattr(settings, "POLMAS_RATE_LIMITS", {})
    return tuple(configured.get(bucket, DEFAULT_LIMITS[bucket]))  # type: ignore[return-value]


def allow(bucket: str, ident: str) -> bool:
    """Count one hit; False once the window's limit is exceeded."""
    limit, window = limit_for(bucket)
    key = f"polmas:rl:{bucket}:{ident}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return count <= limit
