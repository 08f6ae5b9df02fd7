"""Senders: documented webhook payloads (WhatsApp Cloud API, Telegram Bot API, the SMS
gateway) POSTed to a running Polmas, signed or carrying the secret the way each provider does."""

from __future__ import annotations

import itertools
import json
import time
from typing import Any

import requests

from polmas.channels.types.whatsapp.signature import sign

_ids = itertools.count(1)


class WhatsAppSender:
    def __init__(
        self, polmas_url: str, channel: dict[str, Any], phone_number_id: str = "106540352242922"
    ) -> None:
        self.url = polmas_url.rstrip("/") + channel["webhook_url"]
        self.app_secret = channel["app_secret"]
        self.phone_number_id = phone_number_id

    def envelope(self, value: dict[str, Any]) -> dict[str, Any]:
        value = {
            "messaging_product": "whatsapp",
            "metadata": {
                "display_phone_number": "15550783881",
                "phone_number_id": self.phone_number_id,
            },
            **value,
        }
        return {
            "object": "whatsapp_business_account",
            "entry": [
                {"id": "102290129340398", "changes": [{"field": "messages", "value": value}]}
            ],
        }

    def message(
        self,
        sender: str,
        content: dict[str, Any],
        *,
        name: str = "Warga",
        message_id: str | None = None,
    ) -> dict[str, Any]:
        msg = {
            "from": sender,
            "id": message_id or f"wamid.test{next(_ids)}-{time.time_ns()}",
            "timestamp": str(int(time.time())),
            **content,
        }
        return self.envelope(
            {"contacts": [{"profile": {"name": name}, "wa_id": sender}], "messages": [msg]}
        )

    def post(
        self,
        payload: dict[str, Any] | bytes,
        *,
        secret: str | None = None,
        session: requests.Session | None = None,
    ) -> requests.Response:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Hub-Signature-256": sign(body, secret or self.app_secret),
        }
        return (session or requests).post(self.url, data=body, headers=headers, timeout=10)

    def text(self, sender: str, text: str, **kw: Any) -> requests.Response:
        return self.post(self.message(sender, {"type": "text", "text": {"body": text}}, **kw))

    def location(self, sender: str, lat: float, lng: float, **kw: Any) -> requests.Response:
        return self.post(
            self.message(
                sender, {"type": "location", "location": {"latitude": lat, "longitude": lng}}, **kw
            )
        )

    def image(self, sender: str, media_id: str, caption: str = "", **kw: Any) -> requests.Response:
        image = {"caption": caption, "mime_type": "image/png", "sha256": "x", "id": media_id}
        return self.post(self.message(sender, {"type": "image", "image": image}, **kw))

    def status(self, provider_message_id: str, status: str, recipient: str) -> requests.Response:
        return self.post(
            self.envelope(
                {
                    "statuses": [
                        {
                            "id": provider_message_id,
                            "status": status,
                            "timestamp": str(int(time.time())),
                            "recipient_id": recipient,
                        }
                    ]
                }
            )
        )


class TelegramSender:
    def __init__(self, polmas_url: str, channel: dict[str, Any]) -> None:
        self.url = polmas_url.rstrip("/") + channel["webhook_url"]
        self.secret = channel["secret_token"]
        self.update_id = 100000000 + next(_ids) * 1000

    def update(
        self,
        chat_id: int,
        content: dict[str, Any],
        *,
        update_id: int | None = None,
        first_name: str = "Budi",
    ) -> dict[str, Any]:
        self.update_id += 1
        user = {"id": chat_id, "is_bot": False, "first_name": first_name, "language_code": "id"}
        message = {
            "message_id": self.update_id % 100000,
            "from": user,
            "chat": {"id": chat_id, "type": "private", "first_name": first_name},
            "date": int(time.time()),
            **content,
        }
        return {"update_id": update_id or self.update_id, "message": message}

    def post(
        self, payload: dict[str, Any] | bytes, *, secret: str | None = None
    ) -> requests.Response:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": secret if secret is not None else self.secret,
        }
        return requests.post(self.url, data=body, headers=headers, timeout=10)

    def text(self, chat_id: int, text: str, **kw: Any) -> requests.Response:
        return self.post(self.update(chat_id, {"text": text}, **kw))

    def forward(self, chat_id: int, text: str, **kw: Any) -> requests.Response:
        origin = {
            "type": "hidden_user",
            "sender_user_name": "Grup Warga",
            "date": int(time.time()) - 600,
        }
        return self.post(
            self.update(
                chat_id,
                {"text": text, "forward_origin": origin, "forward_date": origin["date"]},
                **kw,
            )
        )

    def location(self, chat_id: int, lat: float, lng: float, **kw: Any) -> requests.Response:
        return self.post(
            self.update(
                chat_id,
                {"location": {"latitude": lat, "longitude": lng, "horizontal_accuracy": 12.5}},
                **kw,
            )
        )

    def photo(
        self, chat_id: int, file_id: str, size: int, caption: str = "", **kw: Any
    ) -> requests.Response:
        photo = [
            {
                "file_id": file_id,
                "file_unique_id": file_id + "u",
                "width": 90,
                "height": 90,
                "file_size": size,
            }
        ]
        content: dict[str, Any] = {"photo": photo}
        if caption:
            content["caption"] = caption
        return self.post(self.update(chat_id, content, **kw))

    def contact(self, chat_id: int, phone: str, **kw: Any) -> requests.Response:
        return self.post(
            self.update(
                chat_id,
                {"contact": {"phone_number": phone, "first_name": "Budi", "user_id": chat_id}},
                **kw,
            )
        )

    def sticker(self, chat_id: int, **kw: Any) -> requests.Response:
        return self.post(
            self.update(
                chat_id,
                {
                    "sticker": {
                        "file_id": "stk",
                        "file_unique_id": "s",
                        "type": "regular",
                        "width": 512,
                        "height": 512,
                        "is_animated": False,
                        "is_video": False,
                    }
                },
                **kw,
            )
        )


class SmsSender:
    def __init__(self, polmas_url: str, channel: dict[str, Any]) -> None:
        self.url = polmas_url.rstrip("/") + channel["webhook_url"]
        self.secret = channel["secret_token"]

    def text(
        self, sender: str, text: str, *, message_id: str | None = None, secret: str | None = None
    ) -> requests.Response:
        data = {
            "id": message_id or f"sms-in-{next(_ids)}-{time.time_ns()}",
            "from": sender,
            "text": text,
            "secret": secret if secret is not None else self.secret,
        }
        return requests.post(self.url, data=data, timeout=10)
