from __future__ import annotations

import datetime as dt
import io
import logging
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo

from polmas.org.testing import PermissionMatrix, Route, World
from polmas.patrols.models import (
    DialogueSession,
    Patrol,
    PatrolStatus,
    ResidentInput,
    SessionPhoto,
)
from polmas.patrols.services.photos import read_exif
from polmas.patrols.testing import point_in
from polmas.patrols.tests import fixtures as fx

pytestmark = pytest.mark.django_db


def _pid(w: World, where: str) -> int:
    return fx.patrol(w, where).pk  # type: ignore[arg-type]


class TestPatrolPagePermissions(PermissionMatrix):
    routes = [
        Route("patrol list", "get", lambda w, where: "/patroli/", scoped=False),
        Route("new patrol form", "get", lambda w, where: "/patroli/baru/", scoped=False),
        Route("patrol page", "get", lambda w, where: f"/patroli/{_pid(w, where)}/"),
        Route(
            "patrol action",
            "post",
            lambda w, where: f"/patroli/{_pid(w, where)}/aksi/end/",
            ok=(302,),
        ),
        Route("session form", "get", lambda w, where: f"/patroli/{_pid(w, where)}/sesi/baru/"),
        Route(
            "session page",
            "get",
            lambda w, where: f"/patroli/sesi/{fx.session(w, where).pk}/",  # type: ignore[arg-type]
        ),
        Route(
            "session photo",
            "post",
            lambda w, where: f"/patroli/sesi/{fx.session(w, where).pk}/foto/",  # type: ignore[arg-type]
            ok=(302,),
        ),
        Route("coverage", "get", lambda w, where: "/patroli/cakupan/", scoped=False),
        Route(
            "campaign progress",
            "get",
            lambda w, where: f"/patroli/kampanye/{fx.campaign(w, where).pk}/",  # type: ignore[arg-type]
        ),
        Route("briefing", "get", lambda w, where: f"/patroli/briefing/?unit={w.unit(where).code}"),
        Route("catalog", "get", lambda w, where: "/patroli/pesan/", scoped=False),
    ]


def test_field_flow_with_forms_and_idempotent_resubmit(client: Client, world: World) -> None:
    client.force_login(world.user_in)
    key = uuid.uuid4()
    r = client.post(
        "/patroli/baru/",
        {"idempotency_key": key, "patrol_type": "dialog", "start_now": "on", "area_note": "Pasar"},
    )
    assert r.status_code == 302
    pid = int(r["Location"].rstrip("/").split("/")[-1])
    fx.patrol(world, "in")  # makes the default catalog
    lat, lng = point_in(world.desa_in)
    form = client.get(f"/patroli/{pid}/sesi/baru/").content.decode()
    assert 'name="messages"' in form and 'name="aud_pemuda"' in form
    skey = uuid.uuid4()
    body = {
        "idempotency_key": skey,
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "lat": lat,
        "lng": lng,
        "accuracy_m": 10,
        "aud_pemuda": 4,
        "aud_ibu_ibu": 3,
        "input_1": "Jalan berlubang di dekat balai desa",
        "input_1_kind": "keluhan",
        "input_2": "Mohon patroli malam lebih sering",
        "input_2_kind": "aspirasi",
        **{f"input_{i}_kind": "masukan" for i in (3, 4)},
    }
    assert client.post(f"/patroli/{pid}/sesi/baru/", body).status_code == 302
    assert client.post(f"/patroli/{pid}/sesi/baru/", body).status_code == 302  # resubmit
    sessions = DialogueSession.objects.filter(patrol_id=pid)
    assert sessions.count() == 1 and sessions[0].audience_total == 7
    assert ResidentInput.objects.filter(session=sessions[0]).count() == 2
    conflict = client.post(f"/patroli/{pid}/sesi/baru/", dict(body, aud_pemuda=9))
    assert conflict.status_code == 422 and "idempotensi" in conflict.content.decode()
    assert client.post(f"/patroli/{pid}/aksi/end/").status_code == 302
    html = client.get(f"/patroli/{pid}/").content.decode()
    assert "Selesai" in html and world.desa_in.name in html
    assert sessions[0].patrol.status == PatrolStatus.DONE


