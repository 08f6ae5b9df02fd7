from __future__ import annotations

import datetime as dt
import time

import pytest
from django.utils import timezone

from polmas.aspirations import selectors
from polmas.aspirations.demo import load_demo_cases, remove_demo_cases
from polmas.aspirations.models import Case, Status
from polmas.org.testing import World

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2024, 9, 2, 10, 0, tzinfo=dt.UTC)


def _fingerprint() -> list[tuple[str, str, str, str]]:
    return list(
        Case.objects.filter(is_demo=True)
        .order_by("tracking_code")
        .values_list("tracking_code", "desa_id", "status", "description")
    )


def test_demo_cases_are_varied_marked_reproducible_and_removable(world: World) -> None:
    assert load_demo_cases(120, now=NOW) > 120  # plus the merged duplicates
    demo = Case.objects.filter(is_demo=True)
    assert all(c.title.startswith("[DEMO]") for c in demo)
    statuses = set(demo.values_list("status", flat=True))
    assert {Status.BARU, Status.DIVERIFIKASI, Status.SELESAI, Status.DUPLIKAT} <= statuses
    assert demo.filter(escalation_level__gt=0).exists()
    assert demo.filter(merged_into__isnull=False).count() >= 1
    assert demo.filter(due_at__lt=NOW, status=Status.BARU).exists()  # overdue ones
    assert demo.values("desa_id").distinct().count() > 30
    first = _fingerprint()
    started = time.perf_counter()
    assert load_demo_cases(120, now=NOW) == 0  # idempotent, and a re-run only counts
    assert time.perf_counter() - started < 0.5
    assert selectors.counts(world.user_polres) == selectors.direct_counts(
        world.user_polres, now=timezone.now()
    )
    assert remove_demo_cases() == len(first)
    assert not Case.objects.filter(is_demo=True).exists()
    load_demo_cases(120, now=NOW)
    assert _fingerprint() == first  # same seed, same data
