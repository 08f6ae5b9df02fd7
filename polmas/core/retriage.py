"""Compute the stored `polmas.triage` result of rows that lack one, or of every row after the
models were retrained (`polmas retriage`)."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet

from polmas.triage import analyse_many

BATCH = 500


def retriage(
    rows: QuerySet[Any], text_field: str, *, every: bool = False, batch: int = BATCH
) -> int:
    """Store the triage of ``text_field`` in the ``triage`` field of each row of ``rows`` that
    has none (``every``: of each row). Walks the rows by primary key, ``batch`` at a time, one
    ``analyse_many`` and one bulk update per batch; only ``triage`` is written. Returns the
    number of rows written. Safe to stop and run again."""
    rows = rows if every else rows.filter(triage__isnull=True)
    done, last = 0, None
    while True:
        page = rows.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        chunk: list[Model] = list(page.only("pk", text_field)[:batch])
        if not chunk:
            return done
        results = analyse_many([str(getattr(row, text_field) or "") for row in chunk])
        for row, result in zip(chunk, results, strict=True):
            row.triage = result.as_dict()  # type: ignore[attr-defined]
        type(chunk[0])._default_manager.bulk_update(chunk, ["triage"])
        done += len(chunk)
        last = chunk[-1].pk
