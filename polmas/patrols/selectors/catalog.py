"""Reads of the message catalog and campaigns.

Messages and campaigns are owned by a unit and shared downwards: a Polsek sees what its Polres
and Polda publish, plus its own; commanders also see what their Polseks wrote.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from polmas.org.models import Region, RegionLevel, Unit
from polmas.org.scope import get_scope, unit_q
from polmas.patrols.models import Campaign, KamtibmasMessage


def _chain_q(user: Any, field: str = "unit") -> Q | None:
    """Rows owned by one of the user's units, an ancestor of them, or a unit below them.
    None means everything (superuser)."""
    scope = get_scope(user)
    if scope.everything:
        return None
    if not scope.has_role:
        return Q(pk__in=[])
    ancestors = {code for path in scope.unit_paths for code in path.strip("/").split("/")}
    return unit_q(field, scope.unit_paths) | Q(**{f"{field}__code__in": sorted(ancestors)})


def catalog_messages(user: Any) -> QuerySet[KamtibmasMessage]:
    qs = KamtibmasMessage.objects.alive().select_related("unit")
    chain = _chain_q(user)
    return qs if chain is None else qs.filter(chain)


def valid_messages(user: Any, day: dt.date | None = None) -> QuerySet[KamtibmasMessage]:
    day = day or timezone.localdate()
    return catalog_messages(user).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=day), valid_from__lte=day
    )


# Per process: (scope, day) -> {message id: topic} of the valid messages. Recording a session
# checks its message ids against this instead of querying the catalog on every request. Any
# message or unit saved or deleted through the ORM clears it at once in this process (signals,
# see apps.py); other worker processes see the change within CATALOG_CACHE_SECONDS.
CATALOG_CACHE_SECONDS = 5.0
_valid_topics: dict[tuple[Any, ...], tuple[float, dict[int, str]]] = {}
_valid_topics_lock = threading.Lock()


def forget_valid_messages(**_kwargs: Any) -> None:
    """Signal receiver: the catalog or the units changed."""
    with _valid_topics_lock:
        _valid_topics.clear()


def valid_message_topics(user: Any, day: dt.date) -> dict[int, str]:
    """{id: topic} of the messages `valid_messages(user, day)` returns, cached briefly."""
    scope = get_scope(user)
    key = (scope.everything, scope.has_role, scope.unit_paths, day)
    now = time.monotonic()
    hit = _valid_topics.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    topics = dict(valid_messages(user, day).select_related(None).values_list("id", "topic"))
    if CATALOG_CACHE_SECONDS > 0:
        with _valid_topics_lock:
            if len(_valid_topics) > 1000:
                _valid_topics.clear()
            _valid_topics[key] = (now + CATALOG_CACHE_SECONDS, topics)
    return topics


def campaigns(user: Any) -> QuerySet[Campaign]:
    qs = Campaign.objects.alive().select_related("unit")
    chain = _chain_q(user)
    return qs if chain is None else qs.filter(chain)


def editable_messages(user: Any) -> QuerySet[KamtibmasMessage]:
    """Messages the user may change: owned by a unit within their scope."""
    return KamtibmasMessage.objects.restrict(user).alive()


def editable_campaigns(user: Any) -> QuerySet[Campaign]:
    return Campaign.objects.restrict(user).alive()


def catalog_units(user: Any) -> QuerySet[Unit]:
    """Units the user may publish messages and campaigns for (their scope)."""
    return Unit.objects.restrict(user).order_by("path")


def campaign_area_choices(user: Any, campaign: Campaign | None = None) -> QuerySet[Region]:
    """Kecamatan within the user's area, plus whatever the campaign already targets."""
    in_area = Region.objects.restrict(user).filter(level=RegionLevel.KECAMATAN)
    q = Q(pk__in=in_area.values("pk"))
    if campaign is not None:
        q |= Q(pk__in=campaign.areas.values("pk"))
    return Region.objects.filter(q).order_by("code")


def _jurisdiction_codes(unit: Unit) -> list[str]:
    return list(unit.jurisdiction.values_list("code", flat=True))


def _overlaps(a: list[str], b: list[str]) -> bool:
    return any(x == y or x.startswith(y + ".") or y.startswith(x + ".") for x in a for y in b)


def campaign_area_codes(campaign: Campaign) -> list[str]:
    codes = [r.code for r in campaign.areas.all()]
    return codes or _jurisdiction_codes(campaign.unit)


def active_campaigns_for_unit(user: Any, unit: Unit, day: dt.date | None = None) -> list[Campaign]:
    """Campaigns running on `day` whose areas touch the unit's jurisdiction."""
    day = day or timezone.localdate()
    unit_codes = _jurisdiction_codes(unit)
    result = []
    for campaign in (
        campaigns(user)
        .filter(starts_on__lte=day, ends_on__gte=day)
        .prefetch_related("areas", "messages")
    ):
        if _overlaps(campaign_area_codes(campaign), unit_codes):
            result.append(campaign)
    return result


def campaign_messages_for_unit(
    user: Any, unit: Unit, day: dt.date | None = None
) -> list[KamtibmasMessage]:
    """The messages of the active campaigns for the unit (valid on the day), campaign order."""
    day = day or timezone.localdate()
    seen: dict[int, KamtibmasMessage] = {}
    for campaign in active_campaigns_for_unit(user, unit, day):
        for message in campaign.messages.all():
            if (
                message.deleted_at is None
                and message.valid_from <= day
                and (message.valid_until is None or message.valid_until >= day)
            ):
                seen.setdefault(message.pk, message)
    return sorted(seen.values(), key=lambda m: (m.topic, m.title))


def campaign_desa_codes(campaign: Campaign) -> list[str]:
    """Desa codes of the campaign's target areas (kecamatan expanded to their desa)."""
    codes = campaign_area_codes(campaign)
    q = Q(pk__in=[])
    for code in codes:
        q |= Q(code=code) | Q(code__startswith=code + ".")
    return list(
        Region.objects.filter(q, level=RegionLevel.DESA)
        .order_by("code")
        .values_list("code", flat=True)
    )