def _jpeg(size: tuple[int, int] = (2400, 1800)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (120, 80, 40)).save(out, "JPEG")
    return out.getvalue()


def test_photo_is_resized_and_non_images_refused(client: Client, world: World) -> None:
    session = fx.session(world, "in")
    client.force_login(world.user_in)
    url = f"/patroli/sesi/{session.pk}/foto/"
    client.post(url, {"photo": SimpleUploadedFile("a.jpg", _jpeg(), "image/jpeg")})
    photo = SessionPhoto.objects.get(session=session)
    assert max(photo.width, photo.height) == 1600
    fake = SimpleUploadedFile("x.jpg", b"<?php echo 1; ?>" * 10, "image/jpeg")
    r = client.post(url, {"photo": fake}, follow=True)
    assert "bukan foto" in r.content.decode()
    assert SessionPhoto.objects.count() == 1


def test_oversize_photo_refused_by_declared_length(client: Client, world: World) -> None:
    session = fx.session(world, "in")
    token = world.token(world.user_in)
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8\xff" + b"0" * (9 * 1024 * 1024), "image/jpeg")
    r = client.post(
        f"/api/v1/sessions/{session.pk}/photos",
        {"photo": big},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 413
    assert not SessionPhoto.objects.exists()


def _jpeg_taken_at(stamp: str) -> bytes:
    image = Image.new("RGB", (40, 30), (10, 20, 30))
    exif = image.getexif()
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = stamp  # tag 36867
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _png_with_huge_ztxt() -> bytes:
    info = PngInfo()
    info.add_text("Comment", "A" * (20 * 1024 * 1024), zip=True)  # zTXt, about 20 KB packed
    out = io.BytesIO()
    Image.new("RGB", (10, 10), (1, 2, 3)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def test_exif_time_read_in_wib_only_when_plausible() -> None:
    taken, _lat, _lng = read_exif(Image.open(io.BytesIO(_jpeg_taken_at("2024:02:14 09:30:00"))))
    assert taken is not None and (taken.year, taken.hour, taken.utcoffset()) == (
        2024,
        9,
        dt.timedelta(hours=7),
    )
    ahead = (timezone.now() + dt.timedelta(days=3)).strftime("%Y:%m:%d %H:%M:%S")
    for stamp in ("0001:01:01 03:00:00", "1999:12:31 23:59:59", "9999:12:31 23:59:59", ahead):
        assert read_exif(Image.open(io.BytesIO(_jpeg_taken_at(stamp))))[0] is None, stamp


def test_photo_with_year_one_exif_is_kept_without_time(client: Client, world: World) -> None:
    session = fx.session(world, "in")
    token = world.token(world.user_in)
    api = f"/api/v1/sessions/{session.pk}/photos"
    bearer = {"Authorization": f"Bearer {token}"}
    year_one = _jpeg_taken_at("0001:01:01 03:00:00")
    r = client.post(
        api, {"photo": SimpleUploadedFile("a.jpg", year_one, "image/jpeg")}, headers=bearer
    )
    assert r.status_code == 201, r.content
    assert SessionPhoto.objects.get(session=session).taken_at is None
    client.force_login(world.user_in)
    page = f"/patroli/sesi/{session.pk}/"
    r = client.post(f"{page}foto/", {"photo": SimpleUploadedFile("b.jpg", year_one, "image/jpeg")})
    assert r.status_code == 302
    assert client.get(page).status_code == 200
    later = client.post(
        api, {"photo": SimpleUploadedFile("c.jpg", _jpeg((50, 40)), "image/jpeg")}, headers=bearer
    )
    assert later.status_code == 201
    assert (
        list(SessionPhoto.objects.filter(session=session).values_list("taken_at", flat=True))
        == [None] * 3
    )


def test_png_with_oversized_text_chunk_is_unreadable(client: Client, world: World) -> None:
    session = fx.session(world, "in")
    token = world.token(world.user_in)
    bomb = _png_with_huge_ztxt()
    r = client.post(
        f"/api/v1/sessions/{session.pk}/photos",
        {"photo": SimpleUploadedFile("z.png", bomb, "image/png")},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 422 and "bukan foto" in r.json()["detail"]
    client.force_login(world.user_in)
    r = client.post(
        f"/patroli/sesi/{session.pk}/foto/",
        {"photo": SimpleUploadedFile("z.png", bomb, "image/png")},
        follow=True,
    )
    assert r.status_code == 200 and "bukan foto" in r.content.decode()
    assert not SessionPhoto.objects.exists()


def test_briefing_has_campaign_messages_and_unvisited_desa(client: Client, world: World) -> None:
    fx.session(world, "in")
    client.force_login(world.user_in)
    html = client.get(f"/patroli/briefing/?unit={world.unit_in.code}").content.decode()
    assert "Pesan kamtibmas kampanye aktif" in html
    assert "Desa yang paling lama tidak dikunjungi" in html
    assert "Belum pernah dikunjungi" in html


def test_briefing_extension_point(client: Client, world: World) -> None:
    from polmas.patrols.briefing import (
        BriefingItem,
        register_briefing_section,
        unregister_briefing_section,
    )

    def provider(unit, day, user):  # type: ignore[no-untyped-def]
        return [BriefingItem(title=f"Perkara terbuka {unit.name}")]

    def broken(unit, day, user):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    register_briefing_section("test.open", "Perkara terbuka", provider, order=50)
    register_briefing_section("test.broken", "Rusak", broken, order=60)
    try:
        client.force_login(world.user_in)
        html = client.get("/patroli/briefing/").content.decode()
    finally:
        unregister_briefing_section("test.open")
        unregister_briefing_section("test.broken")
    assert "Perkara terbuka Polsek Lohbener" in html
    assert "tidak tersedia" in html


def test_coverage_page_lists_polsek_rollup(client: Client, world: World) -> None:
    fx.session(world, "in")
    client.force_login(world.user_polres)
    html = client.get("/patroli/cakupan/").content.decode()
    assert "Polsek Lohbener" in html and 'id="map"' in html


def test_action_labels_follow_the_request_language(client: Client, world: World) -> None:
    """Transition labels are lazy: the same process serves both languages."""
    from django.conf import settings

    planned = fx.planned_patrol(world, "in")
    client.force_login(world.user_in)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(f"/patroli/{planned.pk}/").content.decode()
    assert ">Start patrol</button>" in english and ">Cancel</button>" in english
    assert "Mulai patroli" not in english
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    indonesian = client.get(f"/patroli/{planned.pk}/").content.decode()
    assert ">Mulai patroli</button>" in indonesian and ">Batalkan</button>" in indonesian


@pytest.mark.parametrize("value", ["0001-01-01T00:00", "9999-12-31T23:59", "1999-12-31T23:00"])
def test_forms_refuse_times_out_of_range(client: Client, world: World, value: str) -> None:
    """Year 1 cannot be stored by SQLite (was a 500); the form says what is accepted."""
    patrol = fx.patrol(world, "in")
    client.force_login(world.user_in)
    r = client.post(
        "/patroli/baru/",
        {"idempotency_key": uuid.uuid4(), "patrol_type": "dialog", "planned_start": value},
    )
    assert r.status_code == 200 and "1 Januari 2000" in r.content.decode()
    assert Patrol.objects.count() == 1
    lat, lng = point_in(world.desa_in)
    body = {"idempotency_key": uuid.uuid4(), "occurred_at": value, "lat": lat, "lng": lng}
    body |= {f"input_{i}_kind": "masukan" for i in range(1, 5)}
    r = client.post(f"/patroli/{patrol.pk}/sesi/baru/", body)
    assert r.status_code == 422 and "1 Januari 2000" in r.content.decode()
    assert not DialogueSession.objects.exists()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1999-12-31"])
def test_briefing_for_a_date_out_of_range_shows_today(
    client: Client, world: World, day: str, caplog: pytest.LogCaptureFixture
) -> None:
    fx.session(world, "in")
    client.force_login(world.user_in)
    with caplog.at_level(logging.ERROR):
        r = client.get(f"/patroli/briefing/?unit={world.unit_in.code}&date={day}")
    html = r.content.decode()
    assert r.status_code == 200 and "di luar rentang" in html
    assert not [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
    assert "tidak tersedia" not in html and "Desa yang paling lama tidak dikunjungi" in html
