"""Editing the message catalog and campaigns: permissions, validation, scope, audit, pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from polmas.core.models import AuditEvent
from polmas.core.testing import screenshot
from polmas.org.models import Role, Unit
from polmas.org.testing import (
    TEST_PASSWORD,
    PermissionMatrix,
    Route,
    World,
    ensure_reference_data,
    make_officer,
)
from polmas.patrols.defaults import ensure_default_catalog
from polmas.patrols.models import Campaign, KamtibmasMessage
from polmas.patrols.tests import fixtures as fx

pytestmark = pytest.mark.django_db


class TestCatalogPagePermissions(PermissionMatrix):
    routes = [
        Route("message list", "get", lambda w, where: "/patroli/pesan/", scoped=False),
        Route("new message form", "get", lambda w, where: "/patroli/pesan/baru/", scoped=False),
        Route(
            "new message",
            "post",
            lambda w, where: "/patroli/pesan/baru/",
            data=fx.message_body,
            scoped=False,
            ok=(302,),
        ),
        Route(
            "message edit form",
            "get",
            lambda w, where: f"/patroli/pesan/{fx.message(w, where).pk}/ubah/",
        ),
        Route(
            "message edit",
            "post",
            lambda w, where: f"/patroli/pesan/{fx.message(w, where).pk}/ubah/",
            data=fx.message_body,
            ok=(302,),
        ),
        Route("campaign list", "get", lambda w, where: "/patroli/kampanye/", scoped=False),
        Route("new campaign form", "get", lambda w, where: "/patroli/kampanye/baru/", scoped=False),
        Route(
            "new campaign",
            "post",
            lambda w, where: "/patroli/kampanye/baru/",
            data=lambda w, where: fx.campaign_body(w, "in"),
            scoped=False,
            ok=(302,),
        ),
        Route(
            "campaign edit form",
            "get",
            lambda w, where: f"/patroli/kampanye/{fx.campaign(w, where).pk}/ubah/",
        ),
        Route(
            "campaign edit",
            "post",
            lambda w, where: f"/patroli/kampanye/{fx.campaign(w, where).pk}/ubah/",
            data=fx.campaign_body,
            ok=(302,),
        ),
    ]


def test_empty_catalog_and_campaign_pages(client: Client, world: World) -> None:
    client.force_login(world.user_in)
    html = client.get("/patroli/pesan/").content.decode()
    assert "Katalog masih kosong." in html and 'id="add-message"' in html
    html = client.get("/patroli/kampanye/").content.decode()
    assert "Belum ada kampanye." in html and 'id="add-campaign"' in html


def test_field_officer_reads_but_cannot_edit(client: Client, world: World) -> None:
    message = fx.message(world, "in")
    officer = make_officer(world.unit_in, "uji.personil.katalog", Role.PERSONIL, "T0300")
    client.force_login(officer)
    html = client.get("/patroli/pesan/").content.decode()
    assert message.title in html
    assert "/ubah/" not in html and 'id="add-message"' not in html
    assert client.get("/patroli/pesan/baru/").status_code == 403
    assert client.get(f"/patroli/pesan/{message.pk}/ubah/").status_code == 403
    assert client.post("/patroli/kampanye/baru/", fx.campaign_body(world, "in")).status_code == 403
    assert not Campaign.objects.exists()


def test_kasi_humas_creates_message_and_campaign_with_audit(client: Client, world: World) -> None:
    humas = make_officer(world.polres, "uji.kasi.humas", Role.KASI_HUMAS, "T0301")
    client.force_login(humas)
    body = dict(fx.message_body(world, "in"), unit=world.polres.pk)
    assert client.post("/patroli/pesan/baru/", body).status_code == 302
    message = KamtibmasMessage.objects.get(title="Waspada hoaks pilkada")
    assert message.unit == world.polres
    event = AuditEvent.objects.for_object(message).get()
    assert event.verb == "patrol.message.create" and event.actor_id == humas.pk

    campaign_body = dict(fx.campaign_body(world, "in"), unit=world.polres.pk)
    campaign_body["messages"] = [message.pk]
    r = client.post("/patroli/kampanye/baru/", campaign_body)
    campaign = Campaign.objects.get(name="Pemilu Damai")
    assert r["Location"] == f"/patroli/kampanye/{campaign.pk}/"
    assert [a.code for a in campaign.areas.all()] == [world.desa_in.parent_id]
    assert list(campaign.messages.all()) == [message]

    edit = dict(campaign_body, name="Pemilu Damai 2029", areas=[])
    assert client.post(f"/patroli/kampanye/{campaign.pk}/ubah/", edit).status_code == 302
    campaign.refresh_from_db()
    assert campaign.name == "Pemilu Damai 2029" and not campaign.areas.exists()
    update = AuditEvent.objects.for_object(campaign).get(verb="patrol.campaign.update")
    assert update.after == {"name": "Pemilu Damai 2029", "areas": []}
    html = client.get(f"/patroli/kampanye/{campaign.pk}/ubah/").content.decode()
    assert "patrol.campaign.update" in html  # the edit page shows the audit timeline


def test_reversed_periods_are_refused_and_nothing_changes(client: Client, world: World) -> None:
    message = fx.message(world, "in")
    client.force_login(world.user_in)
    today = timezone.localdate()
    reversed_dates = {
        "valid_from": today.isoformat(),
        "valid_until": (today - dt.timedelta(days=1)).isoformat(),
    }
    before = KamtibmasMessage.objects.count()
    r = client.post("/patroli/pesan/baru/", dict(fx.message_body(world, "in"), **reversed_dates))
    assert r.status_code == 422
    assert "Tanggal akhir berlaku sebelum tanggal mulai." in r.content.decode()
    assert KamtibmasMessage.objects.count() == before

    r = client.post(
        f"/patroli/pesan/{message.pk}/ubah/", dict(fx.message_body(world, "in"), **reversed_dates)
    )
    assert r.status_code == 422 and "Tanggal akhir berlaku" in r.content.decode()
    message.refresh_from_db()
    assert message.title == "Pesan in" and message.valid_until is None
    assert not AuditEvent.objects.filter(verb="patrol.message.update").exists()

    body = dict(
        fx.campaign_body(world, "in"),
        starts_on=today.isoformat(),
        ends_on=(today - dt.timedelta(days=3)).isoformat(),
    )
    r = client.post("/patroli/kampanye/baru/", body)
    assert r.status_code == 422
    assert "Tanggal selesai kampanye sebelum tanggal mulai." in r.content.decode()
    r = client.post("/patroli/kampanye/baru/", dict(fx.campaign_body(world, "in"), messages=[]))
    assert r.status_code == 422 and "Pilih setidaknya satu pesan kamtibmas." in r.content.decode()
    assert not Campaign.objects.exists()

    campaign = fx.campaign(world, "in")
    r = client.post(f"/patroli/kampanye/{campaign.pk}/ubah/", body)
    assert r.status_code == 422
    campaign.refresh_from_db()
    assert campaign.name == "Kampanye in" and campaign.ends_on > campaign.starts_on


def test_out_of_scope_unit_and_areas_are_not_choices(client: Client, world: World) -> None:
    client.force_login(world.user_in)
    body = fx.message_body(world, "out")  # the other Polsek as owner
    r = client.post("/patroli/pesan/baru/", body)
    assert r.status_code == 422 and not KamtibmasMessage.objects.exists()
    body = dict(fx.campaign_body(world, "in"), areas=[world.desa_out.parent_id])
    r = client.post("/patroli/kampanye/baru/", body)
    assert r.status_code == 422 and not Campaign.objects.exists()
    html = client.get("/patroli/kampanye/baru/").content.decode()
    kec_in, kec_out = world.desa_in.parent, world.desa_out.parent
    assert kec_in is not None and kec_out is not None
    assert f'value="{kec_in.code}"' in html and f'value="{kec_out.code}"' not in html


def test_catalog_is_paginated_and_filtered_by_topic(client: Client, world: World) -> None:
    for i in range(25):
        KamtibmasMessage.objects.create(
            unit=world.unit_in,
            title=f"Pesan {i:02d}",
            text="Isi",
            topic="narkoba" if i % 5 == 0 else "ketertiban",
            valid_from=timezone.localdate(),
        )
    client.force_login(world.user_in)
    first = client.get("/patroli/pesan/").content.decode()
    assert first.count('class="card message"') == 20 and "Halaman 1 dari 2" in first
    second = client.get("/patroli/pesan/?page=2").content.decode()
    assert second.count('class="card message"') == 5
    narkoba = client.get("/patroli/pesan/?topic=narkoba").content.decode()
    assert narkoba.count('class="card message"') == 5 and "Halaman" not in narkoba
    assert (
        "Tidak ada pesan dengan topik ini."
        in client.get("/patroli/pesan/?topic=sara").content.decode()
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_kasi_humas_builds_a_campaign_on_a_phone(live_server: Any, browser_page: Any) -> None:
    ensure_reference_data()
    ensure_default_catalog()
    polres = Unit.objects.get(code="polres-indramayu")
    make_officer(polres, "uji.kasi.humas", Role.KASI_HUMAS, "T0302")
    page = browser_page
    base = live_server.url
    page.goto(f"{base}/masuk/")
    page.fill("input[name=username]", "uji.kasi.humas")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{base}/patroli/kampanye/")
    page.click("#add-campaign")
    today = timezone.localdate()
    page.fill("#id_name", "Cooling System Pilkada")
    page.fill("#id_starts_on", (today + dt.timedelta(days=10)).isoformat())
    page.fill("#id_ends_on", today.isoformat())
    page.locator("input[name=messages]").nth(0).check()
    page.locator("input[name=areas]").nth(0).check()
    page.click("#save-catalog")
    page.wait_for_selector(".errorlist")
    assert "Tanggal selesai kampanye sebelum tanggal mulai." in page.inner_text("main")
    assert not Campaign.objects.filter(name="Cooling System Pilkada").exists()
    screenshot(page, "patrols-8-campaign-period-reversed")
    page.fill("#id_ends_on", (today + dt.timedelta(days=40)).isoformat())
    page.click("#save-catalog")
    page.wait_for_selector("text=Kampanye dibuat.")
    campaign = Campaign.objects.get(name="Cooling System Pilkada")
    assert campaign.unit == polres and campaign.areas.count() == 1
    page.goto(f"{base}/patroli/kampanye/")
    assert "Cooling System Pilkada" in page.inner_text("#campaigns")
    screenshot(page, "patrols-9-campaign-list")
