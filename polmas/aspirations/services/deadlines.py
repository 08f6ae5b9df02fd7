"""The deadline job: reminders before a breach, escalation to the parent unit on breach."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.aspirations import sla
from polmas.aspirations.models import TIMED_STATUSES, Case, CaseMessage, MessageKind
from polmas.aspirations.services.common import case_snapshot
from polmas.core.audit import changed, record_event

REMINDER_HORIZON = dt.timedelta(days=30)


@dataclass(frozen=True)
class DeadlineRun:
    reminded: int
    breached: int
    escalated: int


def check_deadlines(now: dt.datetime | None = None) -> DeadlineRun:
    """Idempotent: each stage of a case is reminded once and breached (escalated) once."""
    now = now or timezone.now()
    reminded = breached = escalated = 0
    candidates = (
        Case.objects.alive()
        .filter(
            status__in=TIMED_STATUSES,
            due_at__isnull=False,
            reminded_at__isnull=True,
            breached_at__isnull=True,
            due_at__gt=now,
            due_at__lte=now + REMINDER_HORIZON,
        )
        .select_related("sla_policy")
    )
    for case in candidates.iterator(chunk_size=500):
        at = sla.reminder_at(case)
        if at is not None and at <= now:
            with transaction.atomic():
                updated = Case.objects.filter(pk=case.pk, reminded_at__isnull=True).update(
                    reminded_at=now
                )
                if updated:
                    CaseMessage.objects.create(
                        case=case,
                        kind=MessageKind.REMINDER,
                        text=_("Tenggat %(stage)s kasus %(code)s hampir habis.")
                        % {"stage": case.get_sla_stage_display(), "code": case.tracking_code},
                    )
                    record_event(actor=None, verb="aspirations.case.sla_reminder", target=case)
                    reminded += 1
    overdue = Case.objects.alive().filter(
        status__in=TIMED_STATUSES, due_at__lt=now, breached_at__isnull=True
    )
    for pk in list(overdue.values_list("pk", flat=True)[:5000]):
        with transaction.atomic():
            case = (
                Case.objects.select_for_update(of=("self",))
                .select_related("unit__parent")
                .get(pk=pk)
            )
            if case.breached_at is not None:
                continue
            before = case_snapshot(case)
            case.breached_at = now
            case.breach_count += 1
            parent = case.unit.parent
            if parent is not None:
                case.unit = parent
                case.escalation_level += 1
                escalated += 1
            case.save()
            b, a = changed(before, case_snapshot(case))
            record_event(
                actor=None,
                verb="aspirations.case.sla_breached",
                target=case,
                before=b,
                after=a,
                note=_("Tenggat terlewati; dieskalasi ke %(unit)s.") % {"unit": case.unit.name}
                if parent is not None
                else _("Tenggat terlewati."),
            )
            breached += 1
    return DeadlineRun(reminded=reminded, breached=breached, escalated=escalated)
