"""API authentication: device bearer tokens, or the browser session (with CSRF).

Bearer tokens are resolved through a short in-process cache keyed by the token's SHA-256 (never
the raw token): a device posting many sessions in a row costs one token query and one scope
computation per `POLMAS_API_TOKEN_CACHE_SECONDS` (default 5 s) per worker process instead of four
queries per request. Revoking a token, deactivating a user or changing memberships, units or
jurisdictions through the ORM clears this process's cache at once (signals, see `apps.py`); other
worker processes notice within the TTL. Set the setting to 0 to disable the cache.
"""

from __future__ import annotations

import copy
import threading
import time
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth

from polmas.org.access import user_has_role
from polmas.org.scope import get_scope
from polmas.org.services import authenticate_token, hash_token

MAX_CACHED_TOKENS = 1024
_cache: dict[str, tuple[float, Any]] = {}
_cache_lock = threading.Lock()


def _ttl() -> float:
    return float(getattr(settings, "POLMAS_API_TOKEN_CACHE_SECONDS", 5))


def forget_tokens(**_kwargs: Any) -> None:
    """Drop every cached token (signal receiver: memberships, tokens or users changed)."""
    with _cache_lock:
        _cache.clear()


def cached_token_user(raw: str) -> Any | None:
    """The user owning `raw` (see `authenticate_token`), with the scope already computed.

    Each call gets its own shallow copy of the cached user, so per-request attributes never
    leak between requests or threads."""
    ttl = _ttl()
    if ttl <= 0:
        return authenticate_token(raw)
    key = hash_token(raw)
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is not None and hit[0] > now:
        return copy.copy(hit[1])
    user = authenticate_token(raw)
    if user is None:
        return None
    get_scope(user)  # computed once, cached on the user object (and thus in the copies)
    with _cache_lock:
        if len(_cache) >= MAX_CACHED_TOKENS:
            _cache.clear()
        _cache[key] = (now + ttl, user)
    return copy.copy(user)


def _with_role(request: HttpRequest, user: Any) -> Any:
    request.user = user
    if not user_has_role(user):
        raise HttpError(403, _("Akun Anda belum memiliki peran di satuan mana pun."))
    return user


class BearerTokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = cached_token_user(token)
        return _with_role(request, user) if user is not None else None


class SessionRoleAuth(SessionAuth):
    def authenticate(self, request: HttpRequest, key: str | None) -> Any | None:
        user = super().authenticate(request, key)
        return _with_role(request, user) if user else None
