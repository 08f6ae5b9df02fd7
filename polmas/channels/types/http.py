"""Shared outbound HTTP helpers (requests with timeouts, size-capped downloads)."""

from __future__ import annotations

import threading
from http.cookiejar import DefaultCookiePolicy
from typing import Any

import requests

from polmas.channels.types.base import ProviderError

_local = threading.local()


def _session() -> requests.Session:
    """One session per thread: provider calls reuse their keep-alive (TLS) connections instead
    of opening one per message. Sessions are not shared across threads, and keep no cookies:
    every call stands alone, as a one-off request would."""
    session: requests.Session | None = getattr(_local, "session", None)
    if session is None:
        session = _local.session = requests.Session()
        session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
    return session


def post_json(
    url: str, payload: dict[str, Any], *, headers: dict[str, str], timeout: float
) -> tuple[int, Any]:
    try:
        response = _session().post(url, json=payload, headers=headers, timeout=timeout)
    except requests.RequestException as exc:
        raise ProviderError(
            f"provider unreachable: {exc.__class__.__name__}", retryable=True
        ) from exc
    try:
        body = response.json()
    except ValueError:
        body = None
    return response.status_code, body


def get_json(url: str, *, headers: dict[str, str], timeout: float) -> Any:
    try:
        response = _session().get(url, headers=headers, timeout=timeout)
    except requests.RequestException as exc:
        raise ProviderError(
            f"provider unreachable: {exc.__class__.__name__}", retryable=True
        ) from exc
    if response.status_code >= 400:
        raise ProviderError(f"HTTP {response.status_code}", retryable=response.status_code >= 500)
    try:
        return response.json()
    except ValueError as exc:
        raise ProviderError("provider answered non-JSON", retryable=False) from exc


class MediaTooLargeError(ProviderError):
    def __init__(self, size: int | None, limit: int) -> None:
        super().__init__(f"media too large: {size} > {limit}", retryable=False)


def download(
    url: str, *, headers: dict[str, str], timeout: float, max_bytes: int
) -> tuple[bytes, str]:
    """Stream a file, refusing it as soon as it passes `max_bytes` (never read whole first)."""
    try:
        with _session().get(url, headers=headers, timeout=timeout, stream=True) as response:
            if response.status_code >= 400:
                raise ProviderError(
                    f"HTTP {response.status_code}", retryable=response.status_code >= 500
                )
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise MediaTooLargeError(int(declared), max_bytes)
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_content(64 * 1024):
                total += len(chunk)
                if total > max_bytes:
                    raise MediaTooLargeError(total, max_bytes)
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("Content-Type", "")
    except requests.RequestException as exc:
        raise ProviderError(f"download failed: {exc.__class__.__name__}", retryable=True) from exc
