"""An officer's category / urgency chosen at desk intake against the triage's suggestion is kept
as a triage label, whether the triage runs inline or in the job after the case is stored.

These tests run the real triage library and the real database queue: the suggestions below are
what `polmas.triage` says for these texts (asserted, so a change in the models shows here)."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from polmas.aspirations import services
from polmas.aspirations.models import Case, LabelSource, Origin, TriageLabel, Urgency
from polmas.aspirations.services.labels import DeskChoice, record_desk_choice
from polmas.aspirations.tasks import triage_case
from polmas.core.models import AuditEvent
from polmas.core.testing import run_task_queue
from polmas.org.testing import World

pytestmark = pytest.mark.django_db

# A theft told of the past: tinggi by the rules and by the guide ("Tolong pak, … dicuri" reads as
# darurat since the seed-label model of 6 Dec 2026: a call for help with a theft).
THEFT = "Lapor pak, hp saya 081234567890 dicuri orang di pasar tadi pagi"
THEFT_MASKED = "Lapor pak, hp saya [TELEPON] dicuri orang di pasar tadi pagi"


def take(world: World, capture: Any, **kw: Any) -> Case:
    """A phone intake by the in-scope officer; queued jobs run on the real database worker."""
    fields: dict[str, Any] = {
        "actor": world.user_in,
        "origin": Origin.TELEPON,
        "description": THEFT,
        "desa_code": world.desa_in.code,
    }
    fields.update(kw)
    with capture(execute=True):
        case = services.take_case(**fields)
    run_task_queue()
    case.refresh_from_db()
    return case


def test_the_suggestion_used_below_is_the_real_triage() -> None:
    result = services.apply_triage(THEFT)
    assert result is not None
    assert (result["category"], result["urgency"]) == ("kriminalitas", "tinggi")
    assert result["masked_text"] == THEFT_MASKED


def test_both_chosen_against_the_suggestion_the_job_keeps_a_label(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    case = take(
        world,
        django_capture_on_commit_callbacks,
        category_code="lalu_lintas",
        urgency=Urgency.NORMAL,
    )
    assert case.triage is not None and case.triage["category"] == "kriminalitas"  # by the job
    assert (case.category.code, case.urgency) == ("lalu_lintas", Urgency.NORMAL)  # staff's
    label = TriageLabel.objects.get(case=case)
    assert label.source == LabelSource.DESK_INTAKE
    assert (label.category_code, label.urgency) == ("lalu_lintas", Urgency.NORMAL)
    assert (label.previous_category_code, label.previous_urgency) == ("kriminalitas", "tinggi")
    assert label.text == THEFT_MASKED  # never the phone number
    assert label.actor == world.user_in


def test_one_field_chosen_the_triage_runs_inline_and_the_label_is_kept_at_once(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:  # nothing may wait for a job
        case = services.take_case(
            actor=world.user_in,
            origin=Origin.DATANG,
            description=THEFT,
            desa_code=world.desa_in.code,
            urgency=Urgency.DARURAT,
        )
    label = TriageLabel.objects.get(case=case)
    assert (label.category_code, label.urgency) == ("kriminalitas", Urgency.DARURAT)
    assert label.previous_urgency == "tinggi"
    assert not any("triage_case" in repr(c) for c in callbacks)


def test_a_choice_that_agrees_with_the_suggestion_is_no_label(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    take(world, django_capture_on_commit_callbacks, category_code="kriminalitas", urgency="tinggi")
    take(world, django_capture_on_commit_callbacks, category_code="kriminalitas")
    take(world, django_capture_on_commit_callbacks)  # nothing chosen: the triage decided
    assert not TriageLabel.objects.exists()


def test_a_resident_choosing_a_category_is_no_label(world: World) -> None:
    """Only staff correct the machine; a resident's pick on the public form is not a label."""
    case = services.create_case(
        actor=None, description=THEFT, desa_code=world.desa_in.code, category_code="lalu_lintas"
    )
    assert case.category.code == "lalu_lintas" and case.triage is not None
    assert not TriageLabel.objects.exists()


