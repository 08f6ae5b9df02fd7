"""Webhook endpoints: /channels/<kind>/<channel_id>/webhook (CSRF-exempt, no login).

Verify -> split into raw events -> store -> 200. Processing happens in a background job.
Bad signature/secret -> 403 (logged, nothing stored); malformed body -> 400; repeated message
id / update_id -> 200 and ignored; oversize body -> 413 before it is read whole.

Hot path (see docs/channels.md, "Throughput"): `WebhookFastPathMiddleware` hands provider POSTs
straight to the view, past the browser middleware; the channel row (kind, secrets, active flag)
is cached per process for `CHANNEL_CACHE_SECONDS` (a save or delete through the ORM clears this
process's copy at once; other workers see a rotated secret or a deactivated channel within the
TTL); the events are stored with one INSERT and their jobs in the same commit.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotAllowed,
    JsonResponse,
)
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt

from polmas.channels.models import Channel
from polmas.channels.services.inbound import accept_events
from polmas.channels.services.media import max_media_bytes, store_web_photo
from polmas.channels.types import registry
from polmas.channels.types.base import PayloadError
from polmas.core.middleware import client_ip
from polmas.core.uploads import guard_upload

logger = logging.getLogger("polmas.channels")
FORM_KINDS = {"sms"}
CHANNEL_CACHE_SECONDS = 5.0
_channels: dict[tuple[str, int], tuple[float, Channel]] = {}
_channels_lock = threading.Lock()
# Must match the `webhook` route in urls.py (other shapes take the ordinary path and 404 there).
WEBHOOK_PATH = re.compile(r"^/channels/(?P<kind>[a-z]+)/(?P<channel_id>[0-9]+)/webhook$")


def forget_channels(**_kwargs: Any) -> None:
    """Signal receiver: a channel was saved or deleted."""
    with _channels_lock:
        _channels.clear()


def active_channel(kind: str, channel_id: int) -> Channel:
    """The active channel (only what the webhook needs), cached briefly; 404 otherwise."""
    now = time.monotonic()
    hit = _channels.get((kind, channel_id))
    if hit is not None and hit[0] > now:
        return hit[1]
    channel = (
        Channel.objects.only("id", "kind", "secrets", "unit_id", "is_active")
        .filter(pk=channel_id, kind=kind, is_active=True)
        .first()
    )
    if channel is None:
        raise Http404("no such channel")
    with _channels_lock:
        if len(_channels) > 10_000:
            _channels.clear()
        _channels[(kind, channel_id)] = (now + CHANNEL_CACHE_SECONDS, channel)
    return channel


class WebhookFastPathMiddleware:
    """Provider webhooks skip the browser middleware listed after this one (whitenoise, sessions,
    locale, common, CSRF, auth, messages, clickjacking, htmx, audit context, axes): they carry
    no cookie, no user and no HTML, and are authenticated inside the view by the vendor's
    signature or shared secret. The view stays explicitly `@csrf_exempt` for the ordinary path.
    Place it right after SecurityMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        match = WEBHOOK_PATH.match(request.path_info)
        if match is None:
            return self.get_response(request)
        return webhook(request, match["kind"], int(match["channel_id"]))


def _client_ip(request: HttpRequest) -> str:
    return client_ip(request) or ""


@csrf_exempt
def webhook(request: HttpRequest, kind: str, channel_id: int) -> HttpResponse:
    spec = registry().get(kind)
    if spec is None:
        return HttpResponse(status=404)
    channel = active_channel(kind, channel_id)
    if request.method == "GET" and spec.handshake is not None:
        challenge = spec.handshake(request.GET, channel.secrets or {})
        if challenge is None:
            logger.warning(
                "channel %s: failed webhook handshake from %s", channel.pk, _client_ip(request)
            )
            return HttpResponseForbidden("forbidden")
        return HttpResponse(challenge, content_type="text/plain")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if kind == "web":
        return _web_submit(request, channel)
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if declared.isdigit() and int(declared) > body_limit():
        return HttpResponse("payload too large", status=413)
    try:
        body = request.body
        form = request.POST if kind in FORM_KINDS else None
    except RequestDataTooBig:
        return HttpResponse("payload too large", status=413)
    status, answer = receive(channel, spec, request.headers, body, form, _client_ip(request))
    if status == 403:
        return HttpResponseForbidden("forbidden")
    if status == 400:
        return HttpResponseBadRequest("malformed payload")
    return JsonResponse(answer)


def body_limit() -> int:
    """Largest provider webhook body read (Django's DATA_UPLOAD_MAX_MEMORY_SIZE); larger -> 413."""
    return int(getattr(settings, "DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440) or 2_621_440)


def receive(
    channel: Channel, spec: Any, headers: Any, body: bytes, form: Any, remote_addr: str
) -> tuple[int, dict[str, Any]]:
    """Verify, split and store one provider webhook (both the Django view and the WSGI fast
    path call this): (403, {}) refused and logged, (400, {}) malformed, else (200, answer)."""
    check = spec.verify(headers, body, form, channel.secrets or {})
    if not check.ok:
        logger.warning(
            "channel %s (%s): webhook refused (%s) from %s",
            channel.pk,
            channel.kind,
            check.reason,
            remote_addr,
        )
        return 403, {}
    try:
        events = spec.split(body, form)
    except PayloadError as exc:
        logger.info("channel %s: malformed webhook body: %s", channel.pk, exc)
        return 400, {}
    new, duplicates = accept_events(channel, events)
    return 200, {"ok": True, "accepted": new, "duplicates": duplicates}


def _web_submit(request: HttpRequest, channel: Channel) -> HttpResponse:
    """The public form: text and an optional photo (multipart). A photo over the limit, while
    streaming or by the declared length, or one that is not a JPEG/PNG/WebP image, sends the
    resident back to the form with the reason; nothing is stored."""
    form_page = f"/channels/web/{channel.pk}/"
    limit = max_media_bytes()
    too_large, watcher = guard_upload(request, limit)
    if too_large:
        return redirect(f"{form_page}?galat=foto")
    try:
        form, files = request.POST, request.FILES
    except RequestDataTooBig:
        return redirect(f"{form_page}?galat=foto")
    upload = files.get("photo")
    if watcher.exceeded or (upload is not None and (upload.size or 0) > limit):
        return redirect(f"{form_page}?galat=foto")
    try:
        events = registry()["web"].split(b"", form)
    except PayloadError as exc:
        logger.info("channel %s: malformed web form: %s", channel.pk, exc)
        return redirect(f"{form_page}?galat=1")
    if upload is not None:
        try:
            events[0].payload["photo"] = store_web_photo(channel, upload)
        except ValidationError:
            return redirect(f"{form_page}?galat=gambar")
    accept_events(channel, events)
    session = events[0].payload["session"]
    return redirect(f"{form_page}tanda-terima/{session}/", permanent=False)
