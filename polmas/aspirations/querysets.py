"""Which cases a user may see, and the conditions the case lists and counters share."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache, reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils import timezone

from polmas.aspirations.choices import OPEN_STATUSES, TIMED_STATUSES
from polmas.org.scope import ScopedQuerySet, get_scope

if TYPE_CHECKING:
    # Named by the generic base below; models imports this module, so only for the checker.
    from polmas.aspirations.models import Case  # noqa: F401


class CaseQuerySet(ScopedQuerySet["Case"]):
    def restrict(self, user: Any) -> CaseQuerySet:
        """Cases of units in scope (by id: no join) or in desa in scope (explicit codes).

        Overrides the generic version because `region_q` builds `desa_id__startswith`, which
        Django refuses on a foreign key, and because `IN` lists use the (unit|desa, status,
        created_at) indexes where prefix matching scans the table.
        """
        scope = get_scope(user)
        if scope.everything:
            return self
        if not scope.has_role:
            return self.none()
        conditions = [Q(unit_id__in=sorted(scope.unit_ids))] if scope.unit_ids else []
        if scope.region_codes:
            # Explicit desa codes (index-friendly `IN`) instead of prefix matching.
            conditions.append(Q(desa_id__in=desa_codes_within(scope.region_codes)))
        if not conditions:
            return self.none()
        return self.filter(reduce(or_, conditions))

    def alive(self) -> CaseQuerySet:
        return self.filter(deleted_at__isnull=True)

    def open(self) -> CaseQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, now: dt.datetime | None = None) -> CaseQuerySet:
        return self.filter(overdue_q(now or timezone.now()))


@lru_cache(maxsize=256)
def desa_codes_within(region_codes: tuple[str, ...]) -> tuple[str, ...]:
    """Codes of every desa inside the given regions (cached per process: regions rarely move)."""
    from polmas.org.models import Region, RegionLevel

    q = reduce(or_, (Q(code=c) | Q(code__startswith=c + ".") for c in region_codes))
    return tuple(
        Region.objects.filter(q, level=RegionLevel.DESA)
        .order_by("code")
        .values_list("code", flat=True)
    )


def overdue_q(now: dt.datetime) -> Q:
    return Q(status__in=TIMED_STATUSES, due_at__lt=now)
