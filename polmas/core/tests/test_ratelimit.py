"""The shared fixed-window rate limit, on per-process memory and on a real Redis."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings

from polmas.core import ratelimit


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def fresh_ident() -> str:
    return f"198.51.100.{uuid.uuid4().hex[:6]}"


@override_settings(POLMAS_RATE_LIMITS={"lapor": (3, 600)})
def test_allows_up_to_the_limit_then_refuses(fresh_ident: str) -> None:
    results = [ratelimit.allow("lapor", fresh_ident) for _ in range(5)]
    assert results == [True, True, True, False, False]


@override_settings(POLMAS_RATE_LIMITS={"lapor": (1, 600)})
def test_buckets_and_clients_are_counted_separately(fresh_ident: str) -> None:
    assert ratelimit.allow("lapor", fresh_ident)
    assert not ratelimit.allow("lapor", fresh_ident)
    assert ratelimit.allow("lapor", fresh_ident + "-other")
    assert ratelimit.allow("lacak", fresh_ident)


def test_defaults_and_unknown_bucket() -> None:
    assert ratelimit.limit_for("cek-hoaks") == (10, 600)
    with pytest.raises(KeyError):
        ratelimit.limit_for("no-such-bucket")


@pytest.fixture
def redis_cache() -> Iterator[None]:
    if not _redis_reachable():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    location = "redis://127.0.0.1:6379/15"
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": location,
            }
        }
    ):
        yield
        caches["default"].clear()


@pytest.mark.usefixtures("redis_cache")
@override_settings(POLMAS_RATE_LIMITS={"lapor": (2, 600)})
def test_counts_are_shared_through_redis(fresh_ident: str) -> None:
    assert ratelimit.allow("lapor", fresh_ident)
    # A second worker process would build its own connection: the count lives in Redis.
    caches["default"].close()
    assert ratelimit.allow("lapor", fresh_ident)
    assert not ratelimit.allow("lapor", fresh_ident)
    # The counter is one key in Redis itself, visible to any client.
    client = redis.Redis.from_url("redis://127.0.0.1:6379/15")
    keys = list(client.scan_iter(f"*polmas:rl:lapor:{fresh_ident}:*"))
    assert len(keys) == 1
    assert int(client.get(keys[0]) or 0) == 3
