"""The staff intake page (telepon / datang langsung) and access-controlled attachments."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from polmas.aspirations import services
from polmas.aspirations.models import Case, CaseAttachment, Origin, Privacy
from polmas.org.testing import PermissionMatrix, Route, World

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x9a\xa0\xa0"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def attachment_for(w: World, where: str, privacy: str = Privacy.BIASA) -> CaseAttachment:
    key = f"attachment-{where}-{privacy}"
    if key not in w.objects:
        case = services.create_case(
            actor=None,
            description="Foto jalan berlubang di depan sekolah",
            desa_code=w.desa(where).code,  # type: ignore[arg-type]
            privacy=privacy,
            attachments=[SimpleUploadedFile("foto.png", PNG, content_type="image/png")],
        )
        w.objects[key] = case.attachments.get()
    return w.objects[key]  # type: ignore[no-any-return]


@pytest.fixture(autouse=True)
def _remove_files() -> Iterator[None]:
    yield
    for a in CaseAttachment.objects.all():
        a.file.delete(save=False)


def _form(w: World, where: str) -> dict[str, str]:
    return {
        "origin": "telepon",
        "kind": "keluhan",
        "category": "",
        "urgency": "",
        "description": "Warga menelepon: ada kerumunan pemuda mabuk di pos ronda",
        "desa": w.desa(where).code,  # type: ignore[arg-type]
        "location_text": "Pos ronda RT 02",
        "privacy": "biasa",
        "reporter_name": "Pak Darto",
        "reporter_phone": "081311112222",
        "reply_channel": "web",
        "idempotency_key": str(uuid.uuid4()),
    }


class TestStaffPagePermissions(PermissionMatrix):
    routes = [
        Route("intake page", "get", lambda w, where: "/kasus/baru/", scoped=False),
        Route(
            "intake post",
            "post",
            lambda w, where: "/kasus/baru/",
            data=_form,
            scoped=False,
            ok=(302,),
        ),
        Route(
            "triage suggestion",
            "post",
            lambda w, where: "/kasus/baru/saran/",
            data=lambda w, where: {"description": "Motor saya dicuri semalam"},
            scoped=False,
        ),
        Route(
            "attachment",
            "get",
            lambda w, where: f"/kasus/lampiran/{attachment_for(w, where).pk}/",
        ),
    ]


def test_phone_case_is_recorded_routed_and_shown(client: Client, world: World) -> None:
    client.force_login(world.user_in)
    data = _form(world, "in")
    response = client.post("/kasus/baru/", data)
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/kasus/{case.pk}/"
    assert case.origin == Origin.TELEPON and case.unit == world.unit_in
    assert case.created_by == world.user_in and case.due_at is not None
    page = client.get(response["Location"]).content.decode()
    assert case.tracking_code in page and "Pak Darto" in page
    client.post("/kasus/baru/", data)  # a double submit does not duplicate
    assert Case.objects.count() == 1
    # a call about another Polsek's desa is routed there; the officer gets the code
    other = client.post("/kasus/baru/", _form(world, "out"), follow=True)
    routed = Case.objects.exclude(pk=case.pk).get()
    assert routed.unit == world.unit_out and routed.tracking_code in other.content.decode()


def test_attachment_needs_scope_and_is_not_public(client: Client, world: World) -> None:
    item = attachment_for(world, "in")
    client.force_login(world.user_in)
    response = client.get(f"/kasus/lampiran/{item.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PNG  # type: ignore[attr-defined]
    assert response["Cache-Control"] == "private, no-store"
    client.force_login(world.user_out)
    assert client.get(f"/kasus/lampiran/{item.pk}/").status_code == 404
    anonymous = Client().get(f"/kasus/lampiran/{item.pk}/")
    assert anonymous.status_code == 302
    assert Client().get(f"/media/{item.file.name}").status_code != 200
    hidden = attachment_for(world, "in", Privacy.ANONIM)
    client.force_login(world.user_polres)  # in scope, but not the handling unit
    assert client.get(f"/kasus/lampiran/{hidden.pk}/").status_code == 403


def test_the_intake_page_suggests_category_and_urgency_as_the_officer_types(
    client: Client, world: World
) -> None:
    """The real triage: a theft told of last night is kriminalitas / tinggi."""
    client.force_login(world.user_in)
    page = client.get("/kasus/baru/").content.decode()
    assert 'hx-post="/kasus/baru/saran/"' in page and 'id="triage-suggestion"' in page
    assert page.index('name="description"') < page.index('name="category"')  # text first
    hint = client.post("/kasus/baru/saran/", {"description": "Motor saya dicuri semalam"})
    assert hint.status_code == 200
    text = hint.content.decode()
    assert "<strong>Kriminalitas</strong>" in text and "<strong>Tinggi</strong>" in text
    for empty in ("", "   "):
        blank = client.post("/kasus/baru/saran/", {"description": empty})
        assert blank.status_code == 200 and "Saran triase" not in blank.content.decode()
    long = client.post("/kasus/baru/saran/", {"description": "pencurian " * 2000})
    assert long.status_code == 200 and "Kriminalitas" in long.content.decode()  # cut, not refused
    assert client.get("/kasus/baru/saran/").status_code == 405
