"""The bearer-token cache: fewer queries per request, revocation still effective."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from polmas.api import auth
from polmas.org.models import ApiToken, Membership
from polmas.org.testing import World

pytestmark = pytest.mark.django_db


def _units(client: Client, token: str) -> int:
    return client.get("/api/v1/units", headers={"Authorization": f"Bearer {token}"}).status_code


def test_second_request_does_not_fetch_the_token_or_the_scope(client: Client, world: World) -> None:
    token = world.token(world.user_in)
    assert _units(client, token) == 200
    with CaptureQueriesContext(connection) as ctx:
        assert _units(client, token) == 200
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "org_apitoken" not in sql and "org_membership" not in sql


def test_requests_get_their_own_copy_of_the_cached_user(world: World) -> None:
    token = world.token(world.user_in)
    first, second = auth.cached_token_user(token), auth.cached_token_user(token)
    assert first is not None and second is not None
    assert first == second and first is not second
    first.note = "per request"
    assert not hasattr(second, "note")


def test_revocation_and_role_changes_clear_the_cache(client: Client, world: World) -> None:
    from polmas.org.services import issue_api_token, revoke_api_token

    token = world.token(world.user_in)
    assert _units(client, token) == 200
    revoke_api_token(actor=None, token=ApiToken.objects.get(user=world.user_in))  # one so far
    assert _units(client, token) == 401
    token = issue_api_token(actor=None, user=world.user_in)
    assert _units(client, token) == 200
    for membership in Membership.objects.filter(person__user=world.user_in):
        membership.is_active = False
        membership.save()
    assert _units(client, token) == 403


def test_changes_without_signals_take_effect_after_the_ttl(
    client: Client, world: World, settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = world.token(world.user_in)
    assert _units(client, token) == 200
    ApiToken.objects.filter(user=world.user_in).update(revoked_at="2020-01-01T00:00:00Z")
    assert _units(client, token) == 200  # another process revoked it: cached for a few seconds
    clock = time.monotonic() + auth._ttl() + 0.1
    monkeypatch.setattr(time, "monotonic", lambda: clock)
    assert _units(client, token) == 401


def test_cache_can_be_switched_off(client: Client, world: World, settings: object) -> None:
    settings.POLMAS_API_TOKEN_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    token = world.token(world.user_in)
    assert _units(client, token) == 200
    ApiToken.objects.filter(user=world.user_in).update(revoked_at="2020-01-01T00:00:00Z")
    assert _units(client, token) == 401
