"""Generic HTTP SMS gateway client: POST {api_base}/messages {"to", "text"} with a bearer
key; the gateway answers {"id": "..."}. SMS has no location keyboard: the text asks for a place."""

from __future__ import annotations

from polmas.channels.types.base import Media, Outgoing, ProviderError, SendResult
from polmas.channels.types.http import post_json


class SmsClient:
    def __init__(self, api_base: str, secrets: dict[str, str], timeout: float) -> None:
        self.api_base = api_base.rstrip("/")
        self.api_key = secrets.get("api_key", "")
        self.timeout = timeout

    def send(self, message: Outgoing) -> SendResult:
        if not self.api_base:
            raise ProviderError("SMS gateway address is not configured", retryable=False)
        status, body = post_json(
            f"{self.api_base}/messages",
            {"to": message.to, "text": message.text[:918]},
            headers={"Authorization": f"Bearer {self.api_key}"},
            timeout=self.timeout,
        )
        if status < 300 and isinstance(body, dict) and body.get("id"):
            return SendResult(str(body["id"]))
        raise ProviderError(f"HTTP {status}", retryable=status >= 500 or status == 429)

    def fetch_media(self, media_id: str, *, max_bytes: int) -> Media:
        raise ProviderError("SMS has no media", retryable=False)
