from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from typing import Any

import pytest
from django.test import Client

from polmas.aspirations.models import Case, Origin, Privacy
from polmas.aspirations.tests.test_views import case_for
from polmas.org.testing import ApiRoute, PermissionMatrix, World, make_officer, person_of

pytestmark = pytest.mark.django_db


def _intake(w: World, where: str) -> dict[str, Any]:
    return {
        "description": "Penelepon melaporkan pencurian kabel di balai desa",
        "origin": "telepon",
        "desa": w.desa(where).code,  # type: ignore[arg-type]
        "category": "kriminalitas",
        "idempotency_key": str(uuid.uuid4()),
        "reporter_name": "Siti",
        "reporter_phone": "081200000000",
    }


class TestCaseApiPermissions(PermissionMatrix):
    routes = [
        ApiRoute("case list", "get", lambda w, where: "/api/v1/cases", scoped=False),
        ApiRoute("case detail", "get", lambda w, where: f"/api/v1/cases/{case_for(w, where).pk}"),
        ApiRoute(
            "staff intake",
            "post",
            lambda w, where: "/api/v1/cases",
            data=_intake,
            scoped=False,
            ok=(201,),
        ),
        ApiRoute(
            "transition",
            "post",
            lambda w, where: f"/api/v1/cases/{case_for(w, where).pk}/transitions",
            data=lambda w, where: {"action": "verifikasi"},
        ),
        ApiRoute(
            "classification",
            "post",
            lambda w, where: f"/api/v1/cases/{case_for(w, where).pk}/classification",
            data=lambda w, where: {"category": "narkoba", "urgency": "tinggi"},
        ),
        ApiRoute(
            "reply",
            "post",
            lambda w, where: f"/api/v1/cases/{case_for(w, where).pk}/replies",
            data=lambda w, where: {"text": "Terima kasih, segera kami cek.", "public": True},
            ok=(201,),
        ),
    ]


def _auth(world: World, user: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.token(user)}"}


def test_list_is_scoped_filtered_and_keyset_paginated(client: Client, world: World) -> None:
    mine = case_for(world, "in")
    other = case_for(world, "out")
    body = client.get("/api/v1/cases", headers=_auth(world, world.user_in)).json()
    codes = [i["tracking_code"] for i in body["items"]]
    assert mine.tracking_code in codes and other.tracking_code not in codes
    assert body["count"] == 1 and body["next_cursor"] is None
    first = client.get("/api/v1/cases?limit=1", headers=_auth(world, world.user_polres)).json()
    assert first["count"] == 2 and len(first["items"]) == 1 and first["next_cursor"]
    second = client.get(
        f"/api/v1/cases?limit=1&cursor={first['next_cursor']}",
        headers=_auth(world, world.user_polres),
    ).json()
    assert {first["items"][0]["id"], second["items"][0]["id"]} == {mine.pk, other.pk}
    assert second["next_cursor"] is None
    none = client.get("/api/v1/cases?status=selesai", headers=_auth(world, world.user_polres))
    assert none.json()["count"] == 0
    bad = client.get("/api/v1/cases?cursor=!!", headers=_auth(world, world.user_polres))
    assert bad.status_code == 422


def test_intake_is_idempotent_and_conflicts_on_a_different_body(
    client: Client, world: World
) -> None:
    payload = _intake(world, "in")
    headers = _auth(world, world.user_in)
    first = client.post("/api/v1/cases", payload, content_type="application/json", headers=headers)
    assert first.status_code == 201, first.content
    case = Case.objects.get(tracking_code=first.json()["tracking_code"])
    assert case.origin == Origin.TELEPON and case.created_by == world.user_in
    assert case.unit == world.unit_in
    again = client.post("/api/v1/cases", payload, content_type="application/json", headers=headers)
    assert again.status_code == 200 and again.json()["id"] == case.pk
    changed = {**payload, "description": "Isi lain"}
    conflict = client.post(
        "/api/v1/cases", changed, content_type="application/json", headers=headers
    )
    assert conflict.status_code == 409
    # another officer reusing the key is a conflict too, never someone else's case
    other = client.post(
        "/api/v1/cases",
        payload,
        content_type="application/json",
        headers=_auth(world, world.user_out),
    )
    assert other.status_code == 409
    web = client.post(
        "/api/v1/cases",
        {**_intake(world, "in"), "origin": "web"},
        content_type="application/json",
        headers=headers,
    )
    assert web.status_code == 422
    assert Case.objects.count() == 1


