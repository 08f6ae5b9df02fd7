"""Refuse oversize uploads before they are stored whole (patrol photos, web-form photos)."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest

MULTIPART_OVERHEAD = 64 * 1024


class SizeLimitHandler(FileUploadHandler):
    """Stops reading the upload as soon as it passes the limit (for bodies without a length)."""

    def __init__(self, request: HttpRequest | None, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.exceeded = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size: int) -> Any:
        return None


def declared_length(request: HttpRequest) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) or None
    except ValueError:
        return None


def guard_upload(request: HttpRequest, limit: int) -> tuple[bool, SizeLimitHandler]:
    """(too large by its declared length, the handler watching the stream) for a file of at
    most `limit` bytes. Call before touching request.FILES or request.POST."""
    handler = SizeLimitHandler(request, limit)
    request.upload_handlers = [handler, *request.upload_handlers]
    length = declared_length(request)
    return bool(length and length > limit + MULTIPART_OVERHEAD), handler
