"""Prepared INSERT / SELECT give the same rows and values as the ORM."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

from polmas.core import fastsql
from polmas.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _event(**extra: object) -> AuditEvent:
    return AuditEvent(
        actor_label="uji",
        verb="uji.fastsql",
        target_type=ContentType.objects.get_for_model(AuditEvent),
        target_id="7",
        after={"when": "2024-02-14", "ids": [1, 2], "key": str(uuid.uuid4())},
        source_ip="10.1.2.3",
        source="api",
        **extra,
    )


def test_insert_stores_what_bulk_create_stores() -> None:
    mine = fastsql.insert([_event(), _event(note="dua")])
    theirs = AuditEvent.objects.bulk_create([_event(), _event(note="dua")])
    assert all(e.pk is not None and not e._state.adding for e in mine)
    assert len({e.pk for e in mine + theirs}) == 4
    fields = ["actor_label", "verb", "target_type_id", "target_id", "source_ip", "source", "note"]
    rows = {
        e.pk: AuditEvent.objects.filter(pk=e.pk).values(*fields, "after").get()
        for e in mine + theirs
    }
    for a, b in zip(mine, theirs, strict=True):
        assert {k: v for k, v in rows[a.pk].items() if k != "after"} == {
            k: v for k, v in rows[b.pk].items() if k != "after"
        }
        assert rows[a.pk]["after"]["ids"] == [1, 2]
    assert fastsql.insert([]) == []


def test_reader_converts_like_the_orm_and_defers_the_rest() -> None:
    at = timezone.now() - dt.timedelta(days=3)
    event = fastsql.insert([_event(created_at=at)])[0]
    reader = fastsql.Reader(AuditEvent, ["created_at", "id", "target_type"], "id = %s")
    (found,) = reader.fetch([event.pk])
    assert found.pk == event.pk and found.created_at == at and timezone.is_aware(found.created_at)
    assert found.target_type_id == ContentType.objects.get_for_model(AuditEvent).pk
    assert found.get_deferred_fields() >= {"verb", "after"}
    assert found.after is not None and found.after["ids"] == [1, 2]  # loads on access
    assert reader.fetch([event.pk + 1000]) == []
    with pytest.raises(FieldDoesNotExist):
        fastsql.Reader(AuditEvent, ["no_such_field"], "1 = 1")
