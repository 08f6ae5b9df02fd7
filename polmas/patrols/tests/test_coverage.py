from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from polmas.org.testing import World
from polmas.patrols import selectors, services
from polmas.patrols.demo import load_demo_patrols, remove_demo_patrols
from polmas.patrols.generate import generate
from polmas.patrols.models import (
    CoverageDaily,
    CoverageLastVisit,
    CoverageMessageDaily,
    CoverageMonthly,
    DialogueSession,
    Patrol,
    Topic,
    topic_field,
)
from polmas.patrols.testing import add_session, messages, started_patrol

pytestmark = pytest.mark.django_db


def _monthly_rows() -> set[Any]:
    topic_columns = [topic_field(t) for t in Topic.values]
    return set(
        CoverageMonthly.objects.values_list(
            "desa_id", "month", "sessions", "residents", "last_at", *topic_columns
        )
    )


def _monthly_from_daily() -> set[Any]:
    """The monthly roll-up computed in Python from the daily rows."""
    topic_columns = [topic_field(t) for t in Topic.values]
    months: dict[tuple[str, dt.date], list[Any]] = {}
    for desa, day, sessions, residents, last, *topics in CoverageDaily.objects.values_list(
        "desa_id", "day", "sessions", "residents", "last_at", *topic_columns
    ):
        row = months.setdefault((desa, day.replace(day=1)), [0, 0, None, *[0] * len(topics)])
        row[0] += sessions
        row[1] += residents
        row[2] = last if row[2] is None or (last is not None and last > row[2]) else row[2]
        for i, n in enumerate(topics):
            row[3 + i] += n
    return {(desa, month, *row) for (desa, month), row in months.items()}


def _rollup_rows() -> tuple[set[Any], set[Any], set[Any]]:
    topic_columns = [topic_field(t) for t in Topic.values]
    daily = set(
        CoverageDaily.objects.values_list(
            "desa_id", "day", "sessions", "residents", "last_at", *topic_columns
        )
    )
    per_message = set(
        CoverageMessageDaily.objects.values_list(
            "desa_id", "day", "message_id", "topic", "deliveries"
        )
    )
    last = set(CoverageLastVisit.objects.values_list("desa_id", "last_at"))
    return daily | {("month", *row) for row in _monthly_rows()}, per_message, last


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rollup_equals_direct_computation_over_random_data(world: World, seed: int) -> None:
    rng = random.Random(seed)
    today = timezone.localdate()
    generate(sessions=400, end_day=today, days=40, seed=seed, is_demo=False)
    services.rebuild_coverage()
    # Incremental writes and deletions on top of the rebuilt roll-up.
    patrol = started_patrol(world.user_in, minutes_ago=120)
    msgs = messages(4)
    made = [
        add_session(
            world.user_in,
            patrol,
            rng.choice([world.desa_in, world.desa_out]),
            minutes_ago=rng.randint(1, 100),
            audience=rng.randint(0, 30),
            message_ids=[m.pk for m in rng.sample(msgs, rng.randint(0, 3))],
        )
        for _ in range(25)
    ]
    for session in rng.sample(made, 5):
        services.delete_session(actor=world.user_in, session=session)
    generated = list(DialogueSession.objects.filter(patrol__is_demo=False)[:50])
    for session in rng.sample(generated, 5):
        services.delete_session(actor=world.user_polres, session=session)
    for _ in range(6):
        start = today - dt.timedelta(days=rng.randint(0, 45))
        period = selectors.Period(start, start + dt.timedelta(days=rng.randint(0, 30)))
        rolled = selectors.desa_figures(None, period, method="rollup")
        direct = selectors.desa_figures(None, period, method="direct")
        assert rolled == direct
        codes = [world.desa_in.code, world.desa_out.code]
        assert selectors.desa_figures(codes, period) == selectors.desa_figures(
            codes, period, method="direct"
        )
    assert selectors.last_visits(None) == selectors.last_visits(None, method="direct")
    period = selectors.Period.last_days(30)
    a = selectors.coverage_map(world.user_polres, period)
    b = selectors.coverage_map(world.user_polres, period, method="direct")
    assert [(d.code, d.last_visit, d.figures) for d in a.desa] == [
        (d.code, d.last_visit, d.figures) for d in b.desa
    ]
    assert a.units == b.units and a.total == b.total
    # The incrementally maintained tables are exactly what a rebuild produces.
    incremental = _rollup_rows()
    call_command("patrols", "rebuild-coverage")
    assert _rollup_rows() == incremental
    assert incremental[0] and incremental[2]


