"""Staff correct a case's category or urgency; the correction becomes a triage label."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.aspirations import sla, workflow
from polmas.aspirations.models import CLOSED_STATUSES, Case, LabelSource, TriageLabel, Urgency
from polmas.aspirations.services.common import CaseError, authorise, case_snapshot
from polmas.aspirations.services.intake import active_category
from polmas.aspirations.services.labels import label_text
from polmas.core.audit import changed, record_event

MAX_NOTE = 500
"""Longest reason staff may give for a correction (the form and the API schema use it too)."""


@transaction.atomic
def reclassify_case(
    *,
    actor: Any,
    case: Case,
    category_code: str,
    urgency: str,
    note: str = "",
    now: dt.datetime | None = None,
) -> Case:
    """Set the category and urgency staff chose, re-time the deadline, audit it, and keep the
    case's (masked) text with the new choice as a :class:`TriageLabel`."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("category", "sla_policy")
        .get(pk=case.pk)
    )
    authorise(actor, case, workflow.ACTING_ROLES)
    if case.status in CLOSED_STATUSES:
        raise CaseError(_("Kategori kasus yang sudah ditutup tidak dapat diubah."))
    category = active_category(category_code.strip())
    if category is None:
        raise CaseError(_("Kategori tidak dikenal atau tidak aktif."))
    if urgency not in Urgency.values:
        raise CaseError(_("Urgensi tidak dikenal."))
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise CaseError(_("Catatan paling panjang %(n)d karakter.") % {"n": MAX_NOTE})
    if category.pk == case.category_id and urgency == case.urgency:
        raise CaseError(_("Kategori dan urgensi sama dengan sebelumnya; tidak ada yang diubah."))
    before = case_snapshot(case)
    previous_category, previous_urgency = case.category.code, case.urgency
    case.category, case.urgency = category, urgency
    sla.apply_policy(case, now or timezone.now())
    case.save()
    TriageLabel.objects.create(
        case=case,
        text=label_text(case),
        category_code=category.code,
        urgency=urgency,
        previous_category_code=previous_category,
        previous_urgency=previous_urgency,
        source=LabelSource.CORRECTION,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )
    b, a = changed(before, case_snapshot(case))
    record_event(
        actor=actor, verb="aspirations.case.reclassify", target=case, before=b, after=a, note=note
    )
    return case
