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
    CoverageLastVisit,
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
    _bump(
        CoverageLastVisit,
        {"desa_id": desa},
        {"last_at": session.occurred_at},
        {"last_at": Greatest(Coalesce("last_at", at), at)},
    )
    delivered = list(messages)
    for message in delivered:
        _bump(
            CoverageMessageDaily,
            {"desa_id": desa, "day": day, "message_id": message.pk},
            {"kecamatan_code": kec, "topic": message.topic, "deliveries": 1},
            {"deliveries": F("deliveries") + 1},
        )
    if delivered:
        # The UPDATE above holds this row's lock until commit: read-modify-write is safe.
        _add_topics(desa, day, [m.topic for m in delivered], +1)


def _add_topics(desa: str, day: Any, topics: list[str], sign: int) -> None:
    row = CoverageDaily.objects.select_for_update().filter(desa_id=desa, day=day).first()
    if row is None:
        return
    counts = dict(row.topics or {})
    for topic in topics:
        counts[topic] = counts.get(topic, 0) + sign
    row.topics = {t: n for t, n in sorted(counts.items()) if n > 0}
    row.save(update_fields=["topics"])


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
    links = list(
        SessionMessage.objects.filter(session=session).values_list("message_id", "message__topic")
    )
    _add_topics(str(session.desa_id), session.day, [topic for _, topic in links], -1)
    CoverageDaily.objects.filter(**keys, sessions__lte=0).delete()
    CoverageMessageDaily.objects.filter(**keys, message_id__in=[m for m, _ in links]).update(
        deliveries=F("deliveries") - 1
    )
    CoverageMessageDaily.objects.filter(**keys, deliveries__lte=0).delete()
    latest = CoverageDaily.objects.filter(desa_id=session.desa_id).aggregate(m=Max("last_at"))["m"]
    if latest is None:
        CoverageLastVisit.objects.filter(desa_id=session.desa_id).delete()
    else:
        CoverageLastVisit.objects.filter(desa_id=session.desa_id).update(last_at=latest)


def retopic_message(message: KamtibmasMessage) -> None:
    """A message changed topic: move its deliveries and recount the affected days."""
    CoverageMessageDaily.objects.filter(message=message).update(topic=message.topic)
    keys = set(CoverageMessageDaily.objects.filter(message=message).values_list("desa_id", "day"))
    for desa, day in keys:
        counts = dict(
            CoverageMessageDaily.objects.filter(desa_id=desa, day=day)
            .values("topic")
            .annotate(n=Sum("deliveries"))
            .values_list("topic", "n")
        )
        CoverageDaily.objects.filter(desa_id=desa, day=day).update(
            topics={t: int(n) for t, n in sorted(counts.items()) if n}
        )


@transaction.atomic
def rebuild_coverage(batch_size: int = 5000) -> tuple[int, int]:
    """Recompute the roll-up tables from the sessions. Returns (day rows, message rows)."""
    CoverageMessageDaily.objects.all().delete()
    CoverageDaily.objects.all().delete()
    CoverageLastVisit.objects.all().delete()
    links = (
        SessionMessage.objects.filter(session__deleted_at__isnull=True, session__desa__isnull=False)
        .values("session__desa_id", "session__day", "message_id", "message__topic")
        .annotate(n=Count("id"))
        .order_by()
    )
    topics: dict[tuple[str, Any], dict[str, int]] = {}

    def message_rows() -> Iterable[CoverageMessageDaily]:
        for row in links.iterator(chunk_size=batch_size):
            desa, day, topic = row["session__desa_id"], row["session__day"], row["message__topic"]
            counts = topics.setdefault((desa, day), {})
            counts[topic] = counts.get(topic, 0) + row["n"]
            yield CoverageMessageDaily(
                desa_id=desa,
                kecamatan_code=_kecamatan_code(desa),
                day=day,
                message_id=row["message_id"],
                topic=topic,
                deliveries=row["n"],
            )

    n_messages = _bulk(CoverageMessageDaily, message_rows(), batch_size)
    alive = DialogueSession.objects.filter(deleted_at__isnull=True, desa__isnull=False)
    daily = (
        CoverageDaily(
            desa_id=row["desa_id"],
            kecamatan_code=_kecamatan_code(row["desa_id"]),
            day=row["day"],
            sessions=row["n"],
            residents=row["people"] or 0,
            last_at=row["last"],
            topics=dict(sorted(topics.get((row["desa_id"], row["day"]), {}).items())),
        )
        for row in alive.values("desa_id", "day")
        .annotate(n=Count("id"), people=Sum("audience_total"), last=Max("occurred_at"))
        .order_by()
        .iterator(chunk_size=batch_size)
    )
    n_daily = _bulk(CoverageDaily, daily, batch_size)
    CoverageLastVisit.objects.bulk_create(
        CoverageLastVisit(desa_id=desa, last_at=last)
        for desa, last in CoverageDaily.objects.values("desa_id")
        .annotate(last=Max("last_at"))
        .values_list("desa_id", "last")
        .order_by()
        if last is not None
    )
    return n_daily, n_messages


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
