from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from polmas.org.testing import ApiRoute, PermissionMatrix, World
from polmas.patrols.models import DialogueSession, Patrol, PatrolStatus, ResidentInput
from polmas.patrols.tests import fixtures as fx

pytestmark = pytest.mark.django_db


def _pid(w: World, where: str) -> int:
    return fx.patrol(w, where).pk  # type: ignore[arg-type]


class TestPatrolApiPermissions(PermissionMatrix):
    routes = [
        ApiRoute("patrol list", "get", lambda w, where: "/api/v1/patrols", scoped=False),
        ApiRoute(
            "patrol create",
            "post",
            lambda w, where: "/api/v1/patrols",
            data=lambda w, where: {"idempotency_key": str(uuid.uuid4()), "start_now": True},
            scoped=False,
            ok=(201,),
        ),
        ApiRoute("patrol get", "get", lambda w, where: f"/api/v1/patrols/{_pid(w, where)}"),
        ApiRoute(
            "patrol patch",
            "patch",
            lambda w, where: f"/api/v1/patrols/{_pid(w, where)}",
            data=lambda w, where: {"area_note": "Pasar desa"},
        ),
        ApiRoute(
            "patrol start",
            "post",
            lambda w, where: f"/api/v1/patrols/{fx.planned_patrol(w, where).pk}/start",  # type: ignore[arg-type]
            data=lambda w, where: {},
        ),
        ApiRoute(
            "patrol cancel",
            "post",
            lambda w, where: f"/api/v1/patrols/{fx.planned_patrol(w, where).pk}/cancel",  # type: ignore[arg-type]
            data=lambda w, where: {},
            ok=(200, 409),
        ),
        ApiRoute(
            "patrol end",
            "post",
            lambda w, where: f"/api/v1/patrols/{_pid(w, where)}/end",
            data=lambda w, where: {},
        ),
        ApiRoute(
            "session list", "get", lambda w, where: f"/api/v1/patrols/{_pid(w, where)}/sessions"
        ),
        ApiRoute(
            "session create",
            "post",
            lambda w, where: f"/api/v1/patrols/{fx.patrol(w, where).pk}/sessions",  # type: ignore[arg-type]
            data=lambda w, where: fx.session_body(w, where),  # type: ignore[arg-type]
            ok=(201,),
        ),
        ApiRoute(
            "photo upload",
            "post",
            lambda w, where: f"/api/v1/sessions/{fx.session(w, where).pk}/photos",  # type: ignore[arg-type]
            data=lambda w, where: {},
            ok=(422,),
        ),
        ApiRoute("messages", "get", lambda w, where: "/api/v1/kamtibmas/messages", scoped=False),
        ApiRoute("campaigns", "get", lambda w, where: "/api/v1/kamtibmas/campaigns", scoped=False),
        ApiRoute(
            "campaign progress",
            "get",
            lambda w, where: f"/api/v1/kamtibmas/campaigns/{fx.campaign(w, where).pk}/progress",  # type: ignore[arg-type]
        ),
        ApiRoute("coverage geojson", "get", lambda w, where: "/api/v1/coverage/desa", scoped=False),
        ApiRoute(
            "coverage of a unit",
            "get",
            lambda w, where: f"/api/v1/coverage/desa?unit={w.unit(where).code}&geometry=false",
        ),
        ApiRoute("coverage units", "get", lambda w, where: "/api/v1/coverage/units", scoped=False),
    ]


