"""Dialogue sessions -> cases, and the cases/hoaxes sections of the patrol briefing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from polmas.aspirations.models import Case, Origin
from polmas.core.testing import run_task_queue
from polmas.org.testing import World
from polmas.patrols.briefing import build_briefing
from polmas.patrols.models import ResidentInput
from polmas.patrols.testing import add_session, started_patrol

pytestmark = pytest.mark.django_db


def _run_queue() -> None:
    run_task_queue()


def test_resident_inputs_become_linked_cases_once(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    patrol = started_patrol(world.user_in)
    with django_capture_on_commit_callbacks(execute=True):
        session = add_session(
            world.user_in,
            patrol,
            world.desa_in,
            inputs=["Lampu jalan di gang mati sejak seminggu", "Minta patroli malam ditambah"],
        )
    _run_queue()
    cases = Case.objects.filter(origin=Origin.DIALOG).order_by("id")
    assert [c.description for c in cases] == [
        "Lampu jalan di gang mati sejak seminggu",
        "Minta patroli malam ditambah",
    ]
    assert {c.desa_id for c in cases} == {world.desa_in.code}
    assert {c.unit.code for c in cases} == {"polsek-lohbener"}
    inputs = ResidentInput.objects.filter(session=session).order_by("id")
    assert [i.linked_ref for i in inputs] == [c.tracking_code for c in cases]
    # a second delivery (or the backfill) makes no duplicate
    call_command("link_resident_inputs", verbosity=0)
    assert Case.objects.filter(origin=Origin.DIALOG).count() == 2


def test_backfill_links_inputs_recorded_while_nothing_listened(world: World) -> None:
    patrol = started_patrol(world.user_in)
    add_session(world.user_in, patrol, world.desa_in, inputs=["Parkir liar di depan pasar"])
    # on_commit never ran (test transaction), as when no receiver was connected
    assert ResidentInput.objects.filter(linked_at__isnull=True).count() == 1
    call_command("link_resident_inputs", verbosity=0)
    assert ResidentInput.objects.filter(linked_at__isnull=True).count() == 0
    assert Case.objects.get(origin=Origin.DIALOG).description == "Parkir liar di depan pasar"


def test_briefing_lists_open_cases_of_the_area(world: World) -> None:
    from polmas.aspirations.services import create_case

    inside = create_case(
        actor=None,
        description="Tawuran pelajar di lapangan",
        desa_code=world.desa_in.code,
        urgency="tinggi",
    )
    create_case(actor=None, description="Kasus di wilayah lain", desa_code=world.desa_out.code)
    from django.utils import timezone

    sections = {
        s.key: s for s in build_briefing(world.unit_in, timezone.localdate(), world.user_in)
    }
    titles = [i.title for i in sections["aspirations.open"].items]
    assert titles == [f"{inside.tracking_code} — Tawuran pelajar di lapangan"]
    assert not sections["aspirations.open"].failed
    assert "hoaxes.counter" in sections and not sections["hoaxes.counter"].failed


def test_the_case_job_commits_with_the_session_or_not_at_all(world: World) -> None:
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from polmas.aspirations.tasks import cases_from_resident_inputs
    from polmas.core.jobs import _queue_is_this_database

    if not _queue_is_this_database(cases_from_resident_inputs):
        pytest.skip("the task queue is not the database")
    patrol = started_patrol(world.user_in)
    before = DBTaskResult.objects.count()
    with transaction.atomic():
        session = add_session(world.user_in, patrol, world.desa_in, inputs=["Jalan berlubang"])
        # enqueued inside the session's transaction, not after its commit
        job = DBTaskResult.objects.get()
    assert job.args_kwargs["args"] == [[ResidentInput.objects.get(session=session).pk]]

    class AbortError(Exception):
        pass

    with pytest.raises(AbortError), transaction.atomic():
        add_session(world.user_in, patrol, world.desa_in, inputs=["Lampu mati"])
        raise AbortError
    assert DBTaskResult.objects.count() == before + 1
