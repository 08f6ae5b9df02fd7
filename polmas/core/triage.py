"""The stored `polmas.triage` result of a text, shared by every app that stores one (cases,
hoax reports): computing it for a new record, filling it in for old ones (`polmas retriage`),
and the query for the records it flags as provocation."""

from __future__ import annotations

import logging
from typing import Any

from django.db.models import Model, Q, QuerySet

from polmas.triage import analyse, analyse_many

logger = logging.getLogger(__name__)
BATCH = 500
PROVOCATION_Q = Q(triage__hate_speech=True) | Q(triage__abusive=True)
"""Records whose stored triage found hate speech or abusive language."""


def triage_json(text: str) -> dict[str, Any] | None:
    """``analyse(text)`` as JSON, or None when the models cannot run: the record is stored all
    the same (nothing is lost), and ``polmas retriage`` fills its triage in later."""
    try:
        return analyse(text).as_dict()
    except Exception:  # any failure of the models must not lose the record
        logger.exception("triage of a text failed; stored without triage")
        return None


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
