"""Writing audit events. Services call `record_event`; the request context adds IP and source."""

from __future__ import annotations

import contextvars
import datetime as dt
import decimal
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from polmas.core import fastsql
from polmas.core.models import AuditEvent


@dataclass(frozen=True)
class AuditContext:
    ip: str | None = None
    source: str = "system"


_context: contextvars.ContextVar[AuditContext] = contextvars.ContextVar(
    "polmas_audit_context",
    default=AuditContext(),  # noqa: B039 (frozen dataclass: immutable)
)


@contextmanager
def audit_context(*, ip: str | None, source: str) -> Iterator[None]:
    token = _context.set(AuditContext(ip=ip, source=source))
    try:
        yield
    finally:
        _context.reset(token)


def current_context() -> AuditContext:
    return _context.get()


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return str(value)


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """A JSON-ready picture of a model's concrete fields (FKs as ids)."""
    names = (
        list(fields) if fields is not None else [f.attname for f in obj._meta.concrete_fields]  # type: ignore[union-attr]
    )
    return {name: _jsonable(getattr(obj, name)) for name in names}


def changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Keep only the keys whose values differ."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def record_event(
    *,
    actor: Any,
    verb: str,
    target: models.Model | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEvent:
    ctx = current_context()
    user = actor if getattr(actor, "is_authenticated", False) else None
    event = AuditEvent(
        actor=user,
        actor_label=(user.get_username() if user is not None else "sistem")[:150],
        verb=verb,
        before=_jsonable(before) if before is not None else None,
        after=_jsonable(after) if after is not None else None,
        source_ip=ctx.ip,
        source=ctx.source,
        note=note,
    )
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        event.target_id = str(target.pk)
        event.target_label = str(target)[:255]
    # A prepared INSERT (the same values as save(); nothing listens to AuditEvent signals).
    fastsql.insert([event])
    return event
