"""The web form 'sends' by keeping the answer for the receipt page."""

from __future__ import annotations

import uuid

from polmas.channels.types.base import Media, Outgoing, ProviderError, SendResult


class WebClient:
    def __init__(self, api_base: str, secrets: dict[str, str], timeout: float) -> None:
        pass

    def send(self, message: Outgoing) -> SendResult:
        return SendResult(f"web-{uuid.uuid4()}")

    def fetch_media(self, media_id: str, *, max_bytes: int) -> Media:
        raise ProviderError("web form media is uploaded directly", retryable=False)
