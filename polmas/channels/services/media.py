"""Photos from residents: refused when oversize (declared or streamed), else stored."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from polmas.channels.models import Channel
from polmas.channels.types import vendor
from polmas.channels.types.base import Inbound, ProviderError
from polmas.channels.types.http import MediaTooLargeError

logger = logging.getLogger("polmas.channels")


class MediaRefusedError(Exception):
    pass


def max_media_bytes() -> int:
    return int(getattr(settings, "POLMAS_CHANNELS_MAX_MEDIA_BYTES", 5 * 1024 * 1024))


def store_photo(channel: Channel, msg: Inbound) -> dict[str, Any]:
    limit = max_media_bytes()
    if msg.media_size is not None and msg.media_size > limit:
        raise MediaRefusedError
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
    digest = hashlib.sha256(media.content).hexdigest()
    ext = {"image/png": "png", "image/webp": "webp"}.get(media.mime_type, "jpg")
    path = default_storage.save(
        f"channels/{channel.pk}/{digest[:32]}.{ext}", ContentFile(media.content)
    )
    attachment.update(path=path, sha256=digest, size=len(media.content), mime_type=media.mime_type)
    return attachment