def _post(client: Client, world: World, url: str, body: dict[str, Any], user: Any = None) -> Any:
    token = world.token(user or world.user_in)
    return client.post(
        url,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_session_post_is_idempotent_and_conflicts_on_a_different_body(
    client: Client, world: World
) -> None:
    patrol = fx.patrol(world, "in")
    url = f"/api/v1/patrols/{patrol.pk}/sessions"
    body = fx.session_body(world, "in")
    first = _post(client, world, url, body)
    assert first.status_code == 201, first.content
    data = first.json()
    assert data["desa"]["code"] == world.desa_in.code
    assert data["audience_total"] == 8 and len(data["inputs"]) == 2
    again = _post(client, world, url, body)
    assert again.status_code == 200 and again.json()["id"] == data["id"]
    assert again.json()["replayed"] is True
    changed = dict(body, notes="isi lain")
    conflict = _post(client, world, url, changed)
    assert conflict.status_code == 409
    assert "idempotensi" in conflict.json()["detail"]
    assert DialogueSession.objects.count() == 1
    assert ResidentInput.objects.count() == 2


def test_session_errors_are_clear(client: Client, world: World) -> None:
    patrol = fx.patrol(world, "in")
    url = f"/api/v1/patrols/{patrol.pk}/sessions"
    future = (timezone.now() + dt.timedelta(days=1)).isoformat()
    r = _post(client, world, url, fx.session_body(world, "in", occurred_at=future))
    assert r.status_code == 422 and "masa depan" in r.json()["detail"]
    early = (timezone.now() - dt.timedelta(days=1)).isoformat()
    r = _post(client, world, url, fx.session_body(world, "in", occurred_at=early))
    assert r.status_code == 422 and "sebelum patroli dimulai" in r.json()["detail"]
    r = _post(client, world, url, fx.session_body(world, "in", lat=999))
    assert r.status_code == 422
    r = _post(client, world, url, fx.session_body(world, "in", lat=-6.2088, lng=106.8456))
    assert r.status_code == 201 and r.json()["outside_area"] is True and r.json()["desa"] is None
    assert DialogueSession.objects.count() == 1


def test_out_of_scope_session_post_is_404_and_stores_nothing(client: Client, world: World) -> None:
    patrol = fx.patrol(world, "out")
    r = _post(client, world, f"/api/v1/patrols/{patrol.pk}/sessions", fx.session_body(world, "in"))
    assert r.status_code == 404
    assert not DialogueSession.objects.filter(patrol=patrol).exists()


def test_create_patrol_replay_and_lifecycle(client: Client, world: World) -> None:
    key = str(uuid.uuid4())
    body = {"idempotency_key": key, "patrol_type": "sambang", "area_note": "Blok pasar"}
    first = _post(client, world, "/api/v1/patrols", body)
    assert first.status_code == 201
    assert _post(client, world, "/api/v1/patrols", body).status_code == 200
    assert _post(client, world, "/api/v1/patrols", dict(body, area_note="lain")).status_code == 409
    pid = first.json()["id"]
    assert first.json()["status"] == PatrolStatus.PLANNED
    assert _post(client, world, f"/api/v1/patrols/{pid}/end", {}).status_code == 409
    assert (
        _post(client, world, f"/api/v1/patrols/{pid}/start", {}).json()["status"] == "berlangsung"
    )
    assert _post(client, world, f"/api/v1/patrols/{pid}/end", {}).json()["status"] == "selesai"


def test_coverage_geojson_shows_the_session(client: Client, world: World) -> None:
    fx.session(world, "in")
    token = world.token(world.user_polres)
    r = client.get("/api/v1/coverage/desa?days=7", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r["Content-Type"] == "application/geo+json"
    features = {f["id"]: f for f in r.json()["features"]}
    assert len(features) == 317
    props = features[world.desa_in.code]["properties"]
    assert props["sessions"] == 1 and props["residents"] == 5 and props["stale"] is False
    assert features[world.desa_in.code]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert features[world.desa_out.code]["properties"]["last_visit"] is None
    units = client.get("/api/v1/coverage/units", headers={"Authorization": f"Bearer {token}"})
    rows = {u["code"]: u for u in units.json()}
    assert rows["polsek-lohbener"]["sessions"] == 1 and rows[""]["desa_total"] == 317


def test_openapi_documents_the_patrol_routes(client: Client) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/patrols/{patrol_id}/sessions" in doc["paths"]
    post = doc["paths"]["/api/v1/patrols/{patrol_id}/sessions"]["post"]
    assert "409" in post["responses"] and "idempotency_key" in json.dumps(doc["components"])
    assert "/api/v1/coverage/desa" in doc["paths"]


# --- bad input: a clear 422 that changes nothing --------------------------------------------


def _send(client: Client, world: World, method: str, url: str, body: dict[str, Any]) -> Any:
    token = world.token(world.user_in)
    return getattr(client, method)(
        url,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def _snapshot(world: World) -> list[tuple[Any, ...]]:
    """Every patrol and session as stored, to show a refused request changed nothing."""
    patrols = Patrol.objects.order_by("pk").values_list(
        "pk", "status", "planned_start", "planned_end", "actual_start", "actual_end", "note"
    )
    return [*patrols, *DialogueSession.objects.order_by("pk").values_list("pk", "occurred_at")]


def _bad_time_requests(world: World, value: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, url, body) for every place a time is sent, each carrying `value`."""
    planned, active = fx.planned_patrol(world, "in").pk, fx.patrol(world, "in").pk
    later = (timezone.now() + dt.timedelta(days=1)).isoformat()
    return [
        ("post", "/api/v1/patrols", {"planned_start": value, "planned_end": later}),
        ("post", "/api/v1/patrols", {"planned_end": value}),
        ("patch", f"/api/v1/patrols/{planned}", {"planned_start": value}),
        ("patch", f"/api/v1/patrols/{planned}", {"planned_end": value}),
        ("post", f"/api/v1/patrols/{planned}/start", {"at": value}),
        ("post", f"/api/v1/patrols/{planned}/cancel", {"at": value}),
        ("post", f"/api/v1/patrols/{active}/end", {"at": value}),
        (
            "post",
            f"/api/v1/patrols/{active}/sessions",
            fx.session_body(world, "in", occurred_at=value),
        ),
    ]


@pytest.mark.parametrize(
    "value",
    [
        "2020-01-01T08:00:00",  # no UTC offset (was a 500: naive vs aware comparison)
        "2099-01-01T08:00:00",
        "0001-01-01T00:00:00+08:00",  # years that cannot be converted (was a 500: OverflowError)
        "9999-12-31T23:00:00-05:00",
        "9999-12-31T23:59:59+00:00",
        "1999-12-31T23:59:00+07:00",  # just before the accepted range
        "2030-01-01T08:00:00+23:59",  # too far ahead (and an offset PostgreSQL refuses)
    ],
)
def test_times_without_offset_or_out_of_range_are_refused(
    client: Client, world: World, value: str
) -> None:
    requests = _bad_time_requests(world, value)
    before = _snapshot(world)
    for method, url, body in requests:
        r = _send(client, world, method, url, body)
        assert r.status_code == 422, (method, url, r.content)
        assert "Waktu" in json.dumps(r.json(), ensure_ascii=False), r.content
    assert _snapshot(world) == before


def test_a_utc_offset_beyond_postgresql_range_is_stored_as_utc(
    client: Client, world: World
) -> None:
    """+23:59 is a valid offset for Python, not for PostgreSQL (was a 500 there)."""
    far_east = dt.timezone(dt.timedelta(hours=23, minutes=59))
    start = (timezone.now() + dt.timedelta(days=3)).replace(microsecond=0)
    r = _send(
        client,
        world,
        "post",
        "/api/v1/patrols",
        {"planned_start": start.astimezone(far_east).isoformat()},
    )
    assert r.status_code == 201, r.content
    assert Patrol.objects.get(pk=r.json()["id"]).planned_start == start
    patrol = fx.patrol(world, "in")
    at = (timezone.now() - dt.timedelta(minutes=5)).replace(microsecond=0)
    body = fx.session_body(world, "in", occurred_at=at.astimezone(far_east).isoformat())
    r = _send(client, world, "post", f"/api/v1/patrols/{patrol.pk}/sessions", body)
    assert r.status_code == 201, r.content
    assert DialogueSession.objects.get(pk=r.json()["id"]).occurred_at == at


@pytest.mark.parametrize(
    "field", ["note", "area_note", "planned_start", "patrol_type", "member_ids"]
)
def test_patch_refuses_null_for_fields_that_cannot_be_empty(
    client: Client, world: World, field: str
) -> None:
    patrol = fx.planned_patrol(world, "in")
    before = _snapshot(world)
    r = _send(client, world, "patch", f"/api/v1/patrols/{patrol.pk}", {field: None})
    assert r.status_code == 422, r.content
    assert field in r.json()["message"]
    assert _snapshot(world) == before


def test_patch_null_still_clears_the_planned_end(client: Client, world: World) -> None:
    patrol = fx.planned_patrol(world, "in")
    end = (timezone.now() + dt.timedelta(hours=3)).isoformat()
    url = f"/api/v1/patrols/{patrol.pk}"
    assert _send(client, world, "patch", url, {"planned_end": end}).status_code == 200
    r = _send(client, world, "patch", url, {"planned_end": None, "campaign_id": None})
    assert r.status_code == 200 and r.json()["planned_end"] is None


HUGE = [2**63, 2**70, 0, -1]


@pytest.mark.parametrize("number", HUGE)
def test_ids_out_of_range_are_refused(client: Client, world: World, number: int) -> None:
    """Past 2**63 - 1 SQLite cannot bind the number (was a 500: OverflowError)."""
    patrol = fx.patrol(world, "in")
    planned = fx.planned_patrol(world, "in")
    requests: list[tuple[str, str, dict[str, Any]]] = [
        ("post", "/api/v1/patrols", {"leader_id": number}),
        ("post", "/api/v1/patrols", {"member_ids": [number]}),
        ("post", "/api/v1/patrols", {"campaign_id": number}),
        ("patch", f"/api/v1/patrols/{planned.pk}", {"member_ids": [number]}),
        ("patch", f"/api/v1/patrols/{planned.pk}", {"campaign_id": number}),
        (
            "post",
            f"/api/v1/patrols/{patrol.pk}/sessions",
            fx.session_body(world, "in", message_ids=[number]),
        ),
    ]
    before = _snapshot(world)
    for method, url, body in requests:
        r = _send(client, world, method, url, body)
        assert r.status_code == 422, (method, url, r.content)
    assert _snapshot(world) == before
