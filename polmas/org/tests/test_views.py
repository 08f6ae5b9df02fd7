from __future__ import annotations

import pytest
from django.test import Client

from polmas.core.models import AuditEvent
from polmas.org.models import Unit
from polmas.org.testing import PermissionMatrix, Route, World

pytestmark = pytest.mark.django_db


class TestOrgPagePermissions(PermissionMatrix):
    routes = [
        Route("home", "get", lambda w, where: "/", scoped=False),
        Route("unit tree", "get", lambda w, where: "/satuan/", scoped=False),
        Route("unit page", "get", lambda w, where: f"/satuan/{w.unit(where).code}/"),
        Route("desa page", "get", lambda w, where: f"/desa/{w.desa(where).code}/"),
        Route("map", "get", lambda w, where: "/peta/", scoped=False),
    ]


def test_desa_page_shows_code_kecamatan_unit_bhabin_and_tps(client: Client, world: World) -> None:
    from polmas.org.testing import make_officer

    make_officer(world.unit_in, "uji.bhabin", "bhabinkamtibmas", "T0009", desa=[world.desa_in])
    client.force_login(world.user_in)
    html = client.get(f"/desa/{world.desa_in.code}/").content.decode()
    assert world.desa_in.code in html
    assert "Lohbener" in html and "Polsek Lohbener" in html
    assert "Uji Bhabin" in html
    assert f"<dd>{world.desa_in.tps_count}</dd>" in html


def test_unit_tree_lists_polsek_with_kecamatan_and_desa(client: Client, world: World) -> None:
    client.force_login(world.user_polres)
    html = client.get("/satuan/").content.decode()
    assert html.count('class="badge">Polsek<') == 31
    assert "Kecamatan Lohbener" in html and world.desa_in.name in html


def test_unknown_desa_is_404(client: Client, world: World) -> None:
    client.force_login(world.user_polres)
    assert client.get("/desa/32.12.99.9999/").status_code == 404
    assert "di luar cakupan" in client.get("/desa/xx/").content.decode()


def test_pages_are_indonesian_by_default_with_english_switch(client: Client, world: World) -> None:
    client.force_login(world.user_in)
    english_browser = {"Accept-Language": "en-US,en;q=0.9"}
    page = client.get("/peta/", headers=english_browser).content.decode()
    assert "Peta desa/kelurahan" in page and 'lang="id"' in page
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/peta/"})
    assert response.status_code == 302
    html = client.get("/peta/").content.decode()
    assert 'lang="en"' in html
    assert "Village map" in html


def test_login_with_password_and_lockout_after_ten_failures(client: Client, world: World) -> None:
    ok = client.post("/masuk/", {"username": "uji.kapolsek.dalam", "password": "rahasia-uji-123"})
    assert ok.status_code == 302
    client.post("/keluar/")
    for _ in range(10):
        bad = client.post("/masuk/", {"username": "uji.kapolsek.dalam", "password": "salah"})
    assert bad.status_code == 429
    locked = client.post(
        "/masuk/", {"username": "uji.kapolsek.dalam", "password": "rahasia-uji-123"}
    )
    assert locked.status_code == 429
    assert "terkunci" in locked.content.decode().lower()
    from axes.models import AccessAttempt

    assert AccessAttempt.objects.filter(username="uji.kapolsek.dalam").exists()


def test_passwords_are_hashed_with_argon2(world: World) -> None:
    assert world.user_in.password.startswith("argon2")


def test_admin_changes_are_audited_and_shown_on_the_unit(client: Client, world: World) -> None:
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("uji.admin", password="x-rahasia-123")
    client.force_login(admin)
    unit = Unit.objects.get(code="polsek-lohbener")
    response = client.post(
        f"/admin/org/unit/{unit.pk}/change/",
        {
            "code": unit.code,
            "name": "Polsek Lohbener Kota",
            "level": "polsek",
            "parent": unit.parent_id,
            "jurisdiction": ["32.12.05"],
            "address": "",
            "phone": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.for_object(unit).filter(verb="unit.update").get()
    assert event.before is not None and event.after is not None
    assert event.actor == admin and event.before["name"] == "Polsek Lohbener"
    assert event.after["name"] == "Polsek Lohbener Kota" and event.source == "web"
    assert event.source_ip == "127.0.0.1"
    page = client.get(f"/satuan/{unit.code}/").content.decode()
    assert "unit.update" in page and "Polsek Lohbener Kota" in page
