from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from polmas.aspirations import services
from polmas.aspirations.businesstime import WIB
from polmas.aspirations.models import (
    Case,
    CaseMessage,
    DeliveryStatus,
    MessageKind,
    Origin,
    Privacy,
    SlaStage,
    Status,
)
from polmas.core.models import AuditEvent
from polmas.org.testing import World, make_officer, person_of

pytestmark = pytest.mark.django_db

MONDAY_9 = dt.datetime(2024, 8, 5, 9, 0, tzinfo=WIB)


def new_case(world: World, **kw: object) -> Case:
    defaults: dict[str, object] = {
        "actor": None,
        "description": "Ada balap liar setiap malam minggu di jalan desa",
        "desa_code": world.desa_in.code,
        "category_code": "lalu_lintas",
        "now": MONDAY_9,
    }
    defaults.update(kw)
    return services.create_case(**defaults)  # type: ignore[arg-type]


def test_case_is_routed_to_the_polsek_of_its_desa_with_deadline(world: World) -> None:
    case = new_case(world)
    assert case.unit == world.unit_in
    assert case.status == Status.BARU and case.sla_stage == SlaStage.VERIFIKASI
    # normal policy: 24 working hours = 3 working days -> Thursday 09:00
    assert case.due_at == dt.datetime(2024, 8, 8, 9, 0, tzinfo=WIB)
    assert AuditEvent.objects.for_object(case).filter(verb="aspirations.case.created").exists()
    notice = CaseMessage.objects.get(case=case)
    assert case.tracking_code in notice.text and notice.delivery_status == DeliveryStatus.SHOWN


def test_point_is_routed_through_its_desa(world: World) -> None:
    lat, lng = world.desa_in.lat, world.desa_in.lng
    assert lat is not None and lng is not None
    from polmas.org.regions import locate_point

    if locate_point(lat, lng).desa != world.desa_in:
        pytest.skip("centroid lies outside its polygon")
    case = new_case(world, desa_code=None, lat=lat, lng=lng)
    assert case.desa == world.desa_in and case.unit == world.unit_in


def test_unknown_location_goes_to_the_polres_triage_queue(world: World) -> None:
    case = new_case(world, desa_code=None, location_text="entah di mana")
    assert case.unit == world.polres and case.desa is None
    far = new_case(world, desa_code=None, lat=-8.6, lng=115.2)  # Bali
    assert far.unit == world.polres


def test_validation_errors_in_indonesian(world: World) -> None:
    with pytest.raises(services.CaseError, match="wajib diisi"):
        new_case(world, description="  ")
    with pytest.raises(services.CaseError, match="terlalu panjang"):
        new_case(world, description="x" * 4001)
    with pytest.raises(services.CaseError, match="tidak dikenal"):
        new_case(world, category_code="bukan_kategori")
    assert not Case.objects.exists()


def test_idempotency_key_replays_and_conflicts(world: World) -> None:
    key = uuid.uuid4()
    a = new_case(world, idempotency_key=key)
    b = new_case(world, idempotency_key=str(key))
    assert a.pk == b.pk and Case.objects.count() == 1
    with pytest.raises(services.IdempotencyConflict):
        new_case(world, idempotency_key=key, description="lain sama sekali")


