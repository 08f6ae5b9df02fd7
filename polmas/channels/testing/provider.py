"""The fake provider: a small threaded HTTP server on 127.0.0.1 that receives Polmas's
outbound calls (WhatsApp Cloud API, Telegram Bot API, the SMS gateway), records them and
serves media."""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


@dataclass
class Call:
    method: str
    path: str
    body: Any
    headers: dict[str, str]


@dataclass
class FakeState:
    calls: list[Call] = field(default_factory=list)
    down: bool = False  # answer 503 to every send
    whatsapp_window_closed: bool = False  # free text gets error 131047
    media: dict[str, bytes] = field(default_factory=dict)
    declared_sizes: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))


def _handler(state: FakeState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: with Nagle's algorithm on, a keep-alive client
        # waits for a delayed ACK (about 40 ms) before the body arrives. Providers do not.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            return None

        def _send(self, status: int, payload: Any, content_type: str = "application/json") -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            url = urlparse(self.path)
            parts = url.path.strip("/").split("/")
            with state.lock:
                state.calls.append(Call("GET", url.path, None, dict(self.headers)))
            if parts[0] == "media-bytes" and len(parts) == 2:
                self._send(200, state.media.get(parts[1], b""), "image/png")
            elif parts[0].startswith("bot") and parts[-1] == "getFile":
                file_id = parse_qs(url.query).get("file_id", [""])[0]
                size = state.declared_sizes.get(file_id, len(state.media.get(file_id, b"")))
                self._send(
                    200,
                    {
                        "ok": True,
                        "result": {
                            "file_id": file_id,
                            "file_size": size,
                            "file_path": f"photos/{file_id}.png",
                        },
                    },
                )
            elif parts[0] == "file" and len(parts) == 4:
                self._send(200, state.media.get(parts[3].removesuffix(".png"), b""), "image/png")
            elif len(parts) == 1 and parts[0] in state.media:
                media_id = parts[0]
                size = state.declared_sizes.get(media_id, len(state.media[media_id]))
                host = self.headers.get("Host", "127.0.0.1")
                self._send(
                    200,
                    {
                        "messaging_product": "whatsapp",
                        "url": f"http://{host}/media-bytes/{media_id}",
                        "mime_type": "image/png",
                        "sha256": hashlib.sha256(state.media[media_id]).hexdigest(),
                        "file_size": str(size),
                        "id": media_id,
                    },
                )
            else:
                self._send(404, {"error": "not found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode(errors="replace")
            path = urlparse(self.path).path
            with state.lock:
                state.calls.append(Call("POST", path, body, dict(self.headers)))
                n = next(state.counter)
            if state.down:
                self._send(503, {"error": "service unavailable"})
            elif (
                path.endswith("/messages")
                and isinstance(body, dict)
                and body.get("messaging_product") == "whatsapp"
            ):
                if state.whatsapp_window_closed and body.get("type") != "template":
                    self._send(
                        400,
                        {
                            "error": {
                                "message": "(#131047) Re-engagement message",
                                "type": "OAuthException",
                                "code": 131047,
                                "fbtrace_id": "fake",
                            }
                        },
                    )
                else:
                    self._send(
                        200,
                        {
                            "messaging_product": "whatsapp",
                            "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                            "messages": [{"id": f"wamid.fake{n}"}],
                        },
                    )
            elif path.endswith("/sendMessage"):
                self._send(
                    200,
                    {
                        "ok": True,
                        "result": {
                            "message_id": n,
                            "date": int(time.time()),
                            "chat": {"id": (body or {}).get("chat_id"), "type": "private"},
                            "text": (body or {}).get("text"),
                        },
                    },
                )
            elif path.endswith("/messages"):
                self._send(200, {"id": f"sms-{n}"})
            else:
                self._send(404, {"error": "not found"})

    return Handler


class FakeProvider:
    """WhatsApp + Telegram + SMS gateway API on one loopback port."""

    def __init__(self) -> None:
        self.state = FakeState()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.state))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FakeProvider:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def sends(self) -> list[Call]:
        with self.state.lock:
            return [c for c in self.state.calls if c.method == "POST"]

    def texts(self) -> list[str]:
        out = []
        for call in self.sends():
            body = call.body if isinstance(call.body, dict) else {}
            if "text" in body and isinstance(body["text"], str):
                out.append(body["text"])
            elif isinstance(body.get("text"), dict):
                out.append(body["text"].get("body", ""))
            elif body.get("type") == "interactive":
                out.append(body["interactive"]["body"]["text"])
            elif body.get("type") == "template":
                params = body["template"]["components"][0]["parameters"]
                out.append(params[0]["text"])
        return out

    def add_media(
        self, media_id: str, content: bytes = PNG_1PX, declared_size: int | None = None
    ) -> None:
        self.state.media[media_id] = content
        if declared_size is not None:
            self.state.declared_sizes[media_id] = declared_size
