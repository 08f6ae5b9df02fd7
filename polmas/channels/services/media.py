"""Photos from residents: refused when oversize (declared or streamed), else stored.

Chat photos are fetched from the provider by the worker (`store_photo`). A web-form photo is
uploaded with the form: the webhook checks it is a real JPEG, PNG or WebP image within the
limit and stores it (`store_web_photo`) before the event is acknowledged; the worker then
attaches that stored file without fetching anything."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from polmas.aspirations.services.intake import ALLOWED_ATTACHMENT_TYPES
from polmas.channels.models import Channel
from polmas.channels.types import vendor
from polmas.channels.types.base import Inbound, ProviderError
from polmas.channels.types.http import MediaTooLargeError

logger = logging.getLogger("polmas.channels")


class MediaRefusedError(Exception):
    pass


EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def max_media_bytes() -> int:
    return int(getattr(settings, "POLMAS_CHANNELS_MAX_MEDIA_BYTES", 5 * 1024 * 1024))


def store_photo(channel: Channel, msg: Inbound) -> dict[str, Any]:
    limit = max_media_bytes()
    if msg.media_size is not None and msg.media_size > limit:
        raise MediaRefusedError
    if channel.kind == "web":  # uploaded with the form and stored by the webhook
        return {
            "type": "photo",
            "media_id": msg.media_id,
            "path": msg.media_id if default_storage.exists(msg.media_id) else "",
            "size": msg.media_size,
            "mime_type": msg.mime_type,
        }
    attachment: dict[str, Any] = {"type": "photo", "media_id": msg.media_id, "path": ""}
    spec = vendor(channel.kind)
    client = spec.client(channel.api_base, channel.secrets or {}, 10.0)
    try:
        media = client.fetch_media(msg.media_id, max_bytes=limit)
    except MediaTooLargeError as exc:
        raise MediaRefusedError from exc
    except ProviderError as exc:
        logger.warning("media %s of channel %s not fetched: %s", msg.media_id, channel.pk, exc)
        attachment["error"] = str(exc)[:200]
        return attachment
    attachment.update(_save(channel, media.content, media.mime_type))
    return attachment


def _save(channel: Channel, content: bytes, mime_type: str) -> dict[str, Any]:
    """Store a resident's photo content-addressed (the same photo twice is one file)."""
    digest = hashlib.sha256(content).hexdigest()
    path = f"channels/{channel.pk}/{digest[:32]}.{EXTENSIONS.get(mime_type, 'jpg')}"
    if not default_storage.exists(path):
        path = default_storage.save(path, ContentFile(content))
    return {"path": path, "sha256": digest, "size": len(content), "mime_type": mime_type}


def store_web_photo(channel: Channel, upload: UploadedFile) -> dict[str, Any]:
    """Check a web-form photo (size, and that Pillow reads it as JPEG, PNG or WebP) and store it
    content-addressed. Raises ValidationError with an Indonesian message; nothing is stored."""
    if (upload.size or 0) > max_media_bytes():
        raise ValidationError(_("Foto terlalu besar (maksimal 5 MB)."))
    try:
        image = forms.ImageField().clean(upload)  # sets content_type from the decoded format
    except ValidationError as exc:
        raise ValidationError(_("Lampiran harus berupa foto JPEG, PNG atau WebP.")) from exc
    mime_type = str(getattr(image, "content_type", "") or "")
    if mime_type not in ALLOWED_ATTACHMENT_TYPES:
        raise ValidationError(_("Lampiran harus berupa foto JPEG, PNG atau WebP."))
    upload.seek(0)
    return _save(channel, upload.read(), mime_type)
