"""Staff correct a case's category / urgency; each correction is kept as a triage label."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from polmas.aspirations import services
from polmas.aspirations.businesstime import WIB
from polmas.aspirations.models import Case, Category, Status, TriageLabel, Urgency
from polmas.core.models import AuditEvent
from polmas.org.testing import World, make_officer

pytestmark = pytest.mark.django_db

MONDAY_9 = dt.datetime(2024, 8, 5, 9, 0, tzinfo=WIB)
TEXT = "Tolong pak, hp saya 081234567890 dicuri orang di pasar"


def new_case(world: World, **kw: Any) -> Case:
    fields: dict[str, Any] = {
        "actor": None,
        "description": TEXT,
        "desa_code": world.desa_in.code,
        "category_code": "lalu_lintas",
        "urgency": "normal",
        "now": MONDAY_9,
    }
    fields.update(kw)
    return services.create_case(**fields)


def snapshot(case: Case) -> tuple[Any, ...]:
    case.refresh_from_db()
    return (case.category_id, case.urgency, case.due_at, case.sla_policy_id, case.status)


def test_correction_changes_the_case_retimes_it_and_is_kept_as_a_label(world: World) -> None:
    case = new_case(world, triage={"category": "lalu_lintas", "masked_text": "hp [TELEPON]"})
    normal_due = case.due_at
    services.reclassify_case(
        actor=world.user_in,
        case=case,
        category_code="kriminalitas",
        urgency=Urgency.DARURAT,
        note="pencurian, bukan lalu lintas",
        now=MONDAY_9 + dt.timedelta(minutes=5),
    )
    case.refresh_from_db()
    assert case.category.code == "kriminalitas" and case.urgency == Urgency.DARURAT
    assert case.due_at is not None and normal_due is not None and case.due_at < normal_due
    label = TriageLabel.objects.get(case=case)
    assert label.text == "hp [TELEPON]"  # the masked text, not the phone number
    assert (label.category_code, label.urgency) == ("kriminalitas", "darurat")
    assert (label.previous_category_code, label.previous_urgency) == ("lalu_lintas", "normal")
    assert label.actor == world.user_in
    event = AuditEvent.objects.for_object(case).get(verb="aspirations.case.reclassify")
    assert event.note == "pencurian, bukan lalu lintas"


def test_without_triage_the_description_is_the_label_text(world: World) -> None:
    case = new_case(world)
    services.reclassify_case(
        actor=world.user_in, case=case, category_code="kriminalitas", urgency="normal"
    )
    assert TriageLabel.objects.get(case=case).text == TEXT


@pytest.mark.parametrize(
    ("category", "urgency", "note", "message"),
    [
        ("tidak_ada", "normal", "", "Kategori tidak dikenal"),
        ("", "normal", "", "Kategori tidak dikenal"),
        ("kriminalitas", "segera", "", "Urgensi tidak dikenal"),
        ("lalu_lintas", "normal", "", "tidak ada yang diubah"),
        ("kriminalitas", "normal", "x" * 501, "Catatan paling panjang"),
    ],
)
def test_bad_corrections_are_refused_and_change_nothing(
    world: World, category: str, urgency: str, note: str, message: str
) -> None:
    case = new_case(world)
    before = snapshot(case)
    with pytest.raises(services.CaseError, match=message):
        services.reclassify_case(
            actor=world.user_in, case=case, category_code=category, urgency=urgency, note=note
        )
    assert snapshot(case) == before
    assert not TriageLabel.objects.exists()
    assert not AuditEvent.objects.filter(verb="aspirations.case.reclassify").exists()


def test_inactive_category_and_closed_case_are_refused(world: World) -> None:
    case = new_case(world)
    Category.objects.filter(code="narkoba").update(is_active=False)
    with pytest.raises(services.CaseError, match="tidak aktif"):
        services.reclassify_case(
            actor=world.user_in, case=case, category_code="narkoba", urgency="normal"
        )
    Case.objects.filter(pk=case.pk).update(status=Status.SELESAI)
    with pytest.raises(services.CaseError, match="sudah ditutup"):
        services.reclassify_case(
            actor=world.user_in, case=case, category_code="kriminalitas", urgency="normal"
        )
    assert not TriageLabel.objects.exists()


def test_case_page_form_and_errors(client: Client, world: World) -> None:
    case = new_case(world)
    client.force_login(world.user_in)
    page = client.get(f"/kasus/{case.pk}/")
    assert b"Koreksi kategori dan urgensi" in page.content
    url = f"/kasus/{case.pk}/kategori/"
    bad = client.post(url, {"category": "bukan_kategori", "urgency": "normal"}, follow=True)
    assert "Kategori atau urgensi tidak valid." in bad.content.decode()
    same = client.post(url, {"category": "lalu_lintas", "urgency": "normal"}, follow=True)
    assert "tidak ada yang diubah" in same.content.decode()
    assert not TriageLabel.objects.exists()
    ok = client.post(url, {"category": "kriminalitas", "urgency": "tinggi"}, follow=True)
    assert "disimpan untuk melatih triase" in ok.content.decode()
    case.refresh_from_db()
    assert case.category.code == "kriminalitas" and case.urgency == "tinggi"


def test_roles_outside_the_acting_ones_cannot_correct(client: Client, world: World) -> None:
    case = new_case(world)
    humas = make_officer(world.unit_in, "uji.humas.koreksi", "kasi_humas", "T0301")
    client.force_login(humas)
    response = client.post(
        f"/kasus/{case.pk}/kategori/", {"category": "kriminalitas", "urgency": "tinggi"}
    )
    assert response.status_code == 403
    assert not TriageLabel.objects.exists()


def test_export_writes_the_latest_correction_of_each_case(world: World, tmp_path: Path) -> None:
    first, second = new_case(world), new_case(world, description="Ada tawuran di lapangan")
    for code, urgency in (("kriminalitas", "tinggi"), ("narkoba", "tinggi")):
        services.reclassify_case(
            actor=world.user_in, case=first, category_code=code, urgency=urgency
        )
    services.reclassify_case(
        actor=world.user_in, case=second, category_code="ketertiban_umum", urgency="darurat"
    )
    out = tmp_path / "labels.jsonl"
    call_command("export_triage_labels", out=str(out), stderr=io.StringIO())
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"text": TEXT, "category": "narkoba", "urgency": "tinggi"},
        {"text": "Ada tawuran di lapangan", "category": "ketertiban_umum", "urgency": "darurat"},
    ]


def test_polmas_triage_train_hands_the_stored_corrections_to_the_library(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wrapper's job is the plumbing: the library's training itself is tested in triage."""
    from polmas.triage.management.commands import triage as command

    services.reclassify_case(
        actor=world.user_in, case=new_case(world), category_code="narkoba", urgency="tinggi"
    )
    seen: list[list[str]] = []
    read: list[str] = []

    def library(args: list[str]) -> int:
        seen.append(args)
        given = Path(args[args.index("--corrections") + 1]) if "--corrections" in args else None
        if given is not None and given.exists():  # the exported file lives only during the call
            read.append(given.read_text(encoding="utf-8"))
        return 0

    monkeypatch.setattr(command, "main", library)
    for argv in (
        ["polmas", "triage", "train", "--out", "x"],
        ["polmas", "triage", "train", "--corrections", "mine.jsonl"],
    ):
        with pytest.raises(SystemExit) as stop:
            command.Command().run_from_argv(argv)
        assert stop.value.code == 0
    assert seen[0][:3] == ["train", "--out", "x"] and seen[0][3] == "--corrections"
    assert json.loads(read[0]) == {"text": TEXT, "category": "narkoba", "urgency": "tinggi"}
    assert seen[1] == ["train", "--corrections", "mine.jsonl"]  # the staff's own file wins
