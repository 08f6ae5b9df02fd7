"""Report test data: a handful of records made through the other apps' services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from polmas.aspirations.models import Case
from polmas.aspirations.services import create_case, transition_case
from polmas.core.testing import run_task_queue
from polmas.hoaxes.services.factchecks import create_local_clarification
from polmas.hoaxes.services.reports import answer_report, report_hoax
from polmas.org.models import Region
from polmas.org.testing import World
from polmas.patrols.testing import add_session, messages, started_patrol


@pytest.fixture(autouse=True)
def _afternoon(afternoon: None) -> None:
    """Every report test records and reads one day of activity (see ``afternoon``)."""


@dataclass
class Activity:
    world: World
    desa_in2: Region
    message_topics: list[str]


def run_worker() -> None:
    run_task_queue()


@pytest.fixture
def activity(world: World) -> Activity:
    """Today: 2 sessions (11 residents) in two Lohbener desa, 1 session in Indramayu;
    3 Lohbener cases (1 rejected = closed, 1 overdue), 1 Indramayu case; 2 Lohbener hoax
    reports (1 answered), 1 Indramayu report."""
    desa_in2 = (
        Region.objects.filter(parent_id=world.desa_in.parent_id, level="desa")
        .exclude(code=world.desa_in.code)
        .order_by("code")
        .first()
    )
    assert desa_in2 is not None
    msgs = messages(3)
    patrol = started_patrol(world.user_in)
    add_session(
        world.user_in, patrol, world.desa_in, audience=7, message_ids=[msgs[0].pk, msgs[1].pk]
    )
    add_session(world.user_in, patrol, desa_in2, audience=4, message_ids=[msgs[0].pk])
    patrol_out = started_patrol(world.user_out)
    add_session(world.user_out, patrol_out, world.desa_out, audience=20, message_ids=[msgs[2].pk])

    def case(desa: Region, text: str, category: str) -> Case:
        return create_case(
            actor=None, description=text, desa_code=desa.code, category_code=category, notify=False
        )

    case(world.desa_in, "Ada balap liar setiap malam minggu di jalan desa", "lalu_lintas")
    rejected = case(world.desa_in, "Motor saya hilang di depan pasar", "kriminalitas")
    overdue = case(desa_in2, "Pemuda mabuk membuat keributan di pos ronda", "ketertiban_umum")
    case(world.desa_out, "Jalan berlubang dekat alun-alun", "lalu_lintas")
    transition_case(actor=world.user_in, case=rejected, name="tolak", note="Bukan kasus.")
    Case.objects.filter(pk=overdue.pk).update(due_at=timezone.now() - dt.timedelta(hours=2))

    answered = report_hoax(
        actor=None,
        text="Pesan berantai: TPS dipindah ke balai desa",
        channel="web",
        desa=world.desa_in,
    )
    report_hoax(actor=None, text="Katanya ada razia KTP malam ini", channel="web", desa=desa_in2)
    report_hoax(actor=None, text="Isu bansos dipotong", channel="web", desa=world.desa_out)
    clarification = create_local_clarification(
        actor=world.user_in, title="TPS tidak dipindah", conclusion="Informasi itu tidak benar."
    )
    answer_report(actor=world.user_in, report=answered, factcheck=clarification)
    return Activity(world=world, desa_in2=desa_in2, message_topics=[m.topic for m in msgs])


@pytest.fixture
def today() -> dt.date:
    return timezone.localdate()


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
