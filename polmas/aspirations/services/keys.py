"""Open311 api_keys: issued once, stored as SHA-256, checked in constant time by hash lookup."""

from __future__ import annotations

import hashlib
import secrets

from django.utils import timezone

from polmas.aspirations.models import Open311Key
from polmas.core.audit import record_event


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_open311_key(*, actor: object, name: str) -> str:
    """A new key for the client application `name` (replacing an earlier one of that name)."""
    raw = "o311_" + secrets.token_urlsafe(32)
    key, _ = Open311Key.objects.update_or_create(
        name=name,
        defaults={"key_hash": _hash(raw), "prefix": raw[5:13], "revoked_at": None},
    )
    record_event(actor=actor, verb="aspirations.open311_key.issued", target=key)
    return raw


def authenticate_open311_key(raw: str | None) -> Open311Key | None:
    if not raw:
        return None
    key = Open311Key.objects.filter(key_hash=_hash(raw), revoked_at__isnull=True).first()
    if key is not None:
        Open311Key.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key
