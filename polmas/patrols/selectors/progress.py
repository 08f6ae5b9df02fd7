"""Campaign progress: which desa of a campaign's areas heard which of its messages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Sum

from polmas.org.models import Region
from polmas.patrols.models import CoverageMessageDaily
from polmas.patrols.selectors.coverage import desa_in_scope_rows


@dataclass
class CampaignProgress:
    message_ids: list[int]
    message_titles: dict[int, str]
    desa: list[tuple[str, str]]  # (code, name)
    heard: dict[str, dict[int, int]]  # desa code -> message id -> deliveries

    @property
    def desa_reached(self) -> int:
        return sum(1 for code, _ in self.desa if self.heard.get(code))

    @property
    def desa_complete(self) -> int:
        need = set(self.message_ids)
        return sum(1 for code, _ in self.desa if need and need <= set(self.heard.get(code, {})))


def campaign_progress(user: Any, campaign: Any) -> CampaignProgress:
    from polmas.patrols.selectors.catalog import campaign_desa_codes

    visible = {c for c, *_ in desa_in_scope_rows(user, None)}
    codes = [c for c in campaign_desa_codes(campaign) if c in visible]
    names = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
    messages = list(campaign.messages.filter(deleted_at__isnull=True).order_by("topic", "title"))
    heard: dict[str, dict[int, int]] = defaultdict(dict)
    rows = (
        CoverageMessageDaily.objects.filter(
            message_id__in=[m.pk for m in messages],
            desa_id__in=codes,
            day__gte=campaign.starts_on,
            day__lte=campaign.ends_on,
        )
        .values("desa_id", "message_id")
        .annotate(n=Sum("deliveries"))
        .values_list("desa_id", "message_id", "n")
    )
    for code, message_id, n in rows:
        if n:
            heard[code][message_id] = int(n)
    return CampaignProgress(
        message_ids=[m.pk for m in messages],
        message_titles={m.pk: m.title for m in messages},
        desa=[(c, names.get(c, c)) for c in codes],
        heard=dict(heard),
    )
