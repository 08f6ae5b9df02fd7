from __future__ import annotations

import csv
import io

import pytest
from django.core.cache import cache
from django.test import Client

from polmas.aspirations import services
from polmas.aspirations.models import Case, Privacy, Status
from polmas.org.testing import PermissionMatrix, Route, World, make_officer

pytestmark = pytest.mark.django_db


def case_for(w: World, where: str, **kw: object) -> Case:
    key = f"case-{where}-{sorted(kw.items())}"
    if key not in w.objects:
        desa = w.desa_in if where == "in" else w.desa_out
        w.objects[key] = services.create_case(
            actor=None,
            description="Ada pencurian motor di dekat balai desa",
            desa_code=desa.code,
            category_code="kriminalitas",
            reporter_name="Budi Santoso",
            reporter_phone="081234567890",
            **kw,  # type: ignore[arg-type]
        )
    return w.objects[key]  # type: ignore[no-any-return]


class TestCasePagePermissions(PermissionMatrix):
    routes = [
        Route("inbox", "get", lambda w, where: "/kasus/", scoped=False),
        Route("export csv", "get", lambda w, where: "/kasus/ekspor.csv", scoped=False),
        Route("export xlsx", "get", lambda w, where: "/kasus/ekspor.xlsx", scoped=False),
        Route("case page", "get", lambda w, where: f"/kasus/{case_for(w, where).pk}/"),
        Route(
            "case action",
            "post",
            lambda w, where: f"/kasus/{case_for(w, where).pk}/tindakan/",
            data=lambda w, where: {"name": "verifikasi"},
            ok=(302,),
        ),
        Route(
            "case reclassify",
            "post",
            lambda w, where: f"/kasus/{case_for(w, where).pk}/kategori/",
            data=lambda w, where: {"category": "narkoba", "urgency": "tinggi"},
            ok=(302,),
        ),
        Route(
            "case reply",
            "post",
            lambda w, where: f"/kasus/{case_for(w, where).pk}/balas/",
            data=lambda w, where: {"text": "Terima kasih", "public": "on"},
            ok=(302,),
        ),
        Route(
            "bulk action",
            "post",
            lambda w, where: "/kasus/massal/",
            data=lambda w, where: {"ids": [case_for(w, where).pk], "action": "verifikasi"},
            ok=(302,),
        ),
    ]


def test_inbox_shows_only_scope_with_deadline_and_filters(client: Client, world: World) -> None:
    mine = case_for(world, "in")
    other = case_for(world, "out")
    client.force_login(world.user_in)
    html = client.get("/kasus/").content.decode()
    assert mine.tracking_code in html and other.tracking_code not in html
    assert 'data-count="baru"' in html
    assert client.get("/kasus/?status=selesai").content.decode().count(mine.tracking_code) == 0
    assert (
        mine.tracking_code
        in client.get("/kasus/?status=open&category=kriminalitas").content.decode()
    )
    assert mine.tracking_code not in client.get("/kasus/?overdue=on").content.decode()
    client.force_login(world.user_polres)
    html = client.get("/kasus/").content.decode()
    assert mine.tracking_code in html and other.tracking_code in html


def test_case_page_shows_timeline_and_actions(client: Client, world: World) -> None:
    case = case_for(world, "in")
    client.force_login(world.user_in)
    client.post(f"/kasus/{case.pk}/tindakan/", {"name": "tolak"})  # reason missing
    case.refresh_from_db()
    assert case.status == Status.BARU
    r = client.post(f"/kasus/{case.pk}/tindakan/", {"name": "tolak", "note": "Bukan wewenang"})
    assert r.status_code == 302
    html = client.get(f"/kasus/{case.pk}/").content.decode()
    assert "aspirations.case.tolak" in html and "Bukan wewenang" in html
    assert "Budi Santoso" in html  # biasa case, Kapolsek needs the contact


def test_anonymous_reporter_hidden_outside_handling_unit(client: Client, world: World) -> None:
    case = case_for(world, "in", privacy=Privacy.ANONIM)
    client.force_login(world.user_in)  # member of the handling Polsek
    assert "Budi Santoso" in client.get(f"/kasus/{case.pk}/").content.decode()
    assert "Budi Santoso" not in client.get("/kasus/").content.decode()  # never in lists
    client.force_login(world.user_polres)  # sees the case, not the reporter
    for url in (f"/kasus/{case.pk}/", "/kasus/", "/kasus/ekspor.csv"):
        body = client.get(url).content.decode("utf-8", "replace")
        assert "Budi" not in body and "081234567890" not in body, url


