"""The session POST hot path: same answers and rows as before, fewer statements."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from polmas.core.models import AuditEvent
from polmas.org.testing import World
from polmas.patrols import services
from polmas.patrols.models import KamtibmasMessage
from polmas.patrols.schemas import SessionOut
from polmas.patrols.tests import fixtures as fx

pytestmark = pytest.mark.django_db


def _post(client: Client, token: str, url: str, body: dict[str, Any], **headers: str) -> Any:
    return client.post(
        url,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", **headers},
    )


def test_answer_has_the_documented_shape_and_the_usual_headers(
    client: Client, world: World
) -> None:
    url = f"/api/v1/patrols/{fx.patrol(world, 'in').pk}/sessions"
    r = _post(client, world.token(world.user_in), url, fx.session_body(world, "in"))
    assert r.status_code == 201, r.content
    data = r.json()
    assert set(data) == set(SessionOut.model_fields)
    checked = SessionOut.model_validate(data)
    assert checked.id == data["id"] and checked.replayed is False
    assert [i.kind for i in checked.inputs] == ["keluhan", "aspirasi"]
    assert r["Content-Type"] == "application/json; charset=utf-8"
    assert int(r["Content-Length"]) == len(r.content)
    assert r["Content-Language"] == "id" and r["X-Frame-Options"] == "DENY"
    assert "Accept-Language" in r["Vary"]
    event = AuditEvent.objects.get(verb="patrol.session.create", target_id=str(data["id"]))
    assert event.source == "api" and event.source_ip == "127.0.0.1"
    assert event.actor_id == world.user_in.pk
    assert event.after is not None and event.after["inputs"] == 2


def test_a_warm_session_post_costs_few_statements_and_no_catalog_query(
    client: Client, world: World
) -> None:
    url = f"/api/v1/patrols/{fx.patrol(world, 'in').pk}/sessions"
    token = world.token(world.user_in)
    assert _post(client, token, url, fx.session_body(world, "in")).status_code == 201
    body = fx.session_body(world, "in", inputs=[], quotes=[])
    with CaptureQueriesContext(connection) as ctx:
        assert _post(client, token, url, body).status_code == 201
    sql = [q["sql"] for q in ctx.captured_queries]
    # patrol; savepoint + session, message link, day, month, last visit, message-day, audit
    assert len(sql) <= 10, "\n".join(s[:90] for s in sql)
    joined = " ".join(sql)
    assert "patrols_kamtibmasmessage" not in joined and "org_apitoken" not in joined
    assert "patrols_residentinput" not in joined


def test_a_retired_message_is_refused_at_once(client: Client, world: World) -> None:
    url = f"/api/v1/patrols/{fx.patrol(world, 'in').pk}/sessions"
    token = world.token(world.user_in)
    body = fx.session_body(world, "in")
    assert _post(client, token, url, body).status_code == 201  # the catalog is now cached
    message = KamtibmasMessage.objects.get(pk=body["message_ids"][0])
    services.retire_message(actor=world.user_polres, message=message)
    r = _post(client, token, url, fx.session_body(world, "in", message_ids=[message.pk]))
    assert r.status_code == 422 and str(message.pk) in r.json()["detail"]


def test_bad_token_cookie_and_session_requests_take_their_usual_paths(
    client: Client, world: World
) -> None:
    url = f"/api/v1/patrols/{fx.patrol(world, 'in').pk}/sessions"
    r = _post(client, "not-a-token", url, fx.session_body(world, "in"))
    assert r.status_code == 401 and "token bearer" in r.json()["detail"]
    client.force_login(world.user_in)  # browser session: the ordinary middleware stack
    r = client.post(
        url, data=json.dumps(fx.session_body(world, "in")), content_type="application/json"
    )
    assert r.status_code == 201 and r["X-Frame-Options"] == "DENY"
    r = _post(client, "not-a-token", url, fx.session_body(world, "in"))  # cookie and bad token
    assert r.status_code == 201
