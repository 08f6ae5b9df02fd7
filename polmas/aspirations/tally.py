"""A roll-up of live cases per (unit, desa, status), kept in step with the case table.

Counting a Polres's cases row by row grows with the table (1M rows: hundreds of ms); the
roll-up has at most a few thousand rows whatever the table size. `Case.save()` moves one unit
of count from the old key to the new key inside the same transaction, so the roll-up equals
direct counting at every commit. Writes that bypass `save()` (bulk_create, QuerySet.update of
unit/desa/status/deleted_at) must call `rebuild()` afterwards; `polmas case-tally --check`
compares the two.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import F, Q, Sum

# (unit_id, desa code or "", status); None for a case that is not counted (soft-deleted).
TallyKey = tuple[int, str, str]


class CaseTally(models.Model):
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    desa_code = models.CharField(max_length=20, blank=True, default="")
    status = models.CharField(max_length=16)
    n = models.IntegerField(default=0)

    class Meta:
        app_label = "aspirations"
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "desa_code", "status"], name="asp_tally_unique_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.desa_code}/{self.status}: {self.n}"


def key_of(unit_id: int | None, desa_id: str | None, status: str, deleted: bool) -> Any:
    if deleted or unit_id is None:
        return None
    return (int(unit_id), desa_id or "", str(status))


def _bump(key: TallyKey, delta: int) -> None:
    unit_id, desa, status = key
    row = CaseTally.objects.filter(unit_id=unit_id, desa_code=desa, status=status)
    if row.update(n=F("n") + delta):
        return
    CaseTally.objects.bulk_create(
        [CaseTally(unit_id=unit_id, desa_code=desa, status=status, n=0)], ignore_conflicts=True
    )
    row.update(n=F("n") + delta)


def move(old: TallyKey | None, new: TallyKey | None) -> None:
    """One case changed key (None = not counted). Call inside the case's transaction."""
    if old == new:
        return
    if old is not None:
        _bump(old, -1)
    if new is not None:
        _bump(new, +1)


@transaction.atomic
def rebuild() -> int:
    """Recount everything from the case table (after bulk writes); returns the row count."""
    from polmas.aspirations.models import Case

    CaseTally.objects.all().delete()
    rows = (
        Case.objects.filter(deleted_at__isnull=True)
        .order_by()
        .values("unit_id", "desa_id", "status")
        .annotate(total=models.Count("id"))
    )
    CaseTally.objects.bulk_create(
        [
            CaseTally(
                unit_id=r["unit_id"], desa_code=r["desa_id"] or "", status=r["status"], n=r["total"]
            )
            for r in rows
        ],
        batch_size=500,
    )
    return CaseTally.objects.count()


def scope_filter(unit_ids: Iterable[int] | None, desa_codes: Iterable[str] | None) -> Q:
    """The roll-up rows of a scope: units in `unit_ids` or desa in `desa_codes` (None = all)."""
    if unit_ids is None and desa_codes is None:
        return Q()
    q = Q(pk__in=[])
    if unit_ids:
        q |= Q(unit_id__in=sorted(unit_ids))
    if desa_codes:
        q |= Q(desa_code__in=sorted(desa_codes))
    return q


def totals(scope: Q, *, statuses: Iterable[str] | None = None, desa: str = "") -> dict[str, int]:
    """Live case counts per status within `scope` (optionally one desa)."""
    qs = CaseTally.objects.filter(scope)
    if statuses is not None:
        qs = qs.filter(status__in=list(statuses))
    if desa:
        qs = qs.filter(desa_code=desa)
    return {
        r["status"]: int(r["total"] or 0)
        for r in qs.order_by().values("status").annotate(total=Sum("n"))
    }
