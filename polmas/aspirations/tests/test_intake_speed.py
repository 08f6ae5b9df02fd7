"""Intake stays cheap: constant query count, memoised reference lookups, deferred triage."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from polmas.aspirations import lookups, services, tracking
from polmas.aspirations.models import Case, Category, SlaPolicy, Urgency
from polmas.org.testing import World

pytestmark = pytest.mark.django_db


def _create(world: World, **kw: Any) -> Case:
    defaults: dict[str, Any] = {
        "actor": None,
        "description": "Ada balap liar setiap malam minggu di jalan desa",
        "desa_code": world.desa_in.code,
        "category_code": "lalu_lintas",
    }
    defaults.update(kw)
    return services.create_case(**defaults)


def test_warm_intake_uses_a_constant_small_number_of_queries(world: World) -> None:
    _create(world)  # warms the memo (category, SLA policy, desa route)
    with CaptureQueriesContext(connection) as ctx:
        _create(world)
    statements = [q["sql"] for q in ctx.captured_queries]
    # INSERT case, audit event, receipt notice (+ transaction statements); no lookups.
    assert sum(s.startswith("INSERT") for s in statements) == 3
    assert not [s for s in statements if s.startswith("SELECT")], statements


def test_memo_is_cleared_when_reference_data_changes(world: World) -> None:
    first = _create(world, urgency=Urgency.NORMAL)
    policy = SlaPolicy.objects.create(
        name="Lalu lintas normal",
        category=Category.objects.get(code="lalu_lintas"),
        urgency=Urgency.NORMAL,
        verify_hours=2,
    )
    second = _create(world, urgency=Urgency.NORMAL)
    assert first.sla_policy_id != policy.pk and second.sla_policy_id == policy.pk
    Category.objects.filter(code="lalu_lintas").update(is_active=False)  # no signal
    lookups.clear()
    with pytest.raises(services.CaseError):
        _create(world)


def test_triage_is_deferred_when_category_and_urgency_are_given(
    world: World, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    calls: list[str] = []

    def fake(text: str) -> dict[str, Any]:
        calls.append(text)
        return {"category": "narkoba", "urgency": "tinggi"}

    monkeypatch.setattr("polmas.aspirations.services.intake.apply_triage", fake)
    monkeypatch.setattr("polmas.aspirations.tasks.apply_triage", fake)
    with django_capture_on_commit_callbacks() as callbacks:
        case = _create(world, urgency=Urgency.NORMAL)
    assert case.triage is None and len(callbacks) == 1 and not calls
    from polmas.aspirations.tasks import triage_case

    triage_case.call(case.pk)  # what the worker runs after commit
    case.refresh_from_db()
    assert case.triage == {"category": "narkoba", "urgency": "tinggi"}
    assert case.category.code == "lalu_lintas" and case.urgency == Urgency.NORMAL
    inline = _create(world, category_code=None, urgency=None)
    assert inline.category.code == "narkoba" and inline.urgency == "tinggi"
    assert len(calls) == 2


def test_tracking_code_collision_is_retried(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    taken = _create(world).tracking_code
    codes = iter([taken, "PM-2345-6789"])
    monkeypatch.setattr(tracking, "new_code", lambda: next(codes))
    case = _create(world)
    assert case.tracking_code == "PM-2345-6789"


def test_unknown_client_codes_are_not_memoised(world: World) -> None:
    """Rejected intakes with made-up codes leave the per-process memo as it was."""
    _create(world)  # warm: category, SLA policy, desa route
    _create(world, desa_code=None)  # warm: the triage unit
    before = dict(lookups._memo)
    for i in range(50):
        with pytest.raises(services.CaseError):
            _create(world, category_code=f"{i:04d}" + "x" * 996)
        triaged = _create(world, desa_code=f"99.{i}" + "9" * 500)  # unknown desa
        assert triaged.desa is None
    assert lookups._memo == before


def test_memo_is_bounded_and_evicts_expired_then_oldest(monkeypatch: pytest.MonkeyPatch) -> None:
    lookups.clear()
    monkeypatch.setattr(lookups, "MAX_ENTRIES", 3)
    clock = [1000.0]
    monkeypatch.setattr(lookups, "_clock", lambda: clock[0])
    for key in "abc":
        assert lookups.memo("t", key, key.upper) == key.upper()
    clock[0] += lookups.TTL_SECONDS  # a..c expire
    lookups.memo("t", "d", lambda: "D")
    assert set(lookups._memo) == {("t", "d")}  # expired entries went first
    lookups.memo("t", "e", lambda: "E")
    lookups.memo("t", "f", lambda: "F")
    lookups.memo("t", "g", lambda: "G")  # full and nothing expired: the oldest goes
    assert [k for _ns, k in lookups._memo] == ["e", "f", "g"]
    assert lookups.memo("t", "e", lambda: "changed") == "E"  # a hit is served from the memo
    assert lookups.memo("t", "none", lambda: None) is None and ("t", "none") not in lookups._memo
    lookups.clear()
