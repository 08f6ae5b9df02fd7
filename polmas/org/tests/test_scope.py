from __future__ import annotations

import pytest

from polmas.org.models import Person, Region, RegionLevel, Unit
from polmas.org.scope import get_scope
from polmas.org.testing import World

pytestmark = pytest.mark.django_db


def test_polsek_sees_its_own_unit_and_area(world: World) -> None:
    units = set(Unit.objects.restrict(world.user_in).values_list("code", flat=True))
    assert units == {"polsek-lohbener"}
    desa = Region.objects.restrict(world.user_in).filter(level=RegionLevel.DESA)
    assert desa.count() == Region.objects.filter(parent__name="Lohbener", level="desa").count()
    assert not desa.filter(code=world.desa_out.code).exists()
    # Ancestors stay visible so breadcrumbs work; siblings do not.
    assert Region.objects.restrict(world.user_in).filter(code__in=["32", "32.12"]).count() == 2
    assert not Region.objects.restrict(world.user_in).filter(code="32.12.01").exists()


def test_polres_sees_all_its_polsek(world: World) -> None:
    units = Unit.objects.restrict(world.user_polres)
    assert units.count() == 32  # the Polres and its 31 Polsek
    assert not units.filter(code="polda-jabar").exists()
    assert Region.objects.restrict(world.user_polres).filter(level="desa").count() == 317


def test_people_are_scoped_by_unit(world: World) -> None:
    names = set(Person.objects.restrict(world.user_in).values_list("user__username", flat=True))
    assert "uji.kapolsek.dalam" in names and "uji.kapolsek.luar" not in names
    assert (
        Person.objects.restrict(world.user_polres)
        .filter(user__username="uji.kapolsek.luar")
        .exists()
    )


def test_no_role_and_anonymous_see_nothing(world: World) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert not get_scope(world.user_no_role).has_role
    assert Unit.objects.restrict(world.user_no_role).count() == 0
    assert Region.objects.restrict(AnonymousUser()).count() == 0
    assert Unit.objects.restrict(None).count() == 0


def test_superuser_sees_everything(world: World) -> None:
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("uji.root", password="x-rahasia-123")
    assert Unit.objects.restrict(root).count() == Unit.objects.count()


def test_inactive_membership_gives_no_scope(world: World) -> None:
    from polmas.org.models import Membership

    Membership.objects.filter(person__user=world.user_in).update(is_active=False)
    world.user_in.refresh_from_db()
    fresh = type(world.user_in).objects.get(pk=world.user_in.pk)
    assert Unit.objects.restrict(fresh).count() == 0
