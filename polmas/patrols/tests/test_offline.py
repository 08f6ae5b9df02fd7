"""The offline outbox: JSON replies for script submissions, and a phone that loses its signal."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import parse_qs

import pytest
from django.test import Client
from django.utils import timezone

from polmas.core.testing import screenshot
from polmas.org.models import Region, Role, Unit
from polmas.org.testing import TEST_PASSWORD, World, ensure_reference_data, make_officer
from polmas.patrols.defaults import ensure_default_catalog
from polmas.patrols.models import DialogueSession, ResidentInput
from polmas.patrols.testing import point_in, started_patrol
from polmas.patrols.tests import fixtures as fx

OUTBOX = {"X-Polmas-Outbox": "queued"}


def _form_body(world: World, **extra: Any) -> dict[str, Any]:
    lat, lng = point_in(world.desa_in)
    body = {
        "idempotency_key": str(uuid.uuid4()),
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "lat": lat,
        "lng": lng,
        "accuracy_m": 9,
        "aud_petani_nelayan": 6,
        "input_1": "Pos ronda rusak",
        "input_1_kind": "keluhan",
        **{f"input_{i}_kind": "masukan" for i in (2, 3, 4)},
    }
    body.update(extra)
    return body


@pytest.mark.django_db
def test_outbox_posts_get_json_stored_replayed_refused(client: Client, world: World) -> None:
    patrol = fx.patrol(world, "in")
    client.force_login(world.user_in)
    url = f"/patroli/{patrol.pk}/sesi/baru/"
    body = _form_body(world)

    first = client.post(url, body, headers=OUTBOX)
    assert first.status_code == 201
    data = first.json()
    assert data["ok"] is True and data["replayed"] is False
    assert data["url"] == f"/patroli/{patrol.pk}/"
    assert DialogueSession.objects.get().pk == data["session"]

    again = client.post(url, body, headers=OUTBOX)  # the reply to the first send was lost
    assert again.status_code == 200
    assert again.json() == dict(data, replayed=True)
    assert DialogueSession.objects.count() == 1
    assert ResidentInput.objects.count() == 1

    conflict = client.post(url, dict(body, aud_petani_nelayan=7), headers=OUTBOX)
    assert conflict.status_code == 409
    assert "idempotensi" in " ".join(conflict.json()["errors"])

    bad = client.post(url, _form_body(world, occurred_at="kemarin"), headers=OUTBOX)
    assert bad.status_code == 422
    assert bad.json()["ok"] is False and bad.json()["errors"][0].startswith("Waktu:")
    assert DialogueSession.objects.count() == 1
    # A queued re-send happens in the background: it leaves no message for the next page.
    assert "Sesi dialog tersimpan" not in client.get(f"/patroli/{patrol.pk}/").content.decode()


@pytest.mark.django_db
def test_session_form_carries_outbox_and_fresh_time_data(client: Client, world: World) -> None:
    patrol = fx.patrol(world, "in")
    client.force_login(world.user_in)
    html = client.get(f"/patroli/{patrol.pk}/sesi/baru/").content.decode()
    assert 'id="outbox-status"' in html and "patrols/outbox.js" in html
    assert 'data-utc-offset="420"' in html and "data-rendered-at=" in html
    assert "Tersimpan di ponsel, akan dikirim saat ada sinyal." in html


def _login(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


PUT_BACK = """item => new Promise((resolve, reject) => {
  const open = indexedDB.open("polmas-outbox", 1);
  open.onerror = reject;
  open.onsuccess = () => {
    const tx = open.result.transaction("sessions", "readwrite");
    tx.objectStore("sessions").put(item);
    tx.oncomplete = () => { open.result.close(); resolve(); };
    tx.onerror = reject;
  };
})"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_session_recorded_offline_is_sent_once_back_online(
    live_server: Any, browser_page: Any
) -> None:
    ensure_reference_data()
    ensure_default_catalog()
    unit = Unit.objects.get(code="polsek-lohbener")
    desa = Region.objects.get(parent__name="Lohbener", name="Lohbener")
    user = make_officer(unit, "uji.personil", Role.PERSONIL, "T0200")
    patrol = started_patrol(user)
    lat, lng = point_in(desa)
    page = browser_page
    context = page.context
    context.grant_permissions(["geolocation"])
    context.set_geolocation({"latitude": lat, "longitude": lng, "accuracy": 15})
    base = live_server.url
    _login(page, base, "uji.personil")
    page.goto(f"{base}/patroli/{patrol.pk}/sesi/baru/")
    page.wait_for_selector("#geo-status[data-located='1']")
    first_key = page.input_value("input[name=idempotency_key]")
    page.locator("input[name=messages]").nth(0).check()
    page.fill("#id_aud_pemuda", "4")
    page.fill("#id_input_1", "Jalan desa berlubang")
    page.select_option("#id_input_1_kind", "keluhan")

    context.set_offline(True)
    page.click("#save-session")
    page.wait_for_selector("#outbox-status[data-pending='1']")
    status = page.inner_text("#outbox-status")
    assert "Tersimpan di ponsel, akan dikirim saat ada sinyal." in status
    assert "Sesi menunggu dikirim: 1" in status
    assert "Foto perlu sinyal" in status
    assert not DialogueSession.objects.exists()
    stored = page.evaluate("window.polmasOutbox.items()")
    assert len(stored) == 1 and stored[0]["key"] == first_key
    body = parse_qs(stored[0]["body"])
    assert float(body["lat"][0]) == pytest.approx(lat, abs=1e-5)
    assert body["accuracy_m"] == ["15"] and body["input_1"] == ["Jalan desa berlubang"]
    assert "csrfmiddlewaretoken" not in body
    # The form is ready for the next session: cleared, with a new key.
    assert page.input_value("#id_input_1") == ""
    assert page.input_value("input[name=idempotency_key]") != first_key
    screenshot(page, "patrols-5-offline-queued")

    context.set_offline(False)  # the `online` event sends the outbox
    page.wait_for_selector("#outbox-status[data-pending='0']")
    assert "Sesi dari ponsel sudah terkirim: 1" in page.inner_text("#outbox-status")
    session = DialogueSession.objects.get()
    assert str(session.idempotency_key) == first_key
    assert session.desa_id == desa.code and session.audience_total == 4
    assert session.accuracy_m == 15 and session.messages.count() == 1
    assert ResidentInput.objects.filter(session=session).count() == 1
    screenshot(page, "patrols-6-outbox-sent")

    # Forced double send: the phone never saw the reply and sends the same item again.
    page.evaluate(PUT_BACK, stored[0])
    result = page.evaluate("window.polmasOutbox.flush()")
    assert result == {"pending": 0, "sent": 1}
    assert page.evaluate("window.polmasOutbox.items()") == []
    assert DialogueSession.objects.count() == 1
    assert ResidentInput.objects.count() == 1


