"""SLA: which policy applies, and where a case's deadline lies for its current stage.

Stages: verifikasi (baru/diverifikasi, from creation), tindak_lanjut (ditugaskan, from
assignment), penyelesaian (ditindaklanjuti, from the start of follow-up). Closed cases have no
deadline. In ditunda the clock stops: the remaining working time is stored and a new deadline is
set from the moment the case resumes.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from polmas.aspirations.businesstime import WorkCalendar, parse_weekdays
from polmas.aspirations.lookups import memo
from polmas.aspirations.models import Case, SlaPolicy, SlaStage, Status

STAGE_FOR_STATUS = {
    Status.BARU: SlaStage.VERIFIKASI,
    Status.DIVERIFIKASI: SlaStage.VERIFIKASI,
    Status.DITUGASKAN: SlaStage.TINDAK_LANJUT,
    Status.DITINDAKLANJUTI: SlaStage.PENYELESAIAN,
}


def policy_for(category_id: int | None, urgency: str) -> SlaPolicy | None:
    """The most specific policy: category+urgency, category, urgency, then the catch-all."""
    # Keys are a known category's id and a validated urgency (bounded), and "no policy" is a
    # real answer worth keeping: cache None too.
    return memo(
        "sla_policy",
        (category_id, urgency),
        lambda: _policy_for(category_id, urgency),
        keep=lambda _policy: True,
    )


def _policy_for(category_id: int | None, urgency: str) -> SlaPolicy | None:
    candidates = list(
        SlaPolicy.objects.filter(
            Q(category_id=category_id) | Q(category__isnull=True),
            Q(urgency=urgency) | Q(urgency=""),
        )
    )
    if not candidates:
        return None
    return max(candidates, key=lambda p: (p.category_id is not None, p.urgency != ""))


def calendar_for(policy: SlaPolicy) -> WorkCalendar:
    return WorkCalendar(
        start=policy.workday_start,
        end=policy.workday_end,
        weekdays=parse_weekdays(policy.work_weekdays),
        calendar_time=policy.calendar_time,
    )


def stage_hours(policy: SlaPolicy, stage: str) -> int:
    return {
        SlaStage.VERIFIKASI: policy.verify_hours,
        SlaStage.TINDAK_LANJUT: policy.follow_up_hours,
        SlaStage.PENYELESAIAN: policy.resolve_hours,
    }[SlaStage(stage)]


def start_stage(case: Case, now: dt.datetime) -> None:
    """Set the stage and deadline for the case's (new) status. Does not save."""
    stage = STAGE_FOR_STATUS.get(Status(case.status))
    if case.status == Status.DITUNDA:
        pause(case, now)
        return
    if stage is None:  # closed
        case.sla_stage, case.due_at, case.remaining_seconds = "", None, None
        return
    if stage == case.sla_stage and case.due_at is not None:
        return  # same stage (e.g. re-assignment): the clock keeps running
    case.sla_stage = stage
    case.stage_started_at = now
    case.reminded_at = None
    case.breached_at = None
    case.remaining_seconds = None
    policy = case.sla_policy
    case.due_at = deadline(policy, stage, now) if policy is not None else None


def deadline(policy: SlaPolicy, stage: str, started: dt.datetime) -> dt.datetime:
    """When a stage that began at ``started`` is due under ``policy``."""
    return calendar_for(policy).add_working(started, stage_hours(policy, stage) * 3600)


def apply_policy(case: Case, now: dt.datetime) -> None:
    """Re-read the policy after the case's category or urgency changed, and re-time the running
    stage from when it began (a case raised to darurat is due that much sooner). A paused case
    keeps its remaining time until it resumes. Does not save."""
    case.sla_policy = policy_for(case.category_id, case.urgency)
    policy, stage = case.sla_policy, case.sla_stage
    if policy is None or not stage or case.stage_started_at is None or case.due_at is None:
        return
    due = deadline(policy, stage, case.stage_started_at)
    if due > now:  # not (or no longer) late: reminders and the breach mark start again
        case.reminded_at = None
        case.breached_at = None
    case.due_at = due


def pause(case: Case, now: dt.datetime) -> None:
    if case.due_at is not None and case.sla_policy is not None:
        case.remaining_seconds = calendar_for(case.sla_policy).working_seconds(now, case.due_at)
    case.due_at = None


def resume(case: Case, now: dt.datetime) -> None:
    """Back from ditunda: the same stage continues with the working time that was left."""
    case.sla_stage = STAGE_FOR_STATUS.get(Status(case.status), "")
    if case.sla_policy is not None and case.remaining_seconds is not None:
        case.due_at = calendar_for(case.sla_policy).add_working(now, case.remaining_seconds)
    elif case.sla_policy is not None and case.sla_stage:
        case.due_at = calendar_for(case.sla_policy).add_working(
            now, stage_hours(case.sla_policy, case.sla_stage) * 3600
        )
    case.remaining_seconds = None


def reminder_at(case: Case) -> dt.datetime | None:
    """When to remind: once `reminder_percent` of the stage's working time has passed."""
    policy = case.sla_policy
    if policy is None or case.due_at is None or case.stage_started_at is None:
        return None
    cal = calendar_for(policy)
    total = cal.working_seconds(case.stage_started_at, case.due_at)
    return cal.add_working(case.stage_started_at, total * policy.reminder_percent // 100)


def working_seconds_left(case: Case, now: dt.datetime) -> int | None:
    if case.due_at is None or case.sla_policy is None:
        return case.remaining_seconds
    cal = calendar_for(case.sla_policy)
    if now >= case.due_at:
        return -cal.working_seconds(case.due_at, now)
    return cal.working_seconds(now, case.due_at)
