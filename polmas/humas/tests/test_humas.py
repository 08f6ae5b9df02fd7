from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from polmas.core.models import AuditEvent
from polmas.humas import services
from polmas.humas.models import PressRelease, ReleaseStatus
from polmas.org.models import Role
from polmas.org.testing import PermissionMatrix, Route, Where, World, make_officer

pytestmark = pytest.mark.django_db

SEED = (
    Path(__file__).resolve().parents[1] / "drafting" / "tests" / "fixtures" / "seed_activity.json"
)


def seed_activity() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return data


def make_release(world: World, where: Where = "in") -> PressRelease:
    user = world.user_in if where == "in" else world.user_out
    return services.draft_from_activity(
        actor=user, unit=world.unit(where), activity=seed_activity()
    )  # type: ignore[arg-type]


def _obj(world: World, where: Where) -> PressRelease:
    key = f"release-{where}"
    if key not in world.objects:
        world.objects[key] = make_release(world, where)
    return world.objects[key]  # type: ignore[no-any-return]


class TestHumasPermissions(PermissionMatrix):
    routes = [
        Route("release list", "get", lambda w, where: "/humas/", scoped=False),
        Route("new release form", "get", lambda w, where: "/humas/baru/", scoped=False),
        Route("release page", "get", lambda w, where: f"/humas/{_obj(w, where).pk}/"),
        Route("edit form", "get", lambda w, where: f"/humas/{_obj(w, where).pk}/ubah/"),
        Route(
            "transition",
            "post",
            lambda w, where: f"/humas/{_obj(w, where).pk}/aksi/",
            data=lambda w, where: {"action": "ajukan"},
            ok=(302,),
        ),
    ]


def test_draft_edit_approve_publish_keeps_every_version(world: World) -> None:
    humas = make_officer(world.polres, "uji.humas", Role.KASI_HUMAS, "H0001")
    release = make_release(world)
    assert release.status == ReleaseStatus.DRAF
    assert "Selasa malam (23/1/2024)" in release.body and release.body.endswith("Pungkasnya.")
    services.edit_release(
        actor=world.user_in,
        release=release,
        title=release.title,
        body=release.body + "\n\nTambahan.",
        note="perbaikan",
    )
    services.transition_release(actor=world.user_in, release=release, action="ajukan")
    with pytest.raises(ValidationError):
        services.edit_release(actor=world.user_in, release=release, title="x", body="")
    # A Kapolsek may submit but not approve; the Kasi Humas approves and publishes.
    with pytest.raises(ValidationError):
        services.transition_release(actor=world.user_in, release=release, action="setujui")
    services.transition_release(actor=humas, release=release, action="setujui")
    services.transition_release(actor=humas, release=release, action="terbitkan")
    release.refresh_from_db()
    assert release.status == ReleaseStatus.TERBIT and release.published_at is not None
    assert release.approved_by == humas
    assert [v.number for v in release.versions.all()] == [2, 1]
    verbs = list(AuditEvent.objects.for_object(release).values_list("verb", flat=True))
    assert set(verbs) == {
        "release.draft",
        "release.edit",
        "release.ajukan",
        "release.setujui",
        "release.terbitkan",
    }


def test_withdraw_needs_a_reason(world: World) -> None:
    release = make_release(world)
    release.status = ReleaseStatus.TERBIT
    release.save()
    with pytest.raises(ValidationError):
        services.transition_release(actor=world.user_polres, release=release, action="tarik")
    services.transition_release(
        actor=world.user_polres, release=release, action="tarik", note="Data keliru"
    )
    assert release.status == ReleaseStatus.DITARIK


def test_out_of_scope_unit_cannot_draft(world: World) -> None:
    with pytest.raises(PermissionDenied):
        services.draft_from_activity(
            actor=world.user_in, unit=world.unit_out, activity=seed_activity()
        )


def test_bad_activity_json_rerenders_with_field_errors(client: Client, world: World) -> None:
    client.force_login(world.user_in)
    before = PressRelease.objects.count()
    bad = client.post("/humas/baru/", {"unit": "polsek-lohbener", "activity": "{nope"})
    assert bad.status_code == 200 and "JSON tidak valid pada baris 1" in bad.content.decode()
    missing = client.post("/humas/baru/", {"unit": "polsek-lohbener", "activity": "{}"})
    html = missing.content.decode()
    assert "unit.name" in html and "activity.start" in html
    other = client.post(
        "/humas/baru/", {"unit": "polsek-indramayu", "activity": json.dumps(seed_activity())}
    )
    assert "Pilih satuan dalam cakupan Anda" in other.content.decode()
    assert PressRelease.objects.count() == before


def test_new_release_through_the_form(client: Client, world: World) -> None:
    client.force_login(world.user_in)
    response = client.post(
        "/humas/baru/", {"unit": "polsek-lohbener", "activity": json.dumps(seed_activity())}
    )
    assert response.status_code == 302
    release = PressRelease.objects.get()
    assert release.unit == world.unit_in and release.created_by == world.user_in


def test_public_page_and_feeds_show_published_releases_only(client: Client, world: World) -> None:
    draft = make_release(world)
    published = make_release(world)
    published.status, published.title = ReleaseStatus.TERBIT, "Patroli Dialog Terbit"
    from django.utils import timezone

    published.published_at = timezone.now()
    published.save()
    page = client.get("/berita/").content.decode()
    assert "Patroli Dialog Terbit" in page and draft.title not in page.replace(published.title, "")
    assert client.get(f"/berita/{draft.slug}/").status_code == 404
    detail = client.get(f"/berita/{published.slug}/").content.decode()
    assert '<meta property="og:title" content="Patroli Dialog Terbit">' in detail
    assert "<script" not in detail  # works without JavaScript
    rss = ET.fromstring(client.get("/berita/rss.xml").content)
    assert [i.findtext("title") for i in rss.iter("item")] == ["Patroli Dialog Terbit"]
    atom = ET.fromstring(client.get("/berita/atom.xml").content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)] == [
        "Patroli Dialog Terbit"
    ]
    feed = client.get("/berita/feed.json")
    assert feed["Content-Type"].startswith("application/feed+json")
    body = feed.json()
    assert body["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["title"] for i in body["items"]] == ["Patroli Dialog Terbit"]
    unit_page = client.get("/berita/satuan/polsek-lohbener/").content.decode()
    assert "Patroli Dialog Terbit" in unit_page
    assert client.get("/berita/satuan/polsek-tidak-ada/").status_code == 404
    assert "Belum ada berita" in client.get("/berita/satuan/polsek-indramayu/").content.decode()


def test_activity_json_with_half_an_emoji_is_read_as_a_replacement_character() -> None:
    from polmas.humas.forms import ActivityJsonForm

    form = ActivityJsonForm(data={"activity": '{"place": "Desa Lohbener \\ud83d"}'})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["activity"] == {"place": "Desa Lohbener \ufffd"}
