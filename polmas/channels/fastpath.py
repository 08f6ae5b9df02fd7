"""A WSGI fast path for provider webhooks: `POST /channels/<kind>/<id>/webhook`.

Wraps the Django WSGI application (polmas/config/wsgi.py). A provider POST with a declared
length and a JSON or urlencoded body is answered here without building an `HttpRequest`, running
middleware, resolving URLs or rendering an `HttpResponse`. Everything else (the web form, the
WhatsApp GET handshake, multipart bodies, bodies without a Content-Length, other URLs) goes to
Django unchanged, where `WebhookFastPathMiddleware` and `webhooks.webhook` give the same answers.

What stays the same as the Django view: the per-vendor signature or shared-secret check (403,
logged, nothing stored), 400 for a malformed body, 413 for a body over
`DATA_UPLOAD_MAX_MEMORY_SIZE` before it is read, 404 for an unknown or inactive channel, and
`accept_events`: one transaction that inserts the events and their jobs, committed before the
200 is sent. Database connections are opened and closed by the same `request_started` /
`request_finished` signals Django sends.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.core import signals
from django.http import Http404, QueryDict
from django.http.request import HttpHeaders

from polmas.channels.types import registry
from polmas.channels.webhooks import WEBHOOK_PATH, active_channel, body_limit, receive

logger = logging.getLogger("polmas.channels")
StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
FORM_TYPE = "application/x-www-form-urlencoded"
_REASONS = {
    200: "OK",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    413: "Payload Too Large",
    500: "Internal Server Error",
}


def _fast_kind(environ: dict[str, Any]) -> tuple[str, int] | None:
    """(kind, channel id) when this request can take the fast path, else None."""
    if environ.get("REQUEST_METHOD") != "POST":
        return None
    match = WEBHOOK_PATH.match(environ.get("PATH_INFO", ""))
    if match is None:
        return None
    kind = match["kind"]
    if kind == "web" or not str(environ.get("CONTENT_LENGTH") or "").isdigit():
        return None
    content_type = str(environ.get("CONTENT_TYPE", "")).split(";")[0].strip().lower()
    if kind == "sms" and content_type != FORM_TYPE:
        return None  # multipart or anything else: Django parses it
    return kind, int(match["channel_id"])


def _answer(status: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> Any:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
    return f"{status} {_REASONS[status]}", headers, [body]


def handle(environ: dict[str, Any], kind: str, channel_id: int) -> Any:
    """(status line, headers, body chunks) for one webhook POST."""
    spec = registry().get(kind)
    if spec is None:
        return _answer(404, b"not found")
    try:
        channel = active_channel(kind, channel_id)
    except Http404:
        return _answer(404, b"not found")
    length = int(environ["CONTENT_LENGTH"])
    if length > body_limit():
        return _answer(413, b"payload too large")
    body = environ["wsgi.input"].read(length) if length else b""
    if len(body) != length:
        return _answer(400, b"malformed payload")  # the client hung up mid-body
    form = QueryDict(body, encoding="utf-8") if kind == "sms" else None
    status, answer = receive(
        channel, spec, HttpHeaders(environ), body, form, environ.get("REMOTE_ADDR", "")
    )
    if status == 403:
        return _answer(403, b"forbidden")
    if status == 400:
        return _answer(400, b"malformed payload")
    return _answer(200, json.dumps(answer).encode(), "application/json")


class WebhookWSGI:
    """`application = WebhookWSGI(get_wsgi_application())`."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        target = _fast_kind(environ)
        if target is None:
            return self.app(environ, start_response)
        signals.request_started.send(sender=self.__class__, environ=environ)
        try:
            status, headers, body = handle(environ, *target)
        except Exception:
            logger.exception("webhook %s failed", environ.get("PATH_INFO", ""))
            status, headers, body = _answer(500, b"server error")
        finally:
            signals.request_finished.send(sender=self.__class__)
        start_response(status, headers)
        chunks: list[bytes] = body
        return chunks
