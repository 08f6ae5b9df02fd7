"""Every page and API route in the permission matrix; bad input; empty states."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from polmas.insights.models import Alert, AlertKind
from polmas.insights.reference import ensure_default_elections
from polmas.insights.tests.factories import make_case
from polmas.org.testing import ApiRoute, PermissionMatrix, Route, World


def _alert(w: World, where: str) -> Alert:
    key = f"uji:{where}"
    alert = Alert.objects.filter(key=key).first()
    return alert or Alert.objects.create(
        kind=AlertKind.DARURAT,
        key=key,
        unit=w.unit(where),  # type: ignore[arg-type]
        desa=w.desa(where),  # type: ignore[arg-type]
        title=f"Uji {where}",
    )


class TestInsightsPermissions(PermissionMatrix):
    routes = [
        Route("map", "get", lambda w, where: "/situasi/", scoped=False),
        Route("map unit", "get", lambda w, where: f"/situasi/?unit={w.unit(where).code}"),
        Route("desa", "get", lambda w, where: f"/situasi/desa/{w.desa(where).code}/"),
        Route("alerts", "get", lambda w, where: "/situasi/peringatan/", scoped=False),
        Route(
            "acknowledge",
            "post",
            lambda w, where: f"/situasi/peringatan/{_alert(w, where).pk}/tanggapi/",
            ok=(302,),
        ),
        Route("charts", "get", lambda w, where: f"/situasi/grafik/?unit={w.unit(where).code}"),
        Route("election", "get", lambda w, where: f"/pemilu/?unit={w.unit(where).code}"),
        ApiRoute(
            "layers", "get", lambda w, where: f"/api/v1/insights/layers?unit={w.unit(where).code}"
        ),
        ApiRoute("desa api", "get", lambda w, where: f"/api/v1/insights/desa/{w.desa(where).code}"),
        ApiRoute(
            "charts api",
            "get",
            lambda w, where: f"/api/v1/insights/charts?unit={w.unit(where).code}",
        ),
        ApiRoute("alerts api", "get", lambda w, where: "/api/v1/insights/alerts", scoped=False),
        ApiRoute(
            "boundaries api",
            "get",
            lambda w, where: "/api/v1/insights/boundaries?level=desa",
            scoped=False,
        ),
        ApiRoute(
            "acknowledge api",
            "post",
            lambda w, where: f"/api/v1/insights/alerts/{_alert(w, where).pk}/acknowledge",
        ),
    ]


def _api(client: Client, world: World, user: Any, url: str) -> Any:
    return client.get(url, headers={"Authorization": f"Bearer {world.token(user)}"})


def test_layers_for_the_polres_cover_317_desa(world: World) -> None:
    make_case(world.desa_in, world.unit_in, urgency="darurat")
    data = _api(Client(), world, world.user_polres, "/api/v1/insights/layers").json()
    assert len(data["desa"]) == 317
    keys = [layer["key"] for layer in data["layers"]]
    row = data["desa"][world.desa_in.code]
    assert row[keys.index("darurat")] == 1 and row[keys.index("open_cases")] == 1
    assert data["summary"]["open_cases"] == 1
    assert {u["code"] for u in data["units"]} >= {"polsek-lohbener", "polsek-indramayu"}


def test_kapolsek_sees_only_their_area(world: World) -> None:
    data = _api(Client(), world, world.user_in, "/api/v1/insights/layers").json()
    assert world.desa_in.code in data["desa"] and world.desa_out.code not in data["desa"]
    assert all(c.startswith("32.12.") for c in data["desa"])


def test_drill_down_to_a_polsek(world: World) -> None:
    url = "/api/v1/insights/layers?unit=polsek-indramayu"
    data = _api(Client(), world, world.user_polres, url).json()
    assert world.desa_out.code in data["desa"] and world.desa_in.code not in data["desa"]


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("from=2024-02-10&to=2024-02-01", "setelah tanggal akhir"),
        ("from=2022-01-01&to=2024-01-01", "366 hari"),
        ("from=bukan-tanggal", "tidak valid"),
    ],
)
def test_bad_dates_get_422_with_a_message(world: World, query: str, fragment: str) -> None:
    response = _api(Client(), world, world.user_polres, f"/api/v1/insights/layers?{query}")
    assert response.status_code == 422
    assert fragment in response.json()["detail"]
    response = _api(Client(), world, world.user_polres, f"/api/v1/insights/charts?{query}")
    assert response.status_code == 422


@pytest.mark.parametrize("query", ["from=9999-12-31", "to=0001-01-01"])
def test_extreme_dates_are_422_or_a_form_error(world: World, query: str) -> None:
    for url in ("/api/v1/insights/layers", "/api/v1/insights/charts"):
        response = _api(Client(), world, world.user_polres, f"{url}?{query}")
        assert response.status_code == 422 and response.json()["detail"]
    desa_api = f"/api/v1/insights/desa/{world.desa_in.code}?{query}"
    assert _api(Client(), world, world.user_polres, desa_api).status_code == 422
    client = Client()
    client.force_login(world.user_polres)
    for page in ("/situasi/", "/situasi/grafik/"):
        response = client.get(f"{page}?{query}")
        assert response.status_code == 200
        assert "masa depan" in response.content.decode() or "1 Januari 2000" in (
            response.content.decode()
        )
    desa_page = client.get(f"/situasi/desa/{world.desa_in.code}/?{query}")
    assert desa_page.status_code == 200  # falls back to the last 30 days


def test_bad_dates_on_the_page_show_a_form_error(world: World) -> None:
    client = Client()
    client.force_login(world.user_polres)
    response = client.get("/situasi/?from=2024-02-10&to=2024-02-01")
    assert response.status_code == 200
    assert "setelah tanggal akhir" in response.content.decode()
    assert 'id="map"' not in response.content.decode()


def test_empty_data_is_explained(world: World) -> None:
    data = _api(Client(), world, world.user_polres, "/api/v1/insights/layers").json()
    empty = {layer["key"]: layer["empty"] for layer in data["layers"]}
    assert "Belum ada sesi patroli" in empty["days_since_visit"]
    assert "Tidak ada kasus terbuka" in empty["open_cases"]
    assert empty["tps"] is None  # TPS counts come with the reference data
    client = Client()
    client.force_login(world.user_polres)
    page = client.get("/situasi/grafik/").content.decode()
    assert "Belum ada data untuk grafik ini" in page


def test_desa_panel_lists_factors_and_is_a_fragment_for_htmx(world: World) -> None:
    make_case(
        world.desa_in,
        world.unit_in,
        urgency="tinggi",
        due_at=timezone.now() - dt.timedelta(hours=2),
    )
    client = Client()
    client.force_login(world.user_in)
    html = client.get(
        f"/situasi/desa/{world.desa_in.code}/", headers={"HX-Request": "true"}
    ).content.decode()
    assert "<html" not in html and 'id="factors"' in html
    assert "Kasus melewati tenggat" in html
    full = client.get(f"/situasi/desa/{world.desa_in.code}/").content.decode()
    assert "<html" in full


def test_desa_api_factors_sum_to_the_index(world: World) -> None:
    make_case(world.desa_in, world.unit_in, urgency="darurat")
    data = _api(
        Client(), world, world.user_in, f"/api/v1/insights/desa/{world.desa_in.code}"
    ).json()
    assert data["kondusif"] == pytest.approx(
        100 - sum(f["points"] for f in data["factors"]), abs=0.2
    )


def test_charts_series_cover_the_period(world: World) -> None:
    make_case(world.desa_in, world.unit_in, category="kriminalitas")
    data = _api(Client(), world, world.user_polres, "/api/v1/insights/charts").json()
    assert len(data["days"]) == 30
    assert data["categories"][0]["key"] == "kriminalitas" and data["categories"][0]["total"] == 1


def test_election_page_counts_down(world: World) -> None:
    ensure_default_elections()
    client = Client()
    client.force_login(world.user_polres)
    html = client.get("/pemilu/").content.decode()
    assert "Pilkada Serentak 2024" in html and 'id="tps-dense"' in html