def test_export_masks_contact_for_roles_that_do_not_need_it(client: Client, world: World) -> None:
    case_for(world, "in")
    humas = make_officer(world.unit_in, "uji.humas", "kasi_humas", "T0201")
    client.force_login(humas)
    body = client.get("/kasus/ekspor.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[1][12] == "B*** S******" and rows[1][13] == "0812****7890"
    client.force_login(world.user_in)
    rows = list(
        csv.reader(io.StringIO(client.get("/kasus/ekspor.csv").content.decode("utf-8-sig")))
    )
    assert rows[1][13] == "081234567890"
    x = client.get("/kasus/ekspor.xlsx")
    assert x.status_code == 200 and x.content[:2] == b"PK"


def test_bulk_assign(client: Client, world: World) -> None:
    from polmas.org.testing import person_of

    a, b = case_for(world, "in"), case_for(world, "in", title="kedua")
    bhabin = make_officer(world.unit_in, "uji.bhabin2", "bhabinkamtibmas", "T0202")
    client.force_login(world.user_in)
    client.post(
        "/kasus/massal/",
        {"ids": [a.pk, b.pk], "action": "tugaskan", "assignee": person_of(bhabin).pk},
    )
    assert set(Case.objects.values_list("status", flat=True)) == {Status.DITUGASKAN}
    client.force_login(bhabin)
    assert a.tracking_code in client.get("/kasus/?mine=on").content.decode()
    assert (
        client.post(
            "/kasus/massal/", {"ids": [case_for(world, "out").pk], "action": "verifikasi"}
        ).status_code
        == 404
    )


# ---- public pages (outside login) -------------------------------------------------------


@pytest.fixture(autouse=True)
def clear_cache() -> None:
    cache.clear()


def form_data(world: World, **kw: str) -> dict[str, str]:
    import uuid

    data = {
        "kind": "keluhan",
        "category": "lalu_lintas",
        "description": "Balap liar tiap malam di jalan raya Lohbener",
        "desa": world.desa_in.code,
        "location_text": "depan pasar",
        "privacy": "biasa",
        "reporter_name": "Siti",
        "reporter_phone": "081299990000",
        "idempotency_key": str(uuid.uuid4()),
    }
    data.update(kw)
    return data


def test_resident_reports_gets_code_and_follows_to_answer(client: Client, world: World) -> None:
    page = client.get("/lapor/")
    assert page.status_code == 200 and "Anonim" in page.content.decode()
    r = client.post("/lapor/", form_data(world))
    assert r.status_code == 302
    sent = client.get(r["Location"]).content.decode()
    case = Case.objects.get()
    assert case.tracking_code in sent and case.unit == world.unit_in
    services.reply_to_case(
        actor=world.user_in, case=case, text="Kami patroli malam ini.", public=True
    )
    services.reply_to_case(actor=world.user_in, case=case, text="internal saja", public=False)
    track = client.get(f"/lacak/{case.tracking_code.lower()}/")
    html = track.content.decode()
    assert "Kami patroli malam ini." in html and "internal saja" not in html
    assert "Siti" not in html and "081299990000" not in html and "depan pasar" not in html
    assert "Balap liar" not in html  # the description is not shown either
    assert track["X-Robots-Tag"].startswith("noindex")
    lookup = client.post("/lacak/", {"code": case.tracking_code})
    assert lookup.status_code == 302
    client.post(f"/lacak/{case.tracking_code}/tambah/", {"text": "Biasanya jam 11 malam"})
    assert case.messages.filter(text="Biasanya jam 11 malam").exists()
    services.transition_case(actor=world.user_in, case=case, name="tolak", note="Sudah ditangani")
    client.post(f"/lacak/{case.tracking_code}/nilai/", {"rating": "5", "comment": "mantap"})
    case.refresh_from_db()
    assert case.rating == 5


def test_form_errors_rerender_and_store_nothing(client: Client, world: World) -> None:
    r = client.post("/lapor/", form_data(world, description="x" * 4001))
    assert r.status_code == 200 and "4000" in r.content.decode().replace(".", "")
    r = client.post("/lapor/", form_data(world, reporter_phone="abc"))
    assert "Nomor telepon tidak valid" in r.content.decode()
    assert not Case.objects.exists()


def test_resubmission_with_same_key_is_stored_once(client: Client, world: World) -> None:
    data = form_data(world)
    client.post("/lapor/", data)
    client.post("/lapor/", data)
    assert Case.objects.count() == 1


def test_flooding_gives_429_and_stores_nothing_more(client: Client, world: World) -> None:
    statuses = [client.post("/lapor/", form_data(world)).status_code for _ in range(8)]
    assert statuses[:5] == [302] * 5 and statuses[5:] == [429] * 3
    assert Case.objects.count() == 5


def test_tracking_lookups_are_rate_limited(client: Client, world: World) -> None:
    codes = [client.post("/lacak/", {"code": "PM-2222-2222"}).status_code for _ in range(31)]
    assert codes[-1] == 429 and codes[0] == 200


def test_rahasia_case_shows_only_its_status(client: Client, world: World) -> None:
    case = case_for(world, "in", privacy=Privacy.RAHASIA)
    html = client.get(f"/lacak/{case.tracking_code}/").content.decode()
    assert case.get_status_display() in html
    assert "Kriminalitas" not in html and "Budi" not in html and "pencurian" not in html


def test_unknown_or_malformed_code_is_404(client: Client, world: World) -> None:
    assert client.get("/lacak/PM-2222-2222/").status_code == 404
    assert client.get("/lacak/hello/").status_code == 404


def test_merged_case_code_keeps_working(client: Client, world: World) -> None:
    a = case_for(world, "in")
    b = case_for(world, "in", title="kedua")
    services.transition_case(actor=world.user_in, case=b, name="gabungkan", target=a)
    services.reply_to_case(actor=world.user_in, case=a, text="Pelaku sudah diamankan.", public=True)
    html = client.get(f"/lacak/{b.tracking_code}/").content.decode()
    assert "Pelaku sudah diamankan." in html and "digabung" in html
