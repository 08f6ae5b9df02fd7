"""Whether the live roll-up (services/live.py) may answer for today, and reading it."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from polmas.core.formatting import WIB
from polmas.insights.figures import OpenKey, direct_open_counts, rollup_open_counts
from polmas.insights.models import LiveRefresh

LIVE = "live"


def max_age_seconds() -> int:
    return int(getattr(settings, "POLMAS_INSIGHTS_LIVE_MAX_AGE", 600))


def live_as_of(today: dt.date, now: dt.datetime) -> dt.datetime | None:
    """The last refresh when it covers `today` (WIB) and is fresh enough, else None."""
    stamp = LiveRefresh.objects.filter(name=LIVE).values_list("refreshed_at", flat=True).first()
    if stamp is None or stamp.astimezone(WIB).date() != today:
        return None
    if (now - stamp).total_seconds() > max_age_seconds() or stamp > now:
        return None
    return stamp


def open_counts(
    codes: list[str] | None, live: dt.datetime | None, now: dt.datetime
) -> dict[OpenKey, tuple[int, int]]:
    """(desa, urgency) -> (open, overdue): the live rows if usable, else from the cases."""
    return rollup_open_counts(codes) if live is not None else direct_open_counts(now, codes)
