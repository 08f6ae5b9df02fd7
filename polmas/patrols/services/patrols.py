"""Planning, changing and moving patrols through their states."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.core.audit import changed, record_event, snapshot
from polmas.core.formatting import long_datetime
from polmas.org.models import Person, Unit, UnitLevel
from polmas.patrols import workflow
from polmas.patrols.models import Campaign, Patrol, PatrolStatus, PatrolType
from polmas.patrols.services.common import (
    FIELD_ROLES,
    Conflict,
    InvalidInput,
    check_replay,
    require_role,
    require_unit_in_scope,
    valid_moment,
)
from polmas.patrols.services.sessions import CLOCK_SKEW

PATROL_UNIT_LEVELS = (UnitLevel.POLSEK, UnitLevel.POS, UnitLevel.POLRES)
UPDATABLE = ("patrol_type", "area_note", "planned_start", "planned_end", "note", "campaign")
AUDITED = [
    "unit_id",
    "leader_id",
    "patrol_type",
    "area_note",
    "campaign_id",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "shift",
    "status",
    "note",
]


def _check_people(unit: Unit, leader: Person, members: list[Person]) -> None:
    for person in [leader, *members]:
        if not person.unit.path.startswith(unit.path) and not unit.path.startswith(
            person.unit.path
        ):
            raise InvalidInput(
                _("%(person)s bukan personel %(unit)s.") % {"person": person, "unit": unit.name},
                field="members",
            )


def _check_times(start: dt.datetime, end: dt.datetime | None) -> None:
    if end is not None and end <= start:
        raise InvalidInput(_("Rencana selesai harus setelah rencana mulai."), field="planned_end")


def create_patrol(
    *,
    actor: Any,
    unit: Unit,
    leader: Person,
    members: list[Person] | None = None,
    patrol_type: str = PatrolType.DIALOG,
    planned_start: dt.datetime | None = None,
    planned_end: dt.datetime | None = None,
    area_note: str = "",
    campaign: Campaign | None = None,
    note: str = "",
    start_now: bool = False,
    idempotency_key: uuid.UUID | None = None,
    digest: str = "",
    is_demo: bool = False,
) -> tuple[Patrol, bool]:
    """Plan (or plan and start) a patrol. Returns (patrol, replayed)."""
    require_role(actor, FIELD_ROLES)
    require_unit_in_scope(actor, unit)
    if idempotency_key is not None:
        existing = Patrol.objects.filter(created_by=actor, idempotency_key=idempotency_key).first()
        if existing is not None:
            return check_replay(existing, digest), True
    if unit.level not in PATROL_UNIT_LEVELS:
        raise InvalidInput(_("Patroli direncanakan oleh Polres, Polsek atau Pos."), field="unit")
    if patrol_type not in PatrolType.values:
        raise InvalidInput(_("Jenis patroli tidak dikenal."), field="patrol_type")
    members = [m for m in (members or []) if m.pk != leader.pk]
    _check_people(unit, leader, members)
    now = timezone.now()
    start = now if planned_start is None else valid_moment(planned_start, field="planned_start")
    if planned_end is not None:
        planned_end = valid_moment(planned_end, field="planned_end")
    _check_times(start, planned_end)
    patrol = Patrol(
        unit=unit,
        leader=leader,
        patrol_type=patrol_type,
        planned_start=start,
        planned_end=planned_end,
        area_note=area_note.strip(),
        campaign=campaign,
        note=note.strip(),
        shift=workflow.shift_for(start),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        idempotency_key=idempotency_key,
        request_hash=digest,
        is_demo=is_demo or bool(getattr(getattr(actor, "person", None), "is_demo", False)),
    )
    if start_now:
        patrol.status, patrol.actual_start = PatrolStatus.ACTIVE, now
        patrol.shift = workflow.shift_for(now)
    try:
        with transaction.atomic():
            patrol.save(force_insert=True)
            patrol.members.set(members)
            record_event(
                actor=actor,
                verb="patrol.create",
                target=patrol,
                after={**snapshot(patrol, AUDITED), "members": [m.pk for m in members]},
            )
    except IntegrityError:
        existing = Patrol.objects.filter(
            created_by=patrol.created_by, idempotency_key=idempotency_key
        ).first()
        if idempotency_key is None or existing is None:
            raise
        return check_replay(existing, digest), True
    return patrol, False


@transaction.atomic
def update_patrol(
    *, actor: Any, patrol: Patrol, members: list[Person] | None = None, **fields: Any
) -> Patrol:
    require_role(actor, FIELD_ROLES)
    require_unit_in_scope(actor, patrol.unit)
    if patrol.status not in workflow.EDITABLE:
        raise Conflict(
            _("Patroli berstatus %(status)s tidak dapat diubah.")
            % {"status": patrol.get_status_display()}
        )
    unknown = set(fields) - set(UPDATABLE)
    if unknown:
        raise InvalidInput(_("Kolom tidak dapat diubah: %(f)s") % {"f": ", ".join(sorted(unknown))})
    before = snapshot(patrol, AUDITED)
    before_members = sorted(patrol.members.values_list("id", flat=True))
    for name, value in fields.items():
        if name in ("planned_start", "planned_end") and value is not None:
            value = valid_moment(value, field=name)
        elif value is None and name not in ("planned_end", "campaign"):
            raise InvalidInput(_("Kolom %(f)s tidak boleh kosong.") % {"f": name}, field=name)
        setattr(patrol, name, value)
    if patrol.patrol_type not in PatrolType.values:
        raise InvalidInput(_("Jenis patroli tidak dikenal."), field="patrol_type")
    _check_times(patrol.planned_start, patrol.planned_end)
    if patrol.actual_start is None:
        patrol.shift = workflow.shift_for(patrol.planned_start)
    patrol.save()
    after = snapshot(patrol, AUDITED)
    if members is not None:
        members = [m for m in members if m.pk != patrol.leader_id]
        _check_people(patrol.unit, patrol.leader, members)
        patrol.members.set(members)
        before["members"], after["members"] = before_members, sorted(m.pk for m in members)
    old, new = changed(before, after)
    if new:
        record_event(actor=actor, verb="patrol.update", target=patrol, before=old, after=new)
    return patrol


@transaction.atomic
def transition_patrol(
    *, actor: Any, patrol: Patrol, action: str, at: dt.datetime | None = None, note: str = ""
) -> Patrol:
    """start / end / cancel, as the transition table allows."""
    require_role(actor, FIELD_ROLES)
    require_unit_in_scope(actor, patrol.unit)
    patrol = Patrol.objects.select_for_update().get(pk=patrol.pk)
    transition = workflow.transition_for(patrol.status, action)
    if transition is None:
        raise Conflict(
            _("Tindakan '%(action)s' tidak berlaku untuk patroli berstatus %(status)s.")
            % {"action": action, "status": patrol.get_status_display()}
        )
    now = timezone.now()
    moment = now if at is None else valid_moment(at, field="at")
    if moment > now + CLOCK_SKEW:
        raise InvalidInput(_("Waktu tidak boleh di masa depan."), field="at")
    before = snapshot(patrol, AUDITED)
    if action == "start":
        patrol.actual_start = moment
        patrol.shift = workflow.shift_for(moment)
    elif action == "end":
        assert patrol.actual_start is not None
        last = patrol.sessions.filter(deleted_at__isnull=True).aggregate(m=Max("occurred_at"))["m"]
        floor = max(patrol.actual_start, last) if last else patrol.actual_start
        if moment < floor:
            raise InvalidInput(
                _("Waktu selesai (%(at)s) sebelum mulai patroli atau sesi terakhir (%(floor)s).")
                % {"at": long_datetime(moment), "floor": long_datetime(floor)},
                field="at",
            )
        patrol.actual_end = moment
    patrol.status = transition.target
    if note:
        patrol.note = (patrol.note + "\n" + note).strip()
    patrol.save()
    old, new = changed(before, snapshot(patrol, AUDITED))
    record_event(
        actor=actor, verb=f"patrol.{action}", target=patrol, before=old, after=new, note=note
    )
    return patrol
