"""WhatsApp Cloud API client: POST /{phone_number_id}/messages (text, location request,
template), and media download (GET /{media_id} -> url -> bytes) with a size cap."""

from __future__ import annotations

from typing import Any

from polmas.channels.types.base import (
    Media,
    Outgoing,
    OutsideWindowError,
    ProviderError,
    SendResult,
)
from polmas.channels.types.http import MediaTooLargeError, download, get_json, post_json

DEFAULT_API_BASE = "https://graph.facebook.com/v21.0"
RE_ENGAGEMENT = 131047
RETRYABLE_CODES = {4, 80007, 130429, 131016, 131048, 131056, 133004}


def build_payload(message: Outgoing) -> dict[str, Any]:
    base: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": message.to,
    }
    if message.template_name:
        base["type"] = "template"
        base["template"] = {
            "name": message.template_name,
            "language": {"code": message.template_language},
            "components": [
                {"type": "body", "parameters": [{"type": "text", "text": message.text[:1024]}]}
            ],
        }
    elif message.ask_location:
        base["type"] = "interactive"
        base["interactive"] = {
            "type": "location_request_message",
            "body": {"text": message.text[:1024]},
            "action": {"name": "send_location"},
        }
    else:
        base["type"] = "text"
        base["text"] = {"preview_url": False, "body": message.text[:4096]}
    return base


class WhatsAppClient:
    def __init__(self, api_base: str, secrets: dict[str, str], timeout: float) -> None:
        self.api_base = (api_base or DEFAULT_API_BASE).rstrip("/")
        self.token = secrets.get("access_token", "")
        self.phone_number_id = secrets.get("phone_number_id", "")
        self.timeout = timeout

    @property
    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def send(self, message: Outgoing) -> SendResult:
        url = f"{self.api_base}/{self.phone_number_id}/messages"
        status, body = post_json(
            url, build_payload(message), headers=self._headers, timeout=self.timeout
        )
        if status < 300 and isinstance(body, dict) and body.get("messages"):
            return SendResult(str(body["messages"][0].get("id", "")))
        error = body.get("error", {}) if isinstance(body, dict) else {}
        code = error.get("code") if isinstance(error, dict) else None
        text = f"HTTP {status} {code or ''} {error.get('message', '') if error else ''}".strip()
        if code == RE_ENGAGEMENT:
            raise OutsideWindowError(text, retryable=False, code=code)
        retryable = status >= 500 or status == 429 or code in RETRYABLE_CODES
        raise ProviderError(text, retryable=retryable, code=code if isinstance(code, int) else None)

    def fetch_media(self, media_id: str, *, max_bytes: int) -> Media:
        info = get_json(f"{self.api_base}/{media_id}", headers=self._headers, timeout=self.timeout)
        size = str(info.get("file_size", "")) if isinstance(info, dict) else ""
        if size.isdigit() and int(size) > max_bytes:
            raise MediaTooLargeError(int(size), max_bytes)
        url = info.get("url") if isinstance(info, dict) else None
        if not url:
            raise ProviderError("media has no url", retryable=False)
        content, mime = download(
            str(url), headers=self._headers, timeout=self.timeout, max_bytes=max_bytes
        )
        return Media(content, str(info.get("mime_type") or mime))
