from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from shapely.geometry import shape

from polmas.org.testing import ApiRoute, PermissionMatrix, World

pytestmark = pytest.mark.django_db


def _point(world: World, where: str) -> tuple[float, float]:
    p = shape(world.desa(where).boundary).representative_point()  # type: ignore[arg-type]
    return p.y, p.x


class TestRegionApiPermissions(PermissionMatrix):
    routes = [
        ApiRoute("region detail", "get", lambda w, where: f"/api/v1/regions/{w.desa(where).code}"),
        ApiRoute(
            "region list",
            "get",
            lambda w, where: "/api/v1/regions?level=desa&parent=32.12.05",
            scoped=False,
        ),
        ApiRoute(
            "point lookup",
            "get",
            lambda w, where: "/api/v1/regions/lookup?lat={}&lng={}".format(*_point(w, where)),
            scoped=False,
        ),
        ApiRoute(
            "boundaries",
            "get",
            lambda w, where: "/api/v1/regions/boundaries?level=desa",
            scoped=False,
        ),
        ApiRoute("units", "get", lambda w, where: "/api/v1/units", scoped=False),
    ]


def _get(client: Client, world: World, url: str, user: Any = None) -> Any:
    token = world.token(user or world.user_polres)
    return client.get(url, headers={"Authorization": f"Bearer {token}"})


def test_lookup_returns_desa_kecamatan_and_unit(client: Client, world: World) -> None:
    lat, lng = _point(world, "in")
    body = _get(client, world, f"/api/v1/regions/lookup?lat={lat}&lng={lng}").json()
    assert body["inside"] is True
    assert body["desa"]["code"] == world.desa_in.code
    assert body["kecamatan"]["name"] == "Lohbener"
    assert body["unit"] == {"code": "polsek-lohbener", "name": "Polsek Lohbener", "level": "polsek"}


def test_lookup_outside_the_area_is_a_clear_404(client: Client, world: World) -> None:
    response = _get(client, world, "/api/v1/regions/lookup?lat=-6.2088&lng=106.8456")
    assert response.status_code == 404
    body = response.json()
    assert "di luar wilayah" in body["detail"]
    assert body["nearest_desa"]["code"].startswith("32.12.")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("lat=abc&lng=108.3", "lat"),
        ("lat=-6.4&lng=500", "lng"),
        ("lng=108.3", "lat"),
        ("lat=nan&lng=108.3", "lat"),
        ("lat=-6.4&lng=inf", "lng"),
        ("lat=&lng=108.3", "lat"),
    ],
)
def test_malformed_coordinates_are_422_naming_the_field(
    client: Client, world: World, query: str, field: str
) -> None:
    response = _get(client, world, f"/api/v1/regions/lookup?{query}")
    assert response.status_code == 422
    body = response.json()
    assert field in body["message"]
    assert any(e["loc"][-1] == field for e in body["detail"])


def test_unknown_region_code_is_404_with_message(client: Client, world: World) -> None:
    response = _get(client, world, "/api/v1/regions/99.99.99")
    assert response.status_code == 404
    assert "99.99.99" in response.json()["detail"]
    assert _get(client, world, "/api/v1/regions/32.12.05%C3%A9").status_code == 404


def test_region_list_is_paginated_with_total(client: Client, world: World) -> None:
    body = _get(client, world, "/api/v1/regions?level=desa&parent=32.12.01").json()
    assert body["count"] == len(body["items"]) > 0
    all_desa = _get(client, world, "/api/v1/regions?level=desa").json()
    assert all_desa["count"] == 317 and len(all_desa["items"]) == 100
    page4 = _get(client, world, "/api/v1/regions?level=desa&page=4").json()
    assert len(page4["items"]) == 17
    assert _get(client, world, "/api/v1/regions?level=planet").status_code == 422


def test_region_list_refuses_page_numbers_past_any_offset(client: Client, world: World) -> None:
    huge = "999999999999999999999999999999"
    for page in (huge, "9223372036854775807", "0", "-5"):
        response = _get(client, world, f"/api/v1/regions?level=desa&page={page}")
        assert response.status_code == 422, page
        body = response.json()
        assert "page" in body["message"]
        assert any(e["loc"][-1] == "page" for e in body["detail"])
    assert _get(client, world, f"/api/v1/units?page={huge}").status_code == 422
    far = _get(client, world, "/api/v1/regions?level=desa&page=1000000").json()
    assert far["count"] == 317 and far["items"] == []


def test_region_list_is_scoped(client: Client, world: World) -> None:
    body = _get(client, world, "/api/v1/regions?level=desa", user=world.user_in).json()
    codes = {r["code"] for r in body["items"]}
    assert world.desa_in.code in codes and world.desa_out.code not in codes
    assert body["count"] == len(codes)


def test_boundaries_geojson(client: Client, world: World) -> None:
    body = _get(client, world, "/api/v1/regions/boundaries?level=desa").json()
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 317
    kec = _get(client, world, "/api/v1/regions/boundaries?level=kecamatan").json()
    assert len(kec["features"]) == 31
    mine = _get(client, world, "/api/v1/regions/boundaries?level=kecamatan", user=world.user_in)
    assert [f["properties"]["name"] for f in mine.json()["features"]] == ["Lohbener"]


def test_bad_and_revoked_tokens_are_refused(client: Client, world: World) -> None:
    assert client.get("/api/v1/units", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.get("/api/v1/units", headers={"Authorization": "Basic abc"}).status_code == 401
    from polmas.org.models import ApiToken
    from polmas.org.services import revoke_api_token

    token = world.token(world.user_in)
    assert (
        client.get("/api/v1/units", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    )
    revoke_api_token(actor=None, token=ApiToken.objects.get(user=world.user_in))
    assert (
        client.get("/api/v1/units", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    )


def test_openapi_document(client: Client) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/regions/lookup" in doc["paths"]
    assert "/api/v1/regions" in doc["paths"]
