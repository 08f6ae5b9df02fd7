"""Generated patrols and sessions over the deployment (demo data and benchmarks).

Reproducible (fixed seed), fast (bulk inserts, no per-row services), and marked `is_demo` when
asked. The coverage roll-up is rebuilt afterwards with `rebuild_coverage`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from shapely.geometry import Point, shape

from polmas.core.formatting import WIB
from polmas.org.models import Person, Rank, Region, RegionLevel, Unit, UnitLevel
from polmas.patrols import workflow
from polmas.patrols.defaults import ensure_default_catalog
from polmas.patrols.models import (
    AudienceGroup,
    DialogueSession,
    InputKind,
    KamtibmasMessage,
    Patrol,
    PatrolStatus,
    PatrolType,
    ResidentInput,
    SessionMessage,
)

DEMO_NRP_PREFIX = "DEMOP"
POINTS_PER_DESA = 6
INPUT_TEXTS = (
    (InputKind.KELUHAN, "Lampu penerangan jalan di gang mati sudah seminggu"),
    (InputKind.KELUHAN, "Balap liar tiap malam Minggu di jalan desa"),
    (InputKind.ASPIRASI, "Warga minta ronda malam dihidupkan lagi"),
    (InputKind.MASUKAN, "Perlu sosialisasi cara mengenali hoaks untuk ibu-ibu pengajian"),
    (InputKind.ASPIRASI, "Mohon polisi hadir saat kampanye di lapangan desa"),
    (InputKind.KELUHAN, "Ada pesan berantai soal politik uang di grup WhatsApp RT"),
)
SHIFT_HOURS = (8, 9, 13, 16, 19, 20, 21)


@dataclass
class _UnitPlan:
    unit: Unit
    leader: Person
    desa: list[str]


def _sample_points(geometry: dict[str, object], rng: random.Random) -> list[tuple[float, float]]:
    geom = shape(geometry)
    minx, miny, maxx, maxy = geom.bounds
    points: list[tuple[float, float]] = []
    for _ in range(200):
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if geom.contains(Point(x, y)):
            points.append((round(y, 6), round(x, 6)))
            if len(points) == POINTS_PER_DESA:
                break
    if not points:
        p = geom.representative_point()
        points.append((float(p.y), float(p.x)))
    return points


def _plans(is_demo: bool) -> list[_UnitPlan]:
    desa_by_kec: dict[str, list[str]] = {}
    for code, parent in Region.objects.filter(
        level=RegionLevel.DESA, boundary__isnull=False
    ).values_list("code", "parent_id"):
        desa_by_kec.setdefault(str(parent), []).append(code)
    plans = []
    units = Unit.objects.filter(level=UnitLevel.POLSEK).prefetch_related("jurisdiction")
    for unit in units.order_by("code"):
        desa = [d for r in unit.jurisdiction.all() for d in desa_by_kec.get(r.code, [])]
        if not desa:
            continue
        nrp = f"{DEMO_NRP_PREFIX}{unit.pk:05d}"
        leader, _ = Person.objects.get_or_create(
            nrp=nrp,
            defaults={
                "full_name": f"Ketua Tim {unit.name}",
                "rank": Rank.BRIPKA,
                "position": "Personil Samapta",
                "unit": unit,
                "is_demo": is_demo,
            },
        )
        plans.append(_UnitPlan(unit, leader, sorted(desa)))
    return plans


def generate(
    *,
    sessions: int,
    end_day: dt.date,
    days: int,
    seed: int = 20240123,
    is_demo: bool = True,
    batch_patrols: int = 2000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Create about `sessions` dialogue sessions (3–5 per patrol) over `days` days ending on
    `end_day`. Returns the number of sessions created."""
    rng = random.Random(seed)
    ensure_default_catalog()
    plans = _plans(is_demo)
    geometry = dict(
        Region.objects.filter(level=RegionLevel.DESA, boundary__isnull=False).values_list(
            "code", "boundary"
        )
    )
    points = {code: _sample_points(geo, rng) for code, geo in sorted(geometry.items()) if geo}
    kecamatan = {code: code.rsplit(".", 1)[0] for code in geometry}
    messages = list(KamtibmasMessage.objects.filter(deleted_at__isnull=True).order_by("id"))
    all_desa = sorted(geometry)
    groups = [g.value for g in AudienceGroup]
    made = 0
    while made < sessions:
        patrols: list[Patrol] = []
        sizes: list[int] = []
        for _ in range(batch_patrols):
            if made + sum(sizes) >= sessions:
                break
            plan = rng.choice(plans)
            day = end_day - dt.timedelta(days=rng.randrange(days))
            start = dt.datetime.combine(
                day, dt.time(rng.choice(SHIFT_HOURS), rng.randrange(60)), WIB
            )
            size = min(rng.randint(3, 5), sessions - made - sum(sizes))
            end = start + dt.timedelta(minutes=30 * size + 15)
            patrols.append(
                Patrol(
                    unit=plan.unit,
                    leader=plan.leader,
                    patrol_type=rng.choice(
                        [PatrolType.DIALOG] * 4 + [PatrolType.SAMBANG, PatrolType.COOLING_SYSTEM]
                    ),
                    planned_start=start,
                    planned_end=end,
                    actual_start=start,
                    actual_end=end,
                    shift=workflow.shift_for(start),
                    status=PatrolStatus.DONE,
                    is_demo=is_demo,
                )
            )
            sizes.append(size)
        with transaction.atomic():
            Patrol.objects.bulk_create(patrols, batch_size=1000)
            plan_by_unit = {p.unit.pk: p for p in plans}
            rows: list[DialogueSession] = []
            picks: list[list[KamtibmasMessage]] = []
            for patrol, size in zip(patrols, sizes, strict=True):
                plan = plan_by_unit[patrol.unit_id]
                for i in range(size):
                    desa = rng.choice(plan.desa) if rng.random() < 0.92 else rng.choice(all_desa)
                    lat, lng = rng.choice(points[desa])
                    at = patrol.planned_start + dt.timedelta(minutes=30 * i + rng.randrange(20))
                    audience = {g: rng.randint(1, 8) for g in rng.sample(groups, rng.randint(1, 3))}
                    rows.append(
                        DialogueSession(
                            patrol_id=patrol.pk,
                            unit_id=patrol.unit_id,
                            occurred_at=at,
                            day=at.astimezone(WIB).date(),
                            lat=lat,
                            lng=lng,
                            accuracy_m=float(rng.randint(5, 40)),
                            desa_id=desa,
                            kecamatan_id=kecamatan[desa],
                            audience_total=sum(audience.values()),
                            audience_groups=audience,
                            is_demo=is_demo,
                        )
                    )
                    picks.append(rng.sample(messages, rng.randint(1, 3)) if messages else [])
            DialogueSession.objects.bulk_create(rows, batch_size=2000)
            links = [
                SessionMessage(session_id=s.pk, message_id=m.pk)
                for s, chosen in zip(rows, picks, strict=True)
                for m in chosen
            ]
            SessionMessage.objects.bulk_create(links, batch_size=4000)
            inputs = []
            for s in rows:
                if rng.random() < 0.12:
                    kind, text = rng.choice(INPUT_TEXTS)
                    inputs.append(
                        ResidentInput(
                            session_id=s.pk,
                            unit_id=s.unit_id,
                            desa_id=s.desa_id,
                            kind=kind,
                            text=text,
                        )
                    )
            ResidentInput.objects.bulk_create(inputs, batch_size=4000)
        made += len(rows)
        if progress:
            progress(made)
    return made
