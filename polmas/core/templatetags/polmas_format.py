"""Template filters for Indonesian dates and numbers: {% load polmas_format %}."""

from __future__ import annotations

import datetime as dt

from django import template

from polmas.core import formatting

register = template.Library()


@register.filter
def tanggal(value: dt.date | dt.datetime | None) -> str:
    return formatting.long_date(value) if value else ""


@register.filter
def tanggal_jam(value: dt.datetime | None) -> str:
    return formatting.long_datetime(value) if value else ""


@register.filter
def angka(value: int | float | None, decimals: int = 0) -> str:
    return formatting.number(value, decimals) if value is not None else ""
