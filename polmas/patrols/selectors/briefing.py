"""The patrols app's own briefing sections (registered in polmas.patrols.briefing)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from polmas.core.formatting import long_date
from polmas.org.models import Unit
from polmas.patrols.briefing import BriefingItem
from polmas.patrols.selectors.catalog import active_campaigns_for_unit, campaign_messages_for_unit
from polmas.patrols.selectors.coverage import Period, coverage_map, not_visited

BRIEFING_STALE_LIMIT = 10


def briefing_campaign_messages(unit: Unit, day: dt.date, user: Any) -> list[BriefingItem]:
    names = ", ".join(c.name for c in active_campaigns_for_unit(user, unit, day))
    return [
        BriefingItem(
            title=f"[{m.get_topic_display()}] {m.title}",
            detail=m.text + (f" ({names})" if names else ""),
        )
        for m in campaign_messages_for_unit(user, unit, day)
    ]


def briefing_desa_not_visited(unit: Unit, day: dt.date, user: Any) -> list[BriefingItem]:
    cmap = coverage_map(user, Period.last_days(30, day), unit=unit, stale_days=0, today=day)
    items = []
    for d in not_visited(cmap, day)[:BRIEFING_STALE_LIMIT]:
        if d.last_visit is None:
            detail = _("Belum pernah dikunjungi patroli dialog")
        else:
            detail = _("Kunjungan terakhir %(date)s (%(days)s hari lalu)") % {
                "date": long_date(d.last_visit),
                "days": d.days_since_visit(day),
            }
        items.append(
            BriefingItem(
                title=f"{d.name} ({d.kecamatan_name})",
                detail=detail,
                url=reverse("org:desa_detail", args=[d.code]),
            )
        )
    return items
