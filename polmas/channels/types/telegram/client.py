"""Telegram Bot API client: sendMessage (with a location-request keyboard) and getFile."""

from __future__ import annotations

from typing import Any

from polmas.channels.types.base import Media, Outgoing, ProviderError, SendResult
from polmas.channels.types.http import MediaTooLargeError, download, get_json, post_json

DEFAULT_API_BASE = "https://api.telegram.org"


def build_payload(message: Outgoing, location_button: str) -> dict[str, Any]:
    chat_id: int | str = int(message.to) if message.to.lstrip("-").isdigit() else message.to
    payload: dict[str, Any] = {"chat_id": chat_id, "text": message.text[:4096]}
    if message.ask_location:
        payload["reply_markup"] = {
            "keyboard": [[{"text": location_button, "request_location": True}]],
            "one_time_keyboard": True,
            "resize_keyboard": True,
        }
    return payload


class TelegramClient:
    def __init__(self, api_base: str, secrets: dict[str, str], timeout: float) -> None:
        self.api_base = (api_base or DEFAULT_API_BASE).rstrip("/")
        self.token = secrets.get("bot_token", "")
        self.timeout = timeout
        self.location_button = secrets.get("location_button", "📍 Kirim lokasi")

    def send(self, message: Outgoing) -> SendResult:
        url = f"{self.api_base}/bot{self.token}/sendMessage"
        status, body = post_json(
            url, build_payload(message, self.location_button), headers={}, timeout=self.timeout
        )
        if status < 300 and isinstance(body, dict) and body.get("ok"):
            return SendResult(str((body.get("result") or {}).get("message_id", "")))
        body = body if isinstance(body, dict) else {}
        retry_after = (body.get("parameters") or {}).get("retry_after")
        raise ProviderError(
            f"HTTP {status} {body.get('description', '')}".strip(),
            retryable=status >= 500 or status == 429,
            code=body.get("error_code"),
            retry_after=float(retry_after) if retry_after is not None else None,
        )

    def fetch_media(self, media_id: str, *, max_bytes: int) -> Media:
        info = get_json(
            f"{self.api_base}/bot{self.token}/getFile?file_id={media_id}",
            headers={},
            timeout=self.timeout,
        )
        result = info.get("result") if isinstance(info, dict) else None
        if not isinstance(result, dict) or not result.get("file_path"):
            raise ProviderError("getFile gave no file_path", retryable=False)
        size = result.get("file_size")
        if isinstance(size, int) and size > max_bytes:
            raise MediaTooLargeError(size, max_bytes)
        content, mime = download(
            f"{self.api_base}/file/bot{self.token}/{result['file_path']}",
            headers={},
            timeout=self.timeout,
            max_bytes=max_bytes,
        )
        return Media(content, mime or "image/jpeg")
