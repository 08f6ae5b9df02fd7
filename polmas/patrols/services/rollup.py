"""The coverage roll-up (desa x WIB day, desa x month), kept in step with every session write.

`add_session` / `remove_session` run inside the transaction that writes the session; every
counter (sessions, residents, one column per topic) moves inside the database (an upsert adding
to the stored value, or F() expressions), so concurrent writers on PostgreSQL never lose an
increment. `rebuild_coverage` recomputes everything from the
sessions (idempotent).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Count, F, Max, Sum
from django.db.models.functions import TruncMonth

from polmas.patrols.models import (
    CoverageDaily,
    CoverageLastVisit,
    CoverageMessageDaily,
    CoverageMonthly,
    DialogueSession,
    KamtibmasMessage,
    SessionMessage,
    Topic,
    topic_field,
)


def _kecamatan_code(desa_code: str) -> str:
    return desa_code.rsplit(".", 1)[0]


_TOPICS = frozenset(Topic.values)


def _topic_counts(topics: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for topic in topics:
        name = topic_field(topic if topic in _TOPICS else Topic.LAINNYA)
        counts[name] = counts.get(name, 0) + 1
    return counts


_upserts: dict[tuple[Any, ...], str] = {}


def _upsert(
    model: type[models.Model], keys: list[str], rows: list[dict[str, Any]], add: list[str]
) -> str:
    """`INSERT ... ON CONFLICT (keys) DO UPDATE`: columns in `add` are incremented by the new
    row's value, `last_at` keeps the later time. One statement, atomic on both databases (a
    concurrent writer's row is updated, never lost); SQLite >= 3.24 and PostgreSQL. The text
    depends only on the table, the columns and the row count: built once per process."""
    key = (model, tuple(keys), tuple(rows[0]), len(rows), tuple(add), connection.vendor)
    sql = _upserts.get(key)
    if sql is None:
        sql = _upserts[key] = _upsert_sql(model, keys, rows, add)
    return sql


def _upsert_sql(
    model: type[models.Model], keys: list[str], rows: list[dict[str, Any]], add: list[str]
) -> str:
    table = connection.ops.quote_name(model._meta.db_table)
    columns = list(rows[0])
    sets = [f"{c} = {table}.{c} + EXCLUDED.{c}" for c in add]
    if "last_at" in columns:
        sets.append(
            f"last_at = CASE WHEN {table}.last_at IS NULL OR {table}.last_at < EXCLUDED.last_at "
            f"THEN EXCLUDED.last_at ELSE {table}.last_at END"
        )
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    # Identifiers from the models and fixed names, values as parameters.
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * len(rows))} "  # noqa: S608
    return sql + f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {', '.join(sets)}"


def _params(rows: list[dict[str, Any]]) -> list[Any]:
    ops = connection.ops
    out: list[Any] = []
    for row in rows:
        for name, value in row.items():
            if name == "last_at":
                value = ops.adapt_datetimefield_value(value)
            elif name in ("day", "month"):
                value = ops.adapt_datefield_value(value)
            out.append(value)
    return out


_TOPIC_COLUMNS = [topic_field(t) for t in Topic.values]


def add_session(session: DialogueSession, messages: Iterable[KamtibmasMessage]) -> None:
    """Count a new session in the roll-up: three or four statements (day, month, last visit,
    messages)."""
    if session.desa_id is None or session.deleted_at is not None:
        return
    desa, day, kec = session.desa_id, session.day, _kecamatan_code(str(session.desa_id))
    listed = list(messages)
    delivered: dict[int, KamtibmasMessage] = {m.pk: m for m in listed}
    counts: dict[int, int] = {}
    for message in listed:  # one row per message: a statement may not touch a row twice
        counts[message.pk] = counts.get(message.pk, 0) + 1
    topics = _topic_counts(m.topic for m in listed)
    daily = {
        "desa_id": desa,
        "day": day,
        "kecamatan_code": kec,
        "sessions": 1,
        "residents": session.audience_total,
        "last_at": session.occurred_at,
        **{name: topics.get(name, 0) for name in _TOPIC_COLUMNS},
    }
    monthly = {**daily, "month": day.replace(day=1)}
    del monthly["day"]
    visit = {"desa_id": desa, "last_at": session.occurred_at}
    per_message = [
        {
            "desa_id": desa,
            "day": day,
            "message_id": pk,
            "kecamatan_code": kec,
            "topic": message.topic,
            "deliveries": counts[pk],
        }
        for pk, message in delivered.items()
    ]
    add = ["sessions", "residents", *_TOPIC_COLUMNS]
    with connection.cursor() as cursor:
        cursor.execute(_upsert(CoverageDaily, ["desa_id", "day"], [daily], add), _params([daily]))
        cursor.execute(
            _upsert(CoverageMonthly, ["desa_id", "month"], [monthly], add), _params([monthly])
        )
        cursor.execute(_upsert(CoverageLastVisit, ["desa_id"], [visit], []), _params([visit]))
        if per_message:
            cursor.execute(
                _upsert(
                    CoverageMessageDaily,
                    ["desa_id", "day", "message_id"],
                    per_message,
                    ["deliveries"],
                ),
                _params(per_message),
            )


def remove_session(session: DialogueSession) -> None:
    """Take a (soft-deleted) session back out of the roll-up."""
    if session.desa_id is None:
        return
    keys = {"desa_id": session.desa_id, "day": session.day}
    links = list(
        SessionMessage.objects.filter(session=session).values_list("message_id", "message__topic")
    )
    topics = _topic_counts(topic for _, topic in links)
    CoverageDaily.objects.filter(**keys).update(
        sessions=F("sessions") - 1,
        residents=F("residents") - session.audience_total,
        **{name: F(name) - n for name, n in topics.items()},
    )
    last = (
        DialogueSession.objects.filter(deleted_at__isnull=True, **keys)
        .aggregate(last=Max("occurred_at"))
        .get("last")
    )
    CoverageDaily.objects.filter(**keys).update(last_at=last)
    CoverageDaily.objects.filter(**keys, sessions__lte=0).delete()
    first = session.day.replace(day=1)
    month = {"desa_id": session.desa_id, "month": first}
    CoverageMonthly.objects.filter(**month).update(
        sessions=F("sessions") - 1,
        residents=F("residents") - session.audience_total,
        **{name: F(name) - n for name, n in topics.items()},
    )
    CoverageMonthly.objects.filter(**month).update(
        last_at=_month_last(desa_id=session.desa_id, month=first)
    )
    CoverageMonthly.objects.filter(**month, sessions__lte=0).delete()
    CoverageMessageDaily.objects.filter(**keys, message_id__in=[m for m, _ in links]).update(
        deliveries=F("deliveries") - 1
    )
    CoverageMessageDaily.objects.filter(**keys, deliveries__lte=0).delete()
    latest = CoverageDaily.objects.filter(desa_id=session.desa_id).aggregate(m=Max("last_at"))["m"]
    if latest is None:
        CoverageLastVisit.objects.filter(desa_id=session.desa_id).delete()
    else:
        CoverageLastVisit.objects.filter(desa_id=session.desa_id).update(last_at=latest)


def _month_range(month: Any) -> tuple[Any, Any]:
    """First and last day of the month starting on `month`."""
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return month, following - dt.timedelta(days=1)


def _month_last(*, desa_id: str, month: Any) -> Any:
    return CoverageDaily.objects.filter(desa_id=desa_id, day__range=_month_range(month)).aggregate(
        m=Max("last_at")
    )["m"]


def retopic_message(message: KamtibmasMessage) -> None:
    """A message changed topic: move its deliveries and recount the affected days and months."""
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
            **{topic_field(t): int(counts.get(t) or 0) for t in Topic.values}
        )
    for desa, month in {(desa, day.replace(day=1)) for desa, day in keys}:
        sums = CoverageDaily.objects.filter(desa_id=desa, day__range=_month_range(month)).aggregate(
            **{t: Sum(t) for t in _TOPIC_COLUMNS}
        )
        CoverageMonthly.objects.filter(desa_id=desa, month=month).update(
            **{t: int(sums[t] or 0) for t in _TOPIC_COLUMNS}
        )


@transaction.atomic
def rebuild_coverage(batch_size: int = 5000) -> tuple[int, int]:
    """Recompute the roll-up tables from the sessions. Returns (day rows, message rows)."""
    CoverageMessageDaily.objects.all().delete()
    CoverageMonthly.objects.all().delete()
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
            **{topic_field(t): n for t, n in topics.get((row["desa_id"], row["day"]), {}).items()},
        )
        for row in alive.values("desa_id", "day")
        .annotate(n=Count("id"), people=Sum("audience_total"), last=Max("occurred_at"))
        .order_by()
        .iterator(chunk_size=batch_size)
    )
    n_daily = _bulk(CoverageDaily, daily, batch_size)
    rebuild_monthly(batch_size)
    CoverageLastVisit.objects.bulk_create(
        CoverageLastVisit(desa_id=desa, last_at=last)
        for desa, last in CoverageDaily.objects.values("desa_id")
        .annotate(last=Max("last_at"))
        .values_list("desa_id", "last")
        .order_by()
        if last is not None
    )
    return n_daily, n_messages


@transaction.atomic
def rebuild_monthly(batch_size: int = 5000) -> int:
    """Recompute the monthly roll-up from the daily one. Returns the number of month rows."""
    CoverageMonthly.objects.all().delete()
    rows = (
        CoverageDaily.objects.annotate(month=TruncMonth("day"))
        .values("desa_id", "kecamatan_code", "month")
        .annotate(
            n=Sum("sessions"),
            people=Sum("residents"),
            last=Max("last_at"),
            **{f"sum_{t}": Sum(t) for t in _TOPIC_COLUMNS},
        )
        .order_by()
    )
    return _bulk(
        CoverageMonthly,
        (
            CoverageMonthly(
                desa_id=row["desa_id"],
                kecamatan_code=row["kecamatan_code"],
                month=row["month"],
                sessions=row["n"],
                residents=row["people"],
                last_at=row["last"],
                **{t: row[f"sum_{t}"] for t in _TOPIC_COLUMNS},
            )
            for row in rows.iterator(chunk_size=batch_size)
        ),
        batch_size,
    )


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