def test_periods_of_whole_months_equal_the_direct_computation(world: World) -> None:
    """Long periods sum the monthly roll-up for whole months and the daily one for the partial
    months at either end; after incremental writes, deletions in older months and a topic
    change, that is still exactly the computation over the sessions."""
    rng = random.Random(5)
    today = timezone.localdate()
    generate(sessions=700, end_day=today, days=130, seed=5, is_demo=False)
    services.rebuild_coverage()
    assert _monthly_rows() == _monthly_from_daily() and len(_monthly_rows()) > 100
    patrol = started_patrol(world.user_in, minutes_ago=120)
    msgs = messages(4)
    for _ in range(12):
        add_session(
            world.user_in,
            patrol,
            rng.choice([world.desa_in, world.desa_out]),
            minutes_ago=rng.randint(1, 100),
            audience=rng.randint(0, 30),
            message_ids=[m.pk for m in rng.sample(msgs, rng.randint(0, 3))],
        )
    generated = list(DialogueSession.objects.filter(patrol__is_demo=False).order_by("id")[:200])
    for session in rng.sample(generated, 10):
        services.delete_session(actor=world.user_polres, session=session)
    services.update_message(actor=world.user_polres, message=msgs[0], topic="narkoba")
    assert _monthly_rows() == _monthly_from_daily()
    first_of_month = today.replace(day=1)
    last_month_end = first_of_month - dt.timedelta(days=1)
    periods = [
        selectors.Period.last_days(365),
        selectors.Period.last_days(120),
        selectors.Period((last_month_end - dt.timedelta(days=70)).replace(day=1), last_month_end),
        selectors.Period(last_month_end.replace(day=1), today),
        selectors.Period(today - dt.timedelta(days=95), last_month_end - dt.timedelta(days=3)),
    ]
    for _ in range(4):
        start = today - dt.timedelta(days=rng.randint(0, 140))
        periods.append(selectors.Period(start, start + dt.timedelta(days=rng.randint(20, 100))))
    for period in periods:
        rolled = selectors.desa_figures(None, period)
        assert rolled == selectors.desa_figures(None, period, method="direct"), period
        codes = [world.desa_in.code, world.desa_out.code]
        assert selectors.desa_figures(codes, period) == selectors.desa_figures(
            codes, period, method="direct"
        )
    a = selectors.coverage_map(world.user_polres, selectors.Period.last_days(365))
    b = selectors.coverage_map(world.user_polres, selectors.Period.last_days(365), method="direct")
    assert [(d.code, d.last_visit, d.figures) for d in a.desa] == [
        (d.code, d.last_visit, d.figures) for d in b.desa
    ]
    incremental = _monthly_rows()
    call_command("patrols", "rebuild-coverage")
    assert _monthly_rows() == incremental


def test_polsek_sees_only_its_area(world: World) -> None:
    add_session(world.user_in, started_patrol(world.user_in), world.desa_in)
    cmap = selectors.coverage_map(world.user_out, selectors.Period.last_days(7))
    codes = {d.code for d in cmap.desa}
    assert world.desa_out.code in codes and world.desa_in.code not in codes
    assert cmap.total.sessions == 0
    assert [u.code for u in cmap.units] == ["polsek-indramayu"]


def test_demo_load_is_idempotent_and_removable(world: World) -> None:
    made = load_demo_patrols()
    assert made > 1000
    assert load_demo_patrols() == 0
    assert CoverageDaily.objects.exists()
    assert Patrol.objects.filter(is_demo=False).count() == 0
    remove_demo_patrols()
    assert not Patrol.objects.exists() and not CoverageDaily.objects.exists()


def test_campaign_progress_counts_heard_messages(world: World) -> None:
    from polmas.patrols.tests import fixtures as fx

    campaign = fx.campaign(world, "in")
    first = campaign.messages.order_by("id").first()
    assert first is not None
    add_session(world.user_in, started_patrol(world.user_in), world.desa_in, message_ids=[first.pk])
    progress = selectors.campaign_progress(world.user_in, campaign)
    assert progress.heard[world.desa_in.code] == {first.pk: 1}
    assert progress.desa_reached == 1 and len(progress.desa) > 1


def test_changing_a_message_topic_moves_its_deliveries(world: World) -> None:
    msgs = messages(3)
    patrol = started_patrol(world.user_in)
    for _ in range(3):
        add_session(world.user_in, patrol, world.desa_in, message_ids=[m.pk for m in msgs[:2]])
    services.update_message(actor=world.user_polres, message=msgs[0], topic="narkoba")
    period = selectors.Period.last_days(2)
    rolled = selectors.desa_figures(None, period)
    assert rolled == selectors.desa_figures(None, period, method="direct")
    assert rolled[world.desa_in.code].topics.get("narkoba") == 3


def test_every_topic_has_a_roll_up_column() -> None:
    names = {f.name for f in CoverageDaily._meta.get_fields()}
    assert {topic_field(t) for t in Topic.values} <= names
