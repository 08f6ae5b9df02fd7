"""Webhook endpoints: /channels/<kind>/<channel_id>/webhook (CSRF-exempt, no login).

Verify -> split into raw events -> store -> 200. Processing happens in a background job.
Bad signature/secret -> 403 (logged, nothing stored); malformed body -> 400; repeated message
id / update_id -> 200 and ignored; oversize body -> 413 before it is read whole.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotAllowed,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.csrf import csrf_exempt

from polmas.channels.models import Channel
from polmas.channels.services.inbound import accept_events
from polmas.channels.types import registry
from polmas.channels.types.base import PayloadError
from polmas.channels.types.whatsapp.signature import handshake

logger = logging.getLogger("polmas.channels")
FORM_KINDS = {"sms", "web"}


def _client_ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


@csrf_exempt
def webhook(request: HttpRequest, kind: str, channel_id: int) -> HttpResponse:
    spec = registry().get(kind)
    if spec is None:
        return HttpResponse(status=404)
    channel = get_object_or_404(
        Channel.objects.only("id", "kind", "secrets", "unit_id", "is_active"),
        pk=channel_id,
        kind=kind,
        is_active=True,
    )
    if request.method == "GET" and kind == "whatsapp":
        challenge = handshake(request.GET, channel.secrets or {})
        if challenge is None:
            logger.warning(
                "channel %s: failed webhook handshake from %s", channel.pk, _client_ip(request)
            )
            return HttpResponseForbidden("forbidden")
        return HttpResponse(challenge, content_type="text/plain")
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    declared = request.META.get("CONTENT_LENGTH") or "0"
    limit = int(getattr(settings, "DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440) or 2_621_440)
    if declared.isdigit() and int(declared) > limit:
        return HttpResponse("payload too large", status=413)
    try:
        body = request.body
        form = request.POST if kind in FORM_KINDS else None
    except RequestDataTooBig:
        return HttpResponse("payload too large", status=413)
    check = spec.verify(request.headers, body, form, channel.secrets or {})
    if not check.ok:
        logger.warning(
            "channel %s (%s): webhook refused (%s) from %s",
            channel.pk,
            kind,
            check.reason,
            _client_ip(request),
        )
        return HttpResponseForbidden("forbidden")
    try:
        events = spec.split(body, form)
    except PayloadError as exc:
        logger.info("channel %s: malformed webhook body: %s", channel.pk, exc)
        if kind == "web":
            return redirect(f"/channels/web/{channel.pk}/?galat=1")
        return HttpResponseBadRequest("malformed payload")
    new, duplicates = accept_events(channel, events)
    if kind == "web":
        session = events[0].payload["session"] if events else ""
        return redirect(f"/channels/web/{channel.pk}/tanda-terima/{session}/", permanent=False)
    return JsonResponse({"ok": True, "accepted": new, "duplicates": duplicates})
