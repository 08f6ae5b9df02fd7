"""Bounds for values that arrive from outside, beyond which the databases or date arithmetic
fail: one definition, used by the API schemas, forms, views and cursors of every app."""

from __future__ import annotations

import datetime as dt

MAX_ID = 2**63 - 1
"""The largest primary key both databases hold (signed 64-bit); past it SQLite raises
OverflowError and PostgreSQL a DataError instead of finding nothing."""

EARLIEST_DAY = dt.date(2000, 1, 1)
"""No record, plan or report of Polmas lies before this day; an earlier date is a typo."""


def parse_id(raw: str) -> int | None:
    """A primary key typed or posted as text (``"42"``), or None when it cannot be one."""
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit() and len(raw) <= len(str(MAX_ID))):
        return None
    value = int(raw)
    return value if 0 < value <= MAX_ID else None