CACHED = """url => caches.open("polmas-patroli-pages").then(c => c.match(url)).then(r => !!r)"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_session_form_opens_offline_from_the_service_worker(
    live_server: Any, browser_page: Any
) -> None:
    ensure_reference_data()
    ensure_default_catalog()
    unit = Unit.objects.get(code="polsek-lohbener")
    user = make_officer(unit, "uji.personil", Role.PERSONIL, "T0201")
    patrol = started_patrol(user)
    page = browser_page
    base = live_server.url
    _login(page, base, "uji.personil")
    form_url = f"/patroli/{patrol.pk}/sesi/baru/"
    page.goto(f"{base}/patroli/{patrol.pk}/")  # registers the worker, which fetches the form
    for _ in range(100):  # the worker installs, then fetches the form in the background
        if page.evaluate(CACHED, form_url):
            break
        page.wait_for_timeout(200)
    assert page.evaluate(CACHED, form_url)
    sw = page.request.get(f"{base}/patroli/sw.js")
    assert sw.headers["content-type"].startswith("application/javascript")

    page.context.set_offline(True)
    page.goto(f"{base}{form_url}")
    assert page.inner_text("h1") == "Sesi dialog"
    assert page.locator("input[name=messages]").count() >= 1
    key_1 = page.input_value("input[name=idempotency_key]")
    page.reload()
    assert page.input_value("input[name=idempotency_key]") != key_1  # one key per load
    page.goto(f"{base}/patroli/{patrol.pk + 1000}/sesi/baru/")  # never opened: not kept
    assert "belum tersimpan di ponsel" in page.inner_text("body")
    screenshot(page, "patrols-7-offline-uncached")
    page.context.set_offline(False)


@pytest.mark.django_db
def test_service_worker_script_is_public_versioned_and_scoped(client: Client) -> None:
    r = client.get("/patroli/sw.js")
    assert r.status_code == 200 and r["Content-Type"] == "application/javascript"
    assert r["Cache-Control"] == "no-cache"
    text = r.content.decode()
    assert '"/static/patrols/outbox.js"' in text and '"/static/web/polmas.css"' in text
    version = text.split('var VERSION = "', 1)[1].split('"', 1)[0]
    assert len(version) == 16 and int(version, 16) >= 0
    assert version in client.get("/patroli/sw.js").content.decode()  # stable between requests
    assert "belum tersimpan di ponsel" in text
