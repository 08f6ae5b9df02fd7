"""The cases section of the patrol briefing: open matters in the unit's area."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case as When_
from django.db.models import IntegerField, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _

from polmas.aspirations.models import Case, Urgency
from polmas.core.formatting import long_date
from polmas.org.models import Unit
from polmas.org.scope import region_q
from polmas.patrols.briefing import BriefingItem

BRIEFING_LIMIT = 10
_URGENCY_ORDER = When_(
    When(urgency=Urgency.DARURAT, then=Value(0)),
    When(urgency=Urgency.TINGGI, then=Value(1)),
    When(urgency=Urgency.NORMAL, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def open_matters(unit: Unit, day: dt.date, user: Any) -> list[BriefingItem]:
    """Open cases in the unit's area (and the ones it handles), most urgent and most due first."""
    codes = tuple(unit.jurisdiction.values_list("code", flat=True))
    cases = (
        Case.objects.restrict(user)
        .open()
        .filter(region_q("desa", codes))
        .select_related("desa", "category")
        .annotate(urgency_rank=_URGENCY_ORDER)
        .order_by("urgency_rank", "due_at", "created_at")[:BRIEFING_LIMIT]
    )
    items = []
    for case in cases:
        summary = case.title or case.description[:90]
        due = _("tenggat %(date)s") % {"date": long_date(case.due_at)} if case.due_at else ""
        where = case.desa.name if case.desa else _("lokasi belum diketahui")
        detail = " · ".join(
            part
            for part in (where, str(case.get_urgency_display()), str(case.category), due)
            if part
        )
        items.append(
            BriefingItem(
                title=f"{case.tracking_code} — {summary}",
                detail=detail,
                url=reverse("aspirations:case", args=[case.pk]),
            )
        )
    return items
