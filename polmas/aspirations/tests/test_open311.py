from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from polmas.aspirations import services
from polmas.aspirations.models import Case, Origin, Privacy
from polmas.org.testing import World

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"


@pytest.fixture(autouse=True)
def clear_cache() -> None:
    cache.clear()


@pytest.fixture
def api_key(db: Any) -> str:
    return services.issue_open311_key(actor=None, name="uji-klien")


def post(client: Client, fmt: str, **data: Any) -> Any:
    return client.post(f"{BASE}/requests.{fmt}", data)


def test_open311_key_command_prints_key_alone(db: Any, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("open311_key", "aplikasi-warga")
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("o311_")
    assert services.authenticate_open311_key(out.strip()) is not None


def test_discovery_and_services_in_both_formats(client: Client, world: World) -> None:
    d = client.get(f"{BASE}/discovery.json").json()
    assert d["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert set(d["endpoints"][0]["formats"]) == {"text/xml", "application/json"}
    x = ET.fromstring(client.get(f"{BASE}/discovery.xml").content)
    assert x.tag == "discovery" and x.find("endpoints/endpoint/url") is not None
    services_json = client.get(f"{BASE}/services.json")
    assert services_json["Content-Type"] == "application/json; charset=utf-8"
    codes = [s["service_code"] for s in services_json.json()]
    assert "pemilu_politik_uang" in codes and len(codes) == 14
    xml = client.get(f"{BASE}/services.xml")
    assert xml["Content-Type"] == "text/xml; charset=utf-8"
    root = ET.fromstring(xml.content)
    assert root.tag == "services" and len(root.findall("service")) == 14
    assert root.find("service/metadata").text == "false"  # type: ignore[union-attr]
    definition = client.get(f"{BASE}/services/narkoba.json").json()
    assert definition["service_code"] == "narkoba"
    assert client.get(f"{BASE}/services/tidak_ada.xml").status_code == 404
    assert client.get(f"{BASE}/services.json?jurisdiction_id=sfgov.org").status_code == 404


def test_post_request_spec_example_round_trips(client: Client, world: World, api_key: str) -> None:
    # The spec's example POST, with our service code and a point in Lohbener.
    lat, lng = world.desa_in.lat, world.desa_in.lng
    r = post(
        client,
        "json",
        api_key=api_key,
        service_code="lalu_lintas",
        lat=lat,
        long=lng,
        address_string="Jl. Raya Lohbener",
        email="warga@example.org",
        first_name="Ani",
        last_name="Wijaya",
        phone="081200001111",
        description="Lampu lalu lintas di perempatan mati sejak kemarin.",
        device_id="tt222111",
    )
    assert r.status_code == 200, r.content
    body = r.json()
    rid = body[0]["service_request_id"]
    assert "token" not in body[0] and "PM-" in body[0]["service_notice"]
    case = Case.objects.get(pk=int(rid))
    assert case.origin == Origin.OPEN311 and case.reporter_email == "warga@example.org"
    one = client.get(f"{BASE}/requests/{rid}.json").json()[0]
    assert one["status"] == "open" and one["service_code"] == "lalu_lintas"
    assert one["requested_datetime"].endswith("+07:00") and one["expected_datetime"]
    assert "Ani" not in json.dumps(one) and "081200001111" not in json.dumps(one)
    services.transition_case(actor=world.user_in, case=case, name="tolak", note="Sudah diperbaiki.")
    closed = ET.fromstring(client.get(f"{BASE}/requests/{rid}.xml").content)
    assert closed.find("request/status").text == "closed"  # type: ignore[union-attr]
    assert closed.find("request/status_notes").text == "Sudah diperbaiki."  # type: ignore[union-attr]
    listing = client.get(f"{BASE}/requests.json?status=closed").json()
    assert [x["service_request_id"] for x in listing] == [rid]
    assert client.get(f"{BASE}/requests.json?status=open").json() == []


def test_post_errors_follow_the_spec(client: Client, world: World, api_key: str) -> None:
    ok = {"service_code": "narkoba", "address_string": "Lohbener", "description": "ada transaksi"}
    assert post(client, "json", **ok).status_code == 403
    assert post(client, "xml", api_key="salah", **ok).status_code == 403
    bad = post(client, "xml", api_key=api_key, **{**ok, "service_code": "xyz"})
    assert bad.status_code == 400
    err = ET.fromstring(bad.content)
    assert err.tag == "errors" and err.find("error/code").text == "400"  # type: ignore[union-attr]
    assert (
        post(client, "json", api_key=api_key, **{**ok, "description": "x" * 4001}).status_code
        == 400
    )
    assert (
        post(client, "json", api_key=api_key, service_code="narkoba", description="a").status_code
        == 400
    )
    assert (
        post(client, "json", api_key=api_key, **{**ok, "lat": "abc", "long": "1"}).status_code
        == 400
    )
    assert not Case.objects.exists()
    assert client.get(f"{BASE}/requests/999999.json").status_code == 404


def test_get_requests_filters_window_and_privacy(client: Client, world: World) -> None:
    import datetime as dt

    from django.utils import timezone

    def make(**kw: Any) -> Case:
        return services.create_case(
            actor=None,
            description="Jalan gelap rawan begal",
            desa_code=world.desa_in.code,
            category_code="kriminalitas",
            reporter_name="Rahasia Sekali",
            **kw,
        )

    visible = make()
    secret = make(privacy=Privacy.RAHASIA)
    anon = make(privacy=Privacy.ANONIM)
    old = make(now=timezone.now() - dt.timedelta(days=120))
    Case.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=120))
    ids = {x["service_request_id"] for x in client.get(f"{BASE}/requests.json").json()}
    assert ids == {str(visible.pk), str(anon.pk)}
    assert client.get(f"{BASE}/requests/{secret.pk}.json").status_code == 404
    by_id = client.get(f"{BASE}/requests.json?service_request_id={old.pk},{secret.pk}").json()
    assert [x["service_request_id"] for x in by_id] == [str(old.pk)]
    assert client.get(f"{BASE}/requests.json?service_code=narkoba").json() == []
    assert (
        client.get(
            f"{BASE}/requests.json?start_date=2024-01-01T00:00:00Z&end_date=2024-06-01T00:00:00Z"
        ).status_code
        == 400
    )
    assert client.get(f"{BASE}/requests.json?start_date=kemarin").status_code == 400
    assert client.get(f"{BASE}/requests.json?status=pending").status_code == 400
    assert "Rahasia Sekali" not in client.get(f"{BASE}/requests.xml").content.decode()


