"""Session photos: checked to be images, size-limited, resized, EXIF time and GPS read."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from typing import IO, Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from polmas.core.audit import record_event
from polmas.core.formatting import WIB
from polmas.patrols.models import DialogueSession, SessionPhoto
from polmas.patrols.services.common import (
    FIELD_ROLES,
    InvalidInput,
    require_role,
    require_unit_in_scope,
)
from polmas.patrols.validators import EARLIEST

MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 1600
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
EXIF_MAX_AHEAD = dt.timedelta(days=1)  # a camera clock a little ahead of the server's
MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF")


class PhotoTooLarge(InvalidInput):
    status = 413


def check_declared_size(size: int | None) -> None:
    """Refuse before reading: the declared upload size is over the limit."""
    if size is not None and size > MAX_PHOTO_BYTES + 64 * 1024:
        raise PhotoTooLarge(
            _("Foto terlalu besar (maksimal %(mb)s MB).")
            % {"mb": MAX_PHOTO_BYTES // (1024 * 1024)},
            field="photo",
        )


def _read_limited(stream: IO[bytes]) -> bytes:
    head = stream.read(12)
    if not any(head.startswith(m) for m in MAGIC) or (
        head.startswith(b"RIFF") and b"WEBP" not in head
    ):
        raise InvalidInput(_("Berkas bukan foto (JPEG, PNG atau WebP)."), field="photo")
    rest = stream.read(MAX_PHOTO_BYTES + 1 - len(head))
    data = head + rest
    if len(data) > MAX_PHOTO_BYTES:
        check_declared_size(len(data) + 64 * 1024 + 1)
    return data


def _gps_to_degrees(values: Any, ref: Any) -> float | None:
    try:
        d, m, s = (float(v) for v in values)
    except (TypeError, ValueError):
        return None
    degrees = d + m / 60.0 + s / 3600.0
    return -degrees if str(ref).upper() in ("S", "W") else degrees


def _plausible(taken: dt.datetime) -> bool:
    """A camera clock reset to year 1 or set decades ahead is no time the photo was taken
    (and year 1 in WIB does not even fit the database): keep only 2000 up to tomorrow."""
    try:
        return EARLIEST <= taken <= timezone.now() + EXIF_MAX_AHEAD
    except OverflowError:
        return False


def read_exif(image: Image.Image) -> tuple[dt.datetime | None, float | None, float | None]:
    """(time taken in WIB, lat, lng) from EXIF, each None when absent or unreadable."""
    exif = image.getexif()
    taken: dt.datetime | None = None
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    raw = sub.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
    if raw:
        try:
            taken = dt.datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S").replace(
                tzinfo=WIB
            )
        except ValueError:
            taken = None
    if taken is not None and not _plausible(taken):
        taken = None
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    lat = lng = None
    if gps:
        lat = _gps_to_degrees(gps.get(2), gps.get(1))
        lng = _gps_to_degrees(gps.get(4), gps.get(3))
        if lat is None or lng is None or not (-90 <= lat <= 90 and -180 <= lng <= 180):
            lat = lng = None
    return taken, lat, lng


def process_image(
    data: bytes,
) -> tuple[bytes, int, int, dt.datetime | None, float | None, float | None]:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise InvalidInput(_("Format foto tidak didukung."), field="photo")
            if probe.width * probe.height > MAX_PIXELS:
                raise InvalidInput(_("Resolusi foto terlalu besar."), field="photo")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            taken, lat, lng = read_exif(image)
            upright: Image.Image = ImageOps.exif_transpose(image)
            upright.thumbnail((MAX_SIDE, MAX_SIDE))
            out = io.BytesIO()
            upright.convert("RGB").save(out, "JPEG", quality=80, optimize=True)
            return out.getvalue(), upright.width, upright.height, taken, lat, lng
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,  # e.g. a PNG text chunk that decompresses past MAX_TEXT_CHUNK
        Image.DecompressionBombError,
    ) as exc:
        raise InvalidInput(_("Berkas bukan foto yang dapat dibaca."), field="photo") from exc


def attach_photo(
    *,
    actor: Any,
    session: DialogueSession,
    stream: IO[bytes],
    declared_size: int | None,
    caption: str = "",
) -> SessionPhoto:
    require_role(actor, FIELD_ROLES)
    require_unit_in_scope(actor, session.patrol.unit)
    check_declared_size(declared_size)
    data = _read_limited(stream)
    jpeg, width, height, taken, lat, lng = process_image(data)
    with transaction.atomic():
        photo = SessionPhoto(
            session=session,
            width=width,
            height=height,
            size_bytes=len(jpeg),
            taken_at=taken,
            lat=lat,
            lng=lng,
            caption=caption.strip()[:200],
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        photo.image.save(f"{uuid.uuid4().hex}.jpg", ContentFile(jpeg), save=False)
        photo.save()
        record_event(
            actor=actor,
            verb="patrol.photo.add",
            target=session,
            after={"photo": photo.pk, "size": len(jpeg), "taken_at": taken, "lat": lat, "lng": lng},
        )
    return photo