def test_full_workflow_is_audited_and_deadlines_follow_stages(world: World) -> None:
    case = new_case(world)
    officer = make_officer(world.unit_in, "uji.bhabin", "bhabinkamtibmas", "T0101")
    t1 = MONDAY_9 + dt.timedelta(hours=1)
    case = services.transition_case(actor=world.user_in, case=case, name="verifikasi", now=t1)
    assert case.due_at == dt.datetime(2024, 8, 8, 9, 0, tzinfo=WIB)  # same stage keeps its clock
    case = services.transition_case(
        actor=world.user_in, case=case, name="tugaskan", assignee=person_of(officer), now=t1
    )
    assert case.sla_stage == SlaStage.TINDAK_LANJUT
    assert case.due_at == dt.datetime(2024, 8, 12, 10, 0, tzinfo=WIB)  # 40 h: next Monday 10:00
    case = services.transition_case(actor=officer, case=case, name="tindak_lanjut", now=t1)
    case = services.transition_case(
        actor=officer, case=case, name="selesaikan", note="Patroli malam sudah dijadwalkan.", now=t1
    )
    assert case.status == Status.SELESAI and case.due_at is None and case.closed_at == t1
    verbs = list(
        AuditEvent.objects.for_object(case)
        .order_by("created_at", "id")
        .values_list("verb", flat=True)
    )
    assert verbs == [
        "aspirations.case.created",
        "aspirations.case.verifikasi",
        "aspirations.case.tugaskan",
        "aspirations.case.tindak_lanjut",
        "aspirations.case.selesaikan",
    ]
    public = case.messages.filter(kind=MessageKind.PUBLIC_REPLY)
    assert public.get().text == "Patroli malam sudah dijadwalkan."


def test_disallowed_and_incomplete_transitions(world: World) -> None:
    case = new_case(world)
    with pytest.raises(services.CaseError, match="tidak dapat dilakukan"):
        services.transition_case(actor=world.user_in, case=case, name="selesaikan", note="x")
    with pytest.raises(services.CaseError, match="Wajib diisi"):
        services.transition_case(actor=world.user_in, case=case, name="tolak")
    with pytest.raises(Http404):
        services.transition_case(actor=world.user_out, case=case, name="verifikasi")
    humas = make_officer(world.unit_in, "uji.humas", "kasi_humas", "T0102")
    with pytest.raises(PermissionDenied):
        services.transition_case(actor=humas, case=case, name="verifikasi")
    case = services.transition_case(
        actor=world.user_in, case=case, name="tolak", note="Bukan laporan"
    )
    assert case.status == Status.DITOLAK and case.status_note == "Bukan laporan"


def test_pause_stops_the_clock_and_reporter_answer_resumes(world: World) -> None:
    case = new_case(world)  # due Thursday 09:00, 24 h of work
    tuesday_9 = MONDAY_9 + dt.timedelta(days=1)  # 8 h used, 16 h left
    case = services.transition_case(
        actor=world.user_in, case=case, name="tunda", note="Di RT berapa tepatnya?", now=tuesday_9
    )
    assert case.status == Status.DITUNDA and case.due_at is None
    assert case.remaining_seconds == 16 * 3600
    assert not Case.objects.overdue(tuesday_9 + dt.timedelta(days=30)).exists()
    services.add_reporter_info(case=case, text="RT 03 dekat masjid")
    case.refresh_from_db()
    assert case.status == Status.BARU and case.due_at is not None
    assert case.remaining_seconds is None


def test_escalation_moves_to_parent_unit(world: World) -> None:
    case = new_case(world)
    case = services.transition_case(
        actor=world.user_in, case=case, name="eskalasi", note="Perlu Polres"
    )
    assert case.unit == world.polres and case.escalation_level == 1 and case.status == Status.BARU
    with pytest.raises(services.CaseError, match="tertinggi"):
        for _ in range(5):
            case = services.transition_case(
                actor=world.user_polres, case=case, name="eskalasi", note="naik"
            )


def test_merge_keeps_the_reporter_informed(world: World) -> None:
    first = new_case(world, reply_channel="whatsapp", reply_address="6281200000001")
    second = new_case(world, description="Balap liar tiap malam minggu di jalan desa kami")
    merged = services.transition_case(
        actor=world.user_in, case=second, name="gabungkan", target=first
    )
    assert merged.status == Status.DUPLIKAT and merged.merged_into == first
    services.reply_to_case(actor=world.user_in, case=first, text="Sudah kami tindak.", public=True)
    assert merged.messages.filter(text="Sudah kami tindak.").exists()
    wa = first.messages.get(text="Sudah kami tindak.")
    assert wa.channel == "whatsapp" and wa.delivery_status == DeliveryStatus.PENDING
    with pytest.raises(services.CaseError):
        services.transition_case(actor=world.user_in, case=first, name="gabungkan", target=first)