def test_listing_is_capped_at_1000(client: Client, world: World) -> None:
    from polmas.aspirations.models import Category

    cat = Category.objects.get(code="lainnya")
    base = services.create_case(actor=None, description="x", category_code="lainnya")
    Case.objects.bulk_create(
        [
            Case(
                tracking_code=f"PM-T{i:06d}",
                category=cat,
                description="x",
                origin="web",
                unit=base.unit,
            )
            for i in range(1005)
        ]
    )
    assert len(client.get(f"{BASE}/requests.json").json()) == 1000


@pytest.mark.django_db(transaction=True)
def test_georeport_client_over_real_http(live_server: Any) -> None:
    georeport = pytest.importorskip("georeport")
    from polmas.aspirations.categories import load_categories
    from polmas.org.testing import ensure_reference_data

    ensure_reference_data()
    load_categories()
    services.create_case(
        actor=None,
        description="Ada keributan di pasar",
        desa_code="32.12.01.2007",
        category_code="ketertiban_umum",
    )
    for fmt in ("json", "xml"):
        client = georeport.GeoReport(f"{live_server.url}{BASE}", output_format=fmt)
        listed = client.get_service_list()
        assert "ketertiban_umum" in [s["service_code"] for s in listed]
        definition = client.get_service_definition("ketertiban_umum")
        assert definition["service_code"] == "ketertiban_umum"
        requests = client.get_service_requests(service_code="ketertiban_umum", status="open")
        if fmt == "xml" and isinstance(requests, dict):  # xmltodict: a single item is a dict
            requests = [requests]
        assert requests[0]["status"] == "open"
        rid = requests[0]["service_request_id"]
        one = client.get_service_request(rid)
        one = one[0] if isinstance(one, list) else one
        assert one["service_request_id"] == rid