def test_the_job_twice_or_after_a_correction_adds_nothing(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    case = take(
        world, django_capture_on_commit_callbacks, category_code="narkoba", urgency="tinggi"
    )
    choice: DeskChoice = {"category": "narkoba", "urgency": "tinggi"}
    triage_case.call(case.pk, choice)  # a retried job
    assert TriageLabel.objects.filter(case=case).count() == 1

    corrected = take(
        world, django_capture_on_commit_callbacks, category_code="narkoba", urgency="tinggi"
    )
    TriageLabel.objects.filter(case=corrected).delete()  # as if the job had not run yet
    services.reclassify_case(
        actor=world.user_in, case=corrected, category_code="lalu_lintas", urgency="normal"
    )
    assert record_desk_choice(corrected.pk, choice) is None  # the correction is newer
    labels = list(TriageLabel.objects.filter(case=corrected))
    assert [(x.source, x.category_code) for x in labels] == [
        (LabelSource.CORRECTION, "lalu_lintas")
    ]


def test_no_usable_triage_no_label(world: World) -> None:
    case = services.create_case(
        actor=world.user_in,
        description=THEFT,
        desa_code=world.desa_in.code,
        category_code="narkoba",
        urgency="tinggi",
    )
    choice: Any = {"category": "narkoba", "urgency": "tinggi"}
    for stored in (None, {"raw": "x"}, {"category": "", "urgency": "tinggi"}, ["kriminalitas"]):
        Case.objects.filter(pk=case.pk).update(triage=stored)
        assert record_desk_choice(case.pk, choice) is None
    assert record_desk_choice(10**9, choice) is None  # a case that is gone
    assert not TriageLabel.objects.exists()


def test_the_intake_page_and_the_export_carry_desk_labels(
    client: Client, world: World, django_capture_on_commit_callbacks: Any, tmp_path: Path
) -> None:
    client.force_login(world.user_in)
    form = {
        "origin": "telepon",
        "kind": "keluhan",
        "category": "ketertiban_umum",
        "urgency": "",
        "description": THEFT,
        "desa": world.desa_in.code,
        "location_text": "",
        "privacy": "biasa",
        "reporter_name": "Warga",
        "reporter_phone": "081234567890",
        "reply_channel": "web",
        "idempotency_key": str(uuid.uuid4()),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kasus/baru/", form)
    assert response.status_code == 302
    case = Case.objects.get(description=THEFT)
    label = TriageLabel.objects.get(case=case)
    assert (label.category_code, label.previous_category_code) == (
        "ketertiban_umum",
        "kriminalitas",
    )
    out = tmp_path / "labels.jsonl"
    call_command("export_triage_labels", out=str(out), stderr=io.StringIO())
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == [
        {"text": THEFT_MASKED, "category": "ketertiban_umum", "urgency": "tinggi"}
    ]


def test_an_administrator_reviews_and_deletes_labels_but_cannot_rewrite_them(
    client: Client, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    from django.contrib.auth import get_user_model

    case = take(
        world, django_capture_on_commit_callbacks, category_code="narkoba", urgency="tinggi"
    )
    label = TriageLabel.objects.get(case=case)
    admin = get_user_model().objects.create_superuser("admin.labels", "a@polmas.test", "x" * 16)
    client.force_login(admin)
    listing = client.get("/admin/aspirations/triagelabel/?source=pencatatan")
    assert listing.status_code == 200 and "narkoba" in listing.content.decode()
    url = f"/admin/aspirations/triagelabel/{label.pk}/change/"
    client.post(url, {"category_code": "hoaks", "urgency": "rendah"})
    label.refresh_from_db()
    assert (label.category_code, label.urgency) == ("narkoba", "tinggi")
    client.post(f"/admin/aspirations/triagelabel/{label.pk}/delete/", {"post": "yes"})
    assert not TriageLabel.objects.filter(pk=label.pk).exists()
    deleted = AuditEvent.objects.get(verb="triagelabel.delete")
    assert deleted.actor == admin and (deleted.before or {})["category_code"] == "narkoba"
