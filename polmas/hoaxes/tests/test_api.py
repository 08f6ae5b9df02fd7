from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from polmas.hoaxes import services
from polmas.hoaxes.models import HoaxReport
from polmas.hoaxes.tests.conftest import CONFIDENT_TEXT, UNCERTAIN_TEXT
from polmas.org.testing import ApiRoute, PermissionMatrix, Where, World

pytestmark = pytest.mark.django_db


def _report(world: World, where: Where) -> HoaxReport:
    return services.report_hoax(
        actor=None, text=f"kabar api {where}", channel="api", desa=world.desa(where)
    )


class TestHoaxApiPermissions(PermissionMatrix):
    routes = [
        ApiRoute("reports", "get", lambda w, where: "/api/v1/hoaxes/reports", scoped=False),
        ApiRoute(
            "report", "get", lambda w, where: f"/api/v1/hoaxes/reports/{_report(w, where).pk}"
        ),
        ApiRoute(
            "check",
            "post",
            lambda w, where: "/api/v1/hoaxes/check",
            data=lambda w, where: {"text": "kabar"},
            scoped=False,
        ),
        ApiRoute("waves", "get", lambda w, where: "/api/v1/hoaxes/waves", scoped=False),
    ]


def _auth(world: World, user: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.token(user)}"}


def test_check_returns_matches_and_confidence(
    client: Client, world: World, kb: dict[str, Any]
) -> None:
    body = client.post(
        "/api/v1/hoaxes/check",
        {"text": CONFIDENT_TEXT},
        content_type="application/json",
        headers=_auth(world, world.user_in),
    ).json()
    assert body["confidence"] == "confident"
    assert body["matches"][0]["id"] == kb["35004"].pk and body["matches"][0]["score"] > 0.8
    assert HoaxReport.objects.count() == 0  # a check stores nothing


@pytest.mark.parametrize(("text", "message"), [("", "tidak boleh kosong"), ("x" * 5001, "maks")])
def test_check_refuses_bad_text(client: Client, world: World, text: str, message: str) -> None:
    response = client.post(
        "/api/v1/hoaxes/check",
        {"text": text},
        content_type="application/json",
        headers=_auth(world, world.user_in),
    )
    assert response.status_code == 422 and message in response.json()["detail"]


def test_reports_are_scoped_paginated_and_mask_anonymous(
    client: Client, world: World, kb: dict[str, Any]
) -> None:
    services.report_hoax(
        actor=None,
        text=UNCERTAIN_TEXT,
        channel="web",
        desa=world.desa_in,
        reporter="Bu Sari",
        anonymous=True,
    )
    services.report_hoax(actor=None, text=UNCERTAIN_TEXT, channel="web", desa=world.desa_out)
    mine = client.get("/api/v1/hoaxes/reports", headers=_auth(world, world.user_in)).json()
    assert mine["count"] == 1 and mine["items"][0]["reporter_name"] == "Bu Sari"
    polres = client.get("/api/v1/hoaxes/reports", headers=_auth(world, world.user_polres)).json()
    assert polres["count"] == 2
    assert all(item["reporter_name"] != "Bu Sari" for item in polres["items"])
    other = client.get(
        f"/api/v1/hoaxes/reports/{mine['items'][0]['id']}", headers=_auth(world, world.user_out)
    )
    assert other.status_code == 404


def test_waves_api(client: Client, world: World, kb: dict[str, Any]) -> None:
    from django.utils import timezone

    for _ in range(3):
        services.report_hoax(actor=None, text=CONFIDENT_TEXT, channel="web", desa=world.desa_in)
    services.detect_rumour_waves(day=timezone.localdate())
    body = client.get("/api/v1/hoaxes/waves", headers=_auth(world, world.user_in)).json()
    assert body["count"] == 1 and body["items"][0]["factcheck"] == kb["35004"].pk
    assert (
        client.get("/api/v1/hoaxes/waves", headers=_auth(world, world.user_out)).json()["count"]
        == 0
    )
