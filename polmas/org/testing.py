"""Test helpers other apps reuse: the reference world and the permission-matrix mixin.

A domain app declares its routes once and inherits four generated tests:

    class TestPatrolPermissions(PermissionMatrix):
        routes = [
            Route("patrol page", "get", lambda w, where: f"/patroli/{w.obj(where).pk}/"),
            ApiRoute("patrol api", "get", lambda w, where: f"/api/v1/patrols/{...}"),
        ]

    anonymous -> login redirect (views) or 401 (API); signed in without a role -> 403;
    in scope -> the route's ok statuses; out of scope -> 404 (routes with scoped=True).

`where` is "in" or "out": the factory returns a URL for an object inside or outside the
acting user's scope. Objects are made with `world` (two Polsek, their users and desa).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar, Literal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.test import Client

from polmas.org import services
from polmas.org.models import Person, Rank, Region, Role, Unit
from polmas.org.reference_data import ensure_default_units, load_regions

Where = Literal["in", "out"]
Case = Literal["anonymous", "no_role", "in_scope", "out_of_scope"]


def ensure_reference_data() -> None:
    """Indramayu's regions and the default units (fast: the kabupaten only)."""
    if not Region.objects.filter(code="32.12.01.2007").exists():
        load_regions(only="32.12")
    if not Unit.objects.filter(code="polsek-lohbener").exists():
        ensure_default_units()


@dataclass
class World:
    """Two Polsek with a Kapolsek each, a Polres commander and a user without any role."""

    polres: Unit
    unit_in: Unit
    unit_out: Unit
    desa_in: Region
    desa_out: Region
    user_in: Any
    user_out: Any
    user_polres: Any
    user_no_role: Any
    tokens: dict[str, str] = field(default_factory=dict)
    objects: dict[str, Any] = field(default_factory=dict)

    def unit(self, where: Where) -> Unit:
        return self.unit_in if where == "in" else self.unit_out

    def desa(self, where: Where) -> Region:
        return self.desa_in if where == "in" else self.desa_out

    def token(self, user: Any) -> str:
        key = user.get_username()
        if key not in self.tokens:
            self.tokens[key] = services.issue_api_token(actor=None, user=user)
        return self.tokens[key]


TEST_PASSWORD = "rahasia-uji-123"


@lru_cache(maxsize=1)
def _test_password_hash() -> str:
    """Argon2 is slow by design; hash the shared test password once per test run."""
    return make_password(TEST_PASSWORD)


def make_officer(
    unit: Unit, username: str, role: str, nrp: str, *, desa: Sequence[Region] = ()
) -> Any:
    """A person with a login (password TEST_PASSWORD), a role in `unit`, and optional desa."""
    person = services.create_person(
        actor=None,
        unit=unit,
        nrp=nrp,
        full_name=username.replace(".", " ").title(),
        rank=Rank.AKP,
        username=username,
    )
    assert person.user is not None
    person.user.password = _test_password_hash()
    person.user.save(update_fields=["password"])
    services.grant_role(actor=None, person=person, unit=unit, role=role)
    for d in desa:
        services.assign_desa(actor=None, person=person, desa=d)
    return person.user


def build_world() -> World:
    polres = Unit.objects.get(code="polres-indramayu")
    unit_in = Unit.objects.get(code="polsek-lohbener")
    unit_out = Unit.objects.get(code="polsek-indramayu")
    desa_in = Region.objects.get(parent__name="Lohbener", name="Lohbener")
    desa_out = (
        Region.objects.filter(parent__name="Indramayu", level="desa").order_by("code").first()
    )
    assert desa_out is not None
    no_role = get_user_model().objects.create_user("uji.tanpa.peran")
    no_role.password = _test_password_hash()
    no_role.save(update_fields=["password"])
    return World(
        polres=polres,
        unit_in=unit_in,
        unit_out=unit_out,
        desa_in=desa_in,
        desa_out=desa_out,
        user_in=make_officer(unit_in, "uji.kapolsek.dalam", Role.KAPOLSEK, "T0001"),
        user_out=make_officer(unit_out, "uji.kapolsek.luar", Role.KAPOLSEK, "T0002"),
        user_polres=make_officer(polres, "uji.kapolres", Role.KAPOLRES, "T0003"),
        user_no_role=no_role,
    )


UrlFactory = Callable[[World, Where], str]
DataFactory = Callable[[World, Where], dict[str, Any]]


@dataclass
class Route:
    """An HTML view. Anonymous users are redirected to the login page."""

    name: str
    method: str
    url: UrlFactory
    data: DataFactory | None = None
    scoped: bool = True
    ok: tuple[int, ...] = (200,)
    is_api: ClassVar[bool] = False
    content_type: str | None = None

    def call(self, client: Client, world: World, where: Where, user: Any | None) -> Any:
        if user is not None:
            client.force_login(user)
        return self._send(client, world, where, {})

    def _send(self, client: Client, world: World, where: Where, headers: dict[str, str]) -> Any:
        payload = self.data(world, where) if self.data else None
        method = getattr(client, self.method.lower())
        kwargs: dict[str, Any] = {"headers": headers}
        if payload is not None:
            kwargs["data"] = payload
            if self.content_type:
                kwargs["content_type"] = self.content_type
        return method(self.url(world, where), **kwargs)


@dataclass
class ApiRoute(Route):
    """A JSON API route, called with the user's bearer token. Anonymous -> 401."""

    is_api: ClassVar[bool] = True
    content_type: str | None = "application/json"

    def call(self, client: Client, world: World, where: Where, user: Any | None) -> Any:
        headers = {"Authorization": f"Bearer {world.token(user)}"} if user is not None else {}
        return self._send(client, world, where, headers)


class PermissionMatrix:
    """Mixin generating the permission matrix tests for `routes`."""

    routes: ClassVar[Sequence[Route]] = ()

    @pytest.mark.parametrize("case", ["anonymous", "no_role", "in_scope", "out_of_scope"])
    def test_permission_matrix(self, case: Case, world: World) -> None:
        assert self.routes, "declare the routes under test"
        if case == "out_of_scope" and not any(r.scoped for r in self.routes):
            pytest.skip("no route here addresses a single scoped object")
        failures: list[str] = []
        checked = 0
        for route in self.routes:
            if case == "out_of_scope" and not route.scoped:
                continue
            client = Client()
            where: Where = "out" if case == "out_of_scope" else "in"
            user = {"anonymous": None, "no_role": world.user_no_role}.get(case, world.user_in)
            response = route.call(client, world, where, user)
            checked += 1
            expected: tuple[int, ...]
            if case == "anonymous":
                expected = (401,) if route.is_api else (302,)
            elif case == "no_role":
                expected = (403,)
            elif case == "in_scope":
                expected = route.ok
            else:
                expected = (404,)
            if response.status_code not in expected:
                failures.append(
                    f"{route.name}: {case} gave {response.status_code}, expected {expected}"
                )
            elif (
                case == "anonymous"
                and not route.is_api
                and "/masuk/" not in response.get("Location", "")
            ):
                failures.append(f"{route.name}: anonymous not sent to the login page")
        assert not failures, "\n".join(failures)
        assert checked > 0


def person_of(user: Any) -> Person:
    return Person.objects.get(user=user)
