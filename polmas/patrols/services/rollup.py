"""The coverage roll-up (desa x WIB day), kept in step with every session write.

`add_session` / `remove_session` run inside the transaction that writes the session; counters
move with F() expressions so concurrent writers on PostgreSQL never lose an increment.
`rebuild_coverage` recomputes everything from the sessions (idempotent).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import Count, F, Max, Sum, Value
from django.db.models.functions import Coalesce, Greatest

from polmas.patrols.models import (
    CoverageDaily,
    CoverageMessageDaily,
    DialogueSession,
    KamtibmasMessage,
    SessionMessage,
)


def _kecamatan_code(desa_code: str) -> str:
    return desa_code.rsplit(".", 1)[0]


def _bump(
    model: type[models.Model], keys: dict[str, Any], create: dict[str, Any], update: dict[str, Any]
) -> None:
    manager = model._default_manager
    if manager.filter(**keys).update(**update):
        return
    try:
        with transaction.atomic():
            manager.create(**keys, **create)
    except IntegrityError:  # another writer created the row first
        manager.filter(**keys).update(**update)


def add_session(session: DialogueSession, messages: Iterable[KamtibmasMessage]) -> None:
    if session.desa_id is None or session.deleted_at is not None:
        return
    desa, day, kec = session.desa_id, session.day, _kecamatan_code(str(session.desa_id))
    at = Value(session.occurred_at, output_field=models.DateTimeField())
    _bump(
        CoverageDaily,
        {"desa_id": desa, "day": day},
        {
            "kecamatan_code": kec,
            "sessions": 1,
            "residents": session.audience_total,
            "last_at": session.occurred_at,
        },
        {
            "sessions": F("sessions") + 1,
            "residents": F("residents") + session.audience_total,
            "last_at": Greatest(Coalesce("last_at", at), at),
        },
    )
    for message in messages:
        _bump(
            CoverageMessageDaily,
            {"desa_id": desa, "day": day, "message_id": message.pk},
            {"kecamatan_code": kec, "topic": message.topic, "deliveries": 1},
            {"deliveries": F("deliveries") + 1},
        )


def remove_session(session: DialogueSession) -> None:
    """Take a (soft-deleted) session back out of the roll-up."""
    if session.desa_id is None:
        return
    keys = {"desa_id": session.desa_id, "day": session.day}
    CoverageDaily.objects.filter(**keys).update(
        sessions=F("sessions") - 1, residents=F("residents") - session.audience_total
    )
    last = (
        DialogueSession.objects.filter(deleted_at__isnull=True, **keys)
        .aggregate(last=Max("occurred_at"))
        .get("last")
    )
    CoverageDaily.objects.filter(**keys).update(last_at=last)
    CoverageDaily.objects.filter(**keys, sessions__lte=0).delete()
    message_ids = SessionMessage.objects.filter(session=session).values_list(
        "message_id", flat=True
    )
    CoverageMessageDaily.objects.filter(**keys, message_id__in=list(message_ids)).update(
        deliveries=F("deliveries") - 1
    )
    CoverageMessageDaily.objects.filter(**keys, deliveries__lte=0).delete()


def retopic_message(message: KamtibmasMessage) -> None:
    CoverageMessageDaily.objects.filter(message=message).update(topic=message.topic)


@transaction.atomic
def rebuild_coverage(batch_size: int = 5000) -> tuple[int, int]:
    """Recompute both roll-up tables from the sessions. Returns (day rows, message rows)."""
    CoverageMessageDaily.objects.all().delete()
    CoverageDaily.objects.all().delete()
    alive = DialogueSession.objects.filter(deleted_at__isnull=True, desa__isnull=False)
    daily = (
        CoverageDaily(
            desa_id=row["desa_id"],
            kecamatan_code=_kecamatan_code(row["desa_id"]),
            day=row["day"],
            sessions=row["n"],
            residents=row["people"] or 0,
            last_at=row["last"],
        )
        for row in alive.values("desa_id", "day")
        .annotate(n=Count("id"), people=Sum("audience_total"), last=Max("occurred_at"))
        .order_by()
        .iterator(chunk_size=batch_size)
    )
    n_daily = _bulk(CoverageDaily, daily, batch_size)
    links = (
        SessionMessage.objects.filter(session__deleted_at__isnull=True, session__desa__isnull=False)
        .values("session__desa_id", "session__day", "message_id", "message__topic")
        .annotate(n=Count("id"))
        .order_by()
    )
    messages = (
        CoverageMessageDaily(
            desa_id=row["session__desa_id"],
            kecamatan_code=_kecamatan_code(row["session__desa_id"]),
            day=row["session__day"],
            message_id=row["message_id"],
            topic=row["message__topic"],
            deliveries=row["n"],
        )
        for row in links.iterator(chunk_size=batch_size)
    )
    return n_daily, _bulk(CoverageMessageDaily, messages, batch_size)


def _bulk(model: type[models.Model], rows: Iterable[models.Model], batch_size: int) -> int:
    total, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) >= batch_size:
            model._default_manager.bulk_create(batch)
            total, batch = total + len(batch), []
    if batch:
        model._default_manager.bulk_create(batch)
        total += len(batch)
    return total