def test_forwarding_records_agency_and_text(world: World) -> None:
    case = new_case(world, category_code="non_kepolisian", description="Jalan rusak parah")
    case = services.transition_case(
        actor=world.user_in,
        case=case,
        name="teruskan",
        agency="Pemda Indramayu (DPUPR)",
        sent_text="Mohon perbaikan jalan desa",
        note="",
    )
    assert case.status == Status.DITERUSKAN and case.forwarded_to.startswith("Pemda")
    ev = AuditEvent.objects.for_object(case).get(verb="aspirations.case.teruskan")
    assert ev.after is not None and ev.after["forwarded_text"] == "Mohon perbaikan jalan desa"


def test_deadline_job_reminds_then_escalates_once(world: World) -> None:
    case = new_case(world)  # due Thursday 2024-08-08 09:00
    wednesday = dt.datetime(2024, 8, 7, 15, 0, tzinfo=WIB)  # > 75 % of 24 h used
    run = services.check_deadlines(now=wednesday)
    assert run.reminded == 1 and run.breached == 0
    assert services.check_deadlines(now=wednesday).reminded == 0
    friday = dt.datetime(2024, 8, 9, 9, 0, tzinfo=WIB)
    run = services.check_deadlines(now=friday)
    assert run.breached == 1 and run.escalated == 1
    case.refresh_from_db()
    assert case.unit == world.polres and case.breached_at == friday
    assert services.check_deadlines(now=friday).breached == 0
    assert Case.objects.overdue(friday).filter(pk=case.pk).exists()
    # The Polsek still sees it through its desa, overdue.
    assert Case.objects.restrict(world.user_in).overdue(friday).filter(pk=case.pk).exists()


def test_rating_only_after_closing_and_once(world: World) -> None:
    case = new_case(world)
    with pytest.raises(services.CaseError):
        services.rate_case(case=case, rating=5)
    case = services.transition_case(actor=world.user_in, case=case, name="tolak", note="bukan")
    with pytest.raises(services.CaseError):
        services.rate_case(case=case, rating=6)
    services.rate_case(case=case, rating=4, comment="cepat")
    with pytest.raises(services.CaseError, match="sudah dinilai"):
        services.rate_case(case=case, rating=3)


def test_reporter_identity_is_never_in_the_audit_trail(world: World) -> None:
    case = new_case(
        world,
        privacy=Privacy.ANONIM,
        reporter_name="Siti Aminah",
        reporter_phone="081234567890",
        origin=Origin.WEB,
    )
    for ev in AuditEvent.objects.all():
        blob = f"{ev.before} {ev.after} {ev.note} {ev.target_label}"
        assert "Siti" not in blob and "081234567890" not in blob
    assert case.reporter_name == "Siti Aminah"


def test_triage_decides_what_the_intake_left_open(world: World) -> None:
    """The real library: its result is stored whole, and it picks category and urgency."""
    from polmas.triage import analyse

    assert services.apply_triage("teks") == analyse("teks").as_dict()
    case = new_case(world, category_code=None, description="ada yang jual sabu")
    assert case.category.code == "narkoba" and case.urgency == "tinggi"
    assert case.triage == analyse("ada yang jual sabu").as_dict()
    assert case.triage is not None and (case.triage["category"], case.triage["urgency"]) == (
        "narkoba",
        "tinggi",
    )


def test_open311_keys_are_hashed(world: World) -> None:
    raw = services.issue_open311_key(actor=None, name="aplikasi-uji")
    from polmas.aspirations.models import Open311Key

    key = Open311Key.objects.get()
    assert raw not in key.key_hash and services.authenticate_open311_key(raw) == key
    assert services.authenticate_open311_key(raw + "x") is None
    assert services.authenticate_open311_key("") is None
