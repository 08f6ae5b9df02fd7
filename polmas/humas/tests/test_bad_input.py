"""Bad input to the Humas pages and services is a form error or a 4xx that changes nothing,
never a 500; two concurrent actions on one release cannot both apply."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client

from polmas.core.models import AuditEvent
from polmas.humas import services
from polmas.humas.models import PressRelease, ReleaseStatus
from polmas.humas.tests.test_humas import make_release, seed_activity
from polmas.org.models import Role
from polmas.org.testing import World, make_officer

pytestmark = pytest.mark.django_db

UNREADABLE = "JSON tidak dapat diterima"


def _post_activity(client: Client, raw: str) -> str:
    response = client.post("/humas/baru/", {"unit": "polsek-lohbener", "activity": raw})
    assert response.status_code == 200
    return response.content.decode()


def _seed_with(extra: str) -> str:
    """The seed activity as JSON text with ``"x": <extra>`` added verbatim."""
    return json.dumps(seed_activity())[:-1] + ', "x": ' + extra + "}"


@pytest.mark.parametrize(
    "raw",
    [
        _seed_with("9" * 5000),
        "[" * 40_000 + "]" * 40_000,
        _seed_with("NaN"),
        _seed_with("[1, Infinity]"),
        _seed_with("1e999"),
    ],
    ids=["5000-digit integer", "deep nesting", "NaN", "Infinity", "float overflow"],
)
def test_activity_json_that_cannot_be_stored_is_a_form_error(
    client: Client, world: World, raw: str
) -> None:
    client.force_login(world.user_in)
    assert UNREADABLE in _post_activity(client, raw)
    assert not PressRelease.objects.exists()


def test_malformed_json_keeps_the_line_and_column_message(client: Client, world: World) -> None:
    client.force_login(world.user_in)
    html = _post_activity(client, '{\n  "unit": 1,\n}')
    assert "JSON tidak valid pada baris 3, kolom 1." in html and UNREADABLE not in html


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:00-12:00"])
def test_start_that_overflows_wib_is_a_form_error(
    client: Client, world: World, moment: str
) -> None:
    client.force_login(world.user_in)
    activity = seed_activity()
    activity["activity"]["start"] = moment
    html = _post_activity(client, json.dumps(activity))
    assert "activity.start: tahun pada" in html
    assert not PressRelease.objects.exists()


@pytest.mark.parametrize(
    ("path", "value"),
    [(("unit", "name"), "Polsek " + "A" * 600), (("activity", "type"), "patroli " * 40)],
)
def test_drafted_title_over_the_limit_is_refused(
    client: Client, world: World, path: tuple[str, str], value: str
) -> None:
    client.force_login(world.user_in)
    activity = seed_activity()
    activity[path[0]][path[1]] = value
    html = _post_activity(client, json.dumps(activity))
    assert "Judul hasil susunan terlalu panjang" in html and "maksimal 250" in html
    assert not PressRelease.objects.exists()
    assert not AuditEvent.objects.filter(verb="release.draft").exists()


def test_drafted_body_over_the_limit_is_refused(world: World) -> None:
    activity = seed_activity()
    activity["messages"] = [f"pesan kamtibmas nomor {i} " + "x" * 4_000 for i in range(6)]
    with pytest.raises(ValidationError) as caught:
        services.draft_from_activity(actor=world.user_in, unit=world.unit_in, activity=activity)
    assert "Isi hasil susunan terlalu panjang" in caught.value.messages[0]
    assert not PressRelease.objects.exists()


def test_a_drafted_release_is_always_editable_unchanged(client: Client, world: World) -> None:
    release = make_release(world)
    assert len(release.title) <= services.MAX_TITLE and len(release.body) <= services.MAX_BODY
    client.force_login(world.user_in)
    response = client.post(
        f"/humas/{release.pk}/ubah/", {"title": release.title, "body": release.body}
    )
    assert response.status_code == 302


@pytest.mark.parametrize("value", ["abc", "", "-1", "1.5", "١٢", "9" * 30, "9" * 5000])
def test_release_from_patrol_with_a_bad_id_is_404(client: Client, world: World, value: str) -> None:
    client.force_login(world.user_in)
    response = client.post("/humas/dari-patroli/", {"patrol": value})
    assert response.status_code == 404
    assert not PressRelease.objects.exists()


def _approved(world: World) -> tuple[PressRelease, Any]:
    humas = make_officer(world.polres, "uji.humas.kunci", Role.KASI_HUMAS, "H0009")
    release = make_release(world)
    PressRelease.objects.filter(pk=release.pk).update(status=ReleaseStatus.DISETUJUI)
    return release, humas


def test_a_stale_object_cannot_apply_an_action_the_row_no_longer_allows(world: World) -> None:
    release, humas = _approved(world)
    stale = PressRelease.objects.get(pk=release.pk)
    fresh = PressRelease.objects.get(pk=release.pk)
    services.transition_release(actor=humas, release=fresh, action="terbitkan")
    with pytest.raises(ValidationError):
        services.transition_release(
            actor=humas, release=stale, action="kembalikan", note="salah data"
        )
    with pytest.raises(ValidationError):
        services.edit_release(actor=humas, release=stale, title="Judul baru", body="Isi baru.")
    row = PressRelease.objects.get(pk=release.pk)
    assert row.status == ReleaseStatus.TERBIT and row.published_at is not None
    assert row.title == release.title and row.versions.count() == 1
    assert stale.status == ReleaseStatus.TERBIT  # the caller's object shows the row as it is
    verbs = AuditEvent.objects.for_object(row).values_list("verb", flat=True)
    assert "release.kembalikan" not in verbs and "release.edit" not in verbs


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite has no row locks (select_for_update is a no-op) and two writing threads on "
    "its shared in-memory test database fail with 'database table is locked' instead of "
    "waiting; the sequential stale-object test covers the check there",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_publish_and_send_back_cannot_both_apply(world: World) -> None:
    release, humas = _approved(world)
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def act(action: str) -> None:
        mine = PressRelease.objects.get(pk=release.pk)  # both read "disetujui"
        barrier.wait()
        try:
            services.transition_release(actor=humas, release=mine, action=action, note="cek")
            outcomes[action] = "ok"
        except ValidationError:
            outcomes[action] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(a,)) for a in ("terbitkan", "kembalikan")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes.values()) == ["ok", "refused"], outcomes
    row = PressRelease.objects.get(pk=release.pk)
    if outcomes["terbitkan"] == "ok":
        assert row.status == ReleaseStatus.TERBIT and row.published_at is not None
    else:
        assert row.status == ReleaseStatus.DRAF and row.published_at is None
    verbs = set(AuditEvent.objects.for_object(row).values_list("verb", flat=True))
    assert len(verbs & {"release.terbitkan", "release.kembalikan"}) == 1
