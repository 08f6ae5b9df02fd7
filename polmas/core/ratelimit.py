"""Fixed-window rate limits in Django's cache, shared by every public form and API.

The default cache is per-process memory: the limit then holds per gunicorn worker. With several
workers or nodes set ``POLMAS_CACHE_URL=redis://127.0.0.1:6379/1`` so that every worker counts in
the same place. Limits per bucket come from ``DEFAULT_LIMITS``, overridable with the setting
``POLMAS_RATE_LIMITS = {"lapor": (5, 600), ...}`` (hits allowed, window in seconds).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    "lapor": (5, 600),  # 5 reports per IP per 10 minutes (public case form)
    "lacak": (30, 600),  # 30 tracking lookups per IP per 10 minutes
    "open311": (60, 60),  # 60 Open311 POSTs per API key per minute
    "cek-hoaks": (10, 600),  # 10 public hoax checks per IP per 10 minutes
}


def limit_for(bucket: str) -> tuple[int, int]:
    """(hits allowed, window in seconds) for a bucket; unknown buckets are a programming error."""
    configured: dict[str, tuple[int, int]] = getattr(settings, "POLMAS_RATE_LIMITS", {})
    limit, window = configured.get(bucket, DEFAULT_LIMITS[bucket])
    return int(limit), int(window)


def allow(bucket: str, ident: str) -> bool:
    """Count one hit for ``ident`` (an IP address, an API key); False once over the limit."""
    limit, window = limit_for(bucket)
    key = f"polmas:rl:{bucket}:{ident}:{int(time.time() // window)}"
    if cache.add(key, 1, timeout=window + 5):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr: this hit opens a new window
        cache.add(key, 1, timeout=window + 5)
        return True
    return count <= limit
