"""Reads for press releases: staff lists start from scope; public lists show published only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from polmas.humas.models import PressRelease, ReleaseStatus


def releases_for(user: Any, *, status: str | None = None) -> QuerySet[PressRelease]:
    qs = PressRelease.objects.restrict(user).filter(deleted_at__isnull=True).select_related("unit")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at")


def published_releases(*, unit_code: str | None = None) -> QuerySet[PressRelease]:
    qs = PressRelease.objects.filter(
        status=ReleaseStatus.TERBIT, deleted_at__isnull=True, published_at__isnull=False
    ).select_related("unit")
    if unit_code:
        qs = qs.filter(unit__code=unit_code)
    return qs.order_by("-published_at")
