"""From a recorded patrol to a published release on the public page and in the feed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from polmas.humas import services
from polmas.humas.activity import activity_from_patrol
from polmas.humas.drafting import find_invented
from polmas.humas.models import PressRelease
from polmas.org.models import Role
from polmas.org.testing import PermissionMatrix, Route, Where, World, make_officer
from polmas.patrols import services as patrol_services
from polmas.patrols.models import Patrol
from polmas.patrols.testing import messages, point_in, started_patrol

pytestmark = pytest.mark.django_db

WIB = dt.timezone(dt.timedelta(hours=7))


def recorded_patrol(world: World, where: Where = "in") -> Patrol:
    user = world.user_in if where == "in" else world.user_out
    patrol = started_patrol(user, minutes_ago=180)
    lat, lng = point_in(world.desa(where))
    data = patrol_services.SessionData(
        occurred_at=timezone.now() - dt.timedelta(minutes=150),
        lat=lat,
        lng=lng,
        accuracy_m=10.0,
        place_name="Pos ronda RT 03",
        audience_groups={"tokoh_masyarakat": 4, "pemuda": 8},
        message_ids=[m.pk for m in messages(2)],
        quotes=[
            ("Kapolsek", "Mari bersama menjaga lingkungan tetap kondusif."),
            ("Pak Darsa, warga", "Kami minta patroli lebih sering."),
        ],
        inputs=[patrol_services.InputItem("Lampu jalan di gang mati")],
    )
    patrol_services.record_session(actor=user, patrol=patrol, data=data)
    return patrol_services.transition_patrol(
        actor=user, patrol=patrol, action="end", at=timezone.now() - dt.timedelta(minutes=60)
    )


def _patrol(world: World, where: Where) -> Patrol:
    key = f"humas-patrol-{where}"
    if key not in world.objects:
        world.objects[key] = recorded_patrol(world, where)
    return world.objects[key]  # type: ignore[no-any-return]


class TestFromPatrolPermissions(PermissionMatrix):
    routes = [
        Route(
            "draft from patrol",
            "post",
            lambda w, where: "/humas/dari-patroli/",
            data=lambda w, where: {"patrol": _patrol(w, where).pk},
            ok=(302,),
        ),
    ]


def test_activity_holds_only_recorded_facts(world: World) -> None:
    make_officer(world.unit_in, "uji.kapolsek.nama", Role.KAPOLSEK, "H1001")
    patrol = recorded_patrol(world)
    activity = activity_from_patrol(patrol)
    assert activity["unit"] == {
        "name": "Polsek Lohbener",
        "parent": {"name": "Polres Indramayu", "parent": {"name": "Polda Jawa Barat"}},
    }
    assert activity["activity"]["desa"] == world.desa_in.name
    assert activity["activity"]["kecamatan"] == "Lohbener"
    assert activity["activity"]["place"] == "Pos ronda RT 03"
    assert activity["audience"] == {"count": 12, "groups": ["tokoh masyarakat", "pemuda"]}
    assert len(activity["messages"]) == 2
    # only the quote whose speaker is a command role goes in; the resident's is left out
    assert activity["quotes"] == [
        {"role": "kapolsek", "text": "Mari bersama menjaga lingkungan tetap kondusif."}
    ]
    assert activity["resident_input"] == ["Lampu jalan di gang mati"]
    assert {o["role"] for o in activity["officials"]} == {"kapolsek", "kapolres"}


def test_release_from_patrol_reads_like_the_seed_and_invents_nothing(world: World) -> None:
    patrol = recorded_patrol(world)
    release = services.draft_from_patrol(actor=world.user_in, patrol=patrol)
    day = timezone.localtime(patrol.sessions.get().occurred_at)
    assert f"({day.day}/{day.month}/{day.year})" in release.body
    # the quote is kept verbatim (its final full stop may become the comma before "ujar")
    assert "Mari bersama menjaga lingkungan tetap kondusif" in release.body
    assert release.body.rstrip().endswith("Pungkasnya.")
    assert "Lampu jalan di gang mati".lower() in release.body.lower()
    assert find_invented(release.body, activity_from_patrol(patrol)) == []
    assert release.source_kind == "patrol" and release.source_ref == str(patrol.pk)


def test_humas_drafts_edits_approves_publishes_and_it_appears_publicly(
    client: Client, world: World
) -> None:
    humas = make_officer(world.polres, "uji.kasi.humas", Role.KASI_HUMAS, "H1002")
    patrol = recorded_patrol(world)
    client.force_login(humas)
    response = client.post("/humas/dari-patroli/", {"patrol": patrol.pk})
    assert response.status_code == 302
    release = PressRelease.objects.get()
    client.post(
        f"/humas/{release.pk}/ubah/",
        {"title": release.title, "body": release.body + "\n\nDisunting Humas.", "note": "sunting"},
    )
    for action in ("ajukan", "setujui", "terbitkan"):
        assert client.post(f"/humas/{release.pk}/aksi/", {"action": action}).status_code == 302
    release.refresh_from_db()
    assert release.status == "terbit" and release.versions.count() == 2
    public = Client()
    assert release.title in public.get("/berita/").content.decode()
    assert "Disunting Humas." in public.get(f"/berita/{release.slug}/").content.decode()
    feed = public.get("/berita/feed.json").json()
    assert feed["items"][0]["title"] == release.title
    rss: Any = public.get("/berita/rss.xml").content.decode()
    assert release.title.replace("&", "&amp;") in rss