def test_transition_reply_and_errors(client: Client, world: World) -> None:
    case = case_for(world, "in")
    headers = _auth(world, world.user_in)
    url = f"/api/v1/cases/{case.pk}"
    ok = client.post(
        f"{url}/transitions", {"action": "verifikasi"}, "application/json", headers=headers
    )
    assert ok.status_code == 200 and ok.json()["status"] == "diverifikasi"
    again = client.post(
        f"{url}/transitions", {"action": "verifikasi"}, "application/json", headers=headers
    )
    assert again.status_code == 422 and "tidak dapat" in again.json()["detail"]
    unknown = client.post(
        f"{url}/transitions", {"action": "xyz"}, "application/json", headers=headers
    )
    assert unknown.status_code == 422
    assignee = person_of(world.user_in)
    assigned = client.post(
        f"{url}/transitions",
        {"action": "tugaskan", "assignee": assignee.pk},
        "application/json",
        headers=headers,
    )
    assert assigned.json()["status"] == "ditugaskan"
    reply = client.post(
        f"{url}/replies", {"text": "Sudah kami tindak lanjuti"}, "application/json", headers=headers
    )
    assert reply.status_code == 201 and reply.json()["kind"] == "balasan"
    detail = client.get(url, headers=headers).json()
    assert "Sudah kami tindak lanjuti" in [m["text"] for m in detail["messages"]]


def test_anonim_reporter_is_hidden_outside_the_handling_unit(client: Client, world: World) -> None:
    case = case_for(world, "in", privacy=Privacy.ANONIM)
    inside = client.get(f"/api/v1/cases/{case.pk}", headers=_auth(world, world.user_in)).json()
    assert inside["reporter"]["name"] == "Budi Santoso" and not inside["reporter"]["hidden"]
    polres = client.get(f"/api/v1/cases/{case.pk}", headers=_auth(world, world.user_polres)).json()
    assert polres["reporter"] == {"name": "", "phone": "", "email": "", "hidden": True}
    listed = client.get("/api/v1/cases", headers=_auth(world, world.user_in)).json()
    assert listed["items"][0]["reporter"]["hidden"] is True  # lists never show anonim


def test_humas_reads_but_cannot_take_cases(client: Client, world: World) -> None:
    from polmas.org.models import Role

    humas = make_officer(world.polres, "uji.humas", Role.KASI_HUMAS, "T0099")
    headers = _auth(world, humas)
    assert client.get("/api/v1/cases", headers=headers).status_code == 200
    denied = client.post("/api/v1/cases", _intake(world, "in"), "application/json", headers=headers)
    assert denied.status_code == 403


def test_half_an_emoji_or_a_nul_escaped_in_the_body_is_stored_as_u_fffd(
    client: Client, world: World
) -> None:
    """``"\\ud83d"`` alone decodes to a code point UTF-8 cannot encode, and PostgreSQL refuses
    NUL; the save used to fail with a server error. Both are stored as U+FFFD, and the pair of a
    whole emoji stays intact."""
    payload = _intake(world, "in")
    payload["description"] = "Ada keributan di pasar X Y Z"
    body = (
        json.dumps(payload)
        .replace(" X", " \\ud83d")
        .replace(" Y", " \\ud83d\\ude4f")
        .replace(" Z", " \\u0000")
    )
    response = client.post(
        "/api/v1/cases", body, content_type="application/json", headers=_auth(world, world.user_in)
    )
    assert response.status_code == 201, response.content
    case = Case.objects.get(tracking_code=response.json()["tracking_code"])
    assert case.description == "Ada keributan di pasar \ufffd \U0001f64f \ufffd"


