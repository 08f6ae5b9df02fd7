"""The per-(unit, desa, status) roll-up equals counting the case table directly."""

from __future__ import annotations

import random

import pytest

from polmas.aspirations import selectors, services, tally
from polmas.aspirations.models import Case, Status
from polmas.aspirations.tally import CaseTally
from polmas.org.models import Region, Unit
from polmas.org.testing import World, person_of

pytestmark = pytest.mark.django_db


def _direct() -> dict[tuple[int, str, str], int]:
    result: dict[tuple[int, str, str], int] = {}
    for c in Case.objects.filter(deleted_at__isnull=True):
        key = (c.unit_id, c.desa_id or "", c.status)
        result[key] = result.get(key, 0) + 1
    return result


def _rolled_up() -> dict[tuple[int, str, str], int]:
    return {(t.unit_id, t.desa_code, t.status): t.n for t in CaseTally.objects.all() if t.n != 0}


def test_roll_up_follows_every_change_and_equals_direct_counting(world: World) -> None:
    rng = random.Random(7)
    desa = [world.desa_in.code, world.desa_out.code, None]
    assignee = person_of(world.user_in)
    cases: list[Case] = []
    for step in range(60):
        op = rng.choice(["create", "create", "transition", "escalate", "delete", "move"])
        if op == "create" or not cases:
            cases.append(
                services.create_case(
                    actor=None,
                    description=f"Laporan uji nomor {step} tentang jalan rusak",
                    desa_code=rng.choice(desa),
                    category_code="lalu_lintas",
                )
            )
            continue
        case = Case.objects.get(pk=rng.choice(cases).pk)
        try:
            if op == "transition":
                name = rng.choice(["verifikasi", "tugaskan", "tolak", "tunda", "lanjutkan"])
                services.transition_case(
                    actor=None, case=case, name=name, note="uji", assignee=assignee
                )
            elif op == "escalate":
                services.transition_case(actor=None, case=case, name="eskalasi", note="uji")
            elif op == "delete":
                case.deleted_at = case.created_at
                case.save()
            else:  # an edit that moves the case to another desa and unit (e.g. in the admin)
                case.desa = Region.objects.get(code=world.desa_out.code)
                case.unit = Unit.objects.get(code="polsek-indramayu")
                case.save()
        except services.CaseError:
            pass
    assert _rolled_up() == _direct()
    # the same after a rebuild, and the selectors' figures equal direct counting per user
    for user in (world.user_in, world.user_out, world.user_polres):
        assert selectors.counts(user) == selectors.direct_counts(user)
    tally.rebuild()
    assert _rolled_up() == _direct()


def test_hard_delete_and_untouched_update_fields(world: World) -> None:
    case = services.create_case(
        actor=None, description="Lampu jalan mati", desa_code=world.desa_in.code
    )
    case.rating_comment = "x"
    case.save(update_fields=["rating_comment"])  # not a counted field: no roll-up write
    assert _rolled_up() == _direct() != {}
    Case.objects.get(pk=case.pk).delete()
    assert _rolled_up() == _direct()


def test_inbox_total_uses_roll_up_for_status_filters(world: World) -> None:
    for _ in range(3):
        services.create_case(
            actor=None, description="Parkir liar di pasar", desa_code=world.desa_in.code
        )
    services.create_case(actor=None, description="Parkir liar", desa_code=world.desa_out.code)
    for user in (world.user_in, world.user_out, world.user_polres):
        for status in ("", "open", "closed", Status.BARU):
            f = selectors.InboxFilters(status=status)
            assert selectors.inbox_total(user, f) == selectors.inbox(user, f).count()
    f2 = selectors.InboxFilters(status=Status.SELESAI, urgency="normal")
    assert selectors.inbox_total(world.user_in, f2) is None  # not counted
    assert selectors.bounded_count(selectors.inbox(world.user_in, selectors.InboxFilters()), 2) == 2


@pytest.mark.parametrize("wide", [3, 0])
def test_list_scope_equals_the_generic_scope(
    world: World, wide: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors, "WIDE_SCOPE_UNITS", wide)  # 0: the "not in" form
    """`listed_cases` (unit IN ..., plus foreign (unit, desa) pairs) == `scoped_cases`."""
    own = services.create_case(actor=None, description="Jalan rusak", desa_code=world.desa_in.code)
    services.create_case(actor=None, description="Jalan rusak", desa_code=world.desa_out.code)
    services.create_case(actor=None, description="Lokasi tidak jelas")  # Polres triage queue
    services.transition_case(actor=None, case=own, name="eskalasi", note="ke Polres")
    for user in (world.user_in, world.user_out, world.user_polres):
        expected = set(selectors.scoped_cases(user).values_list("pk", flat=True))
        assert set(selectors.listed_cases(user).values_list("pk", flat=True)) == expected
    # the escalated case stays in the Polsek's list through its desa
    assert selectors.listed_cases(world.user_in).filter(pk=own.pk).exists()
