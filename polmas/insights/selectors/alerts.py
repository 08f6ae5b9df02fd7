"""Alerts in the user's scope, open ones first."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from polmas.insights.models import Alert

User = Any


def alerts_in_scope(user: User, *, open_only: bool = False) -> QuerySet[Alert]:
    qs = Alert.objects.restrict(user).select_related("unit", "desa", "acknowledged_by")
    qs = qs.defer("desa__boundary")
    if open_only:
        qs = qs.filter(acknowledged_at__isnull=True)
    return qs.order_by("acknowledged_at", "-created_at", "-id")


def alert_json(alert: Alert) -> dict[str, Any]:
    return {
        "id": alert.pk,
        "kind": alert.kind,
        "kind_label": str(alert.get_kind_display()),
        "title": alert.title,
        "detail": alert.detail,
        "link": alert.link,
        "unit": alert.unit.code,
        "desa": alert.desa_id,
        "created_at": alert.created_at.isoformat(),
        "acknowledged_at": alert.acknowledged_at.isoformat() if alert.acknowledged_at else None,
        "acknowledged_by": alert.acknowledged_by.get_username() if alert.acknowledged_by else None,
    }