def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "raw",
    [
        "0001-01-01T00:00:00+08:00|1",  # before year 1 in UTC
        "9999-12-31T23:59:59-05:00|1",  # after year 9999 in UTC
        "2024-01-01T00:00:00|1",  # naive: `_encode` never writes one
        "1900-01-01T00:00:00+07:00|1",
        "2024-01-01T00:00:00+07:00|99999999999999999999",  # id overflows a bigint
        "2024-01-01T00:00:00+07:00|-1",
        "|1",
    ],
)
@pytest.mark.parametrize("overdue", ["", "&overdue=1"])
def test_odd_cursor_stamps_are_422_not_500(
    client: Client, world: World, raw: str, overdue: str
) -> None:
    case_for(world, "in")
    response = client.get(
        f"/api/v1/cases?cursor={_cursor(raw)}{overdue}", headers=_auth(world, world.user_polres)
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "Kursor halaman tidak valid."


def test_cursor_with_any_utc_offset_continues_at_the_same_instant(
    client: Client, world: World
) -> None:
    case = case_for(world, "in")
    later = case.created_at + dt.timedelta(seconds=1)
    headers = _auth(world, world.user_polres)
    for minutes in (0, 7 * 60, -(9 * 60 + 30), 23 * 60 + 59):
        stamp = later.astimezone(dt.timezone(dt.timedelta(minutes=minutes))).isoformat()
        response = client.get(f"/api/v1/cases?cursor={_cursor(f'{stamp}|0')}", headers=headers)
        assert [i["id"] for i in response.json()["items"]] == [case.pk], stamp


def test_reporter_email_must_be_an_email(client: Client, world: World) -> None:
    headers = _auth(world, world.user_in)
    bad = client.post(
        "/api/v1/cases",
        {**_intake(world, "in"), "reporter_email": "not an email"},
        content_type="application/json",
        headers=headers,
    )
    assert bad.status_code == 422
    assert "email" in bad.json()["detail"] and "tidak valid" in bad.json()["detail"]
    assert Case.objects.count() == 0
    good = client.post(
        "/api/v1/cases",
        {**_intake(world, "in"), "reporter_email": " siti@example.org "},
        content_type="application/json",
        headers=headers,
    )
    assert good.status_code == 201, good.content
    assert Case.objects.get().reporter_email == "siti@example.org"


def test_classification_correction_and_its_errors(client: Client, world: World) -> None:
    from polmas.aspirations.models import TriageLabel

    case = case_for(world, "in")
    headers = _auth(world, world.user_in)
    url = f"/api/v1/cases/{case.pk}/classification"
    bad = [
        ({"category": "tidak_ada", "urgency": "normal"}, 422),
        ({"category": "narkoba", "urgency": "segera"}, 422),
        ({"category": "", "urgency": "normal"}, 422),
        ({"category": "narkoba", "urgency": "tinggi", "note": "x" * 501}, 422),
        ({"category": "narkoba"}, 422),
    ]
    for body, status in bad:
        response = client.post(url, body, "application/json", headers=headers)
        assert response.status_code == status, body
    assert not TriageLabel.objects.exists()
    ok = client.post(
        url, {"category": "narkoba", "urgency": "tinggi"}, "application/json", headers=headers
    )
    assert ok.status_code == 200
    assert ok.json()["category"]["code"] == "narkoba" and ok.json()["urgency"] == "tinggi"
    same = client.post(
        url, {"category": "narkoba", "urgency": "tinggi"}, "application/json", headers=headers
    )
    assert same.status_code == 422 and "tidak ada yang diubah" in same.json()["detail"]
    assert TriageLabel.objects.filter(case=case).count() == 1


def test_case_detail_carries_the_triage_and_the_page_shows_it(client: Client, world: World) -> None:
    """The triage is computed inline here (urgency left open) by the real library."""
    body = {
        **_intake(world, "in"),
        "description": "Ada keributan, orang cina kafir harus diusir dari desa, hub 081234567890",
    }
    headers = _auth(world, world.user_in)
    created = client.post("/api/v1/cases", body, "application/json", headers=headers)
    assert created.status_code == 201, created.content
    triage = created.json()["triage"]
    assert triage["hate_speech"] is True and triage["pii"][0]["type"] == "phone"
    assert triage["masked_text"].endswith("hub [TELEPON]")
    case = Case.objects.get(pk=created.json()["id"])
    client.force_login(world.user_in)
    html = client.get(f"/kasus/{case.pk}/").content.decode()
    assert "Ujaran kebencian/provokasi: <strong" in html and "nomor telepon ×1" in html
    Case.objects.filter(pk=case.pk).update(triage=None)  # cases from before the triage
    again = client.get(f"/api/v1/cases/{case.pk}", headers=headers)
    assert again.status_code == 200 and again.json()["triage"] is None
    assert "Triase otomatis" not in client.get(f"/kasus/{case.pk}/").content.decode()
