"""Background jobs for cases (django-tasks). Jobs take ids and are idempotent."""

from __future__ import annotations

from django_tasks import task

from polmas.aspirations.models import Case
from polmas.aspirations.services import apply_triage, check_deadlines
from polmas.aspirations.services.labels import DeskChoice, record_desk_choice


@task()
def check_case_deadlines() -> dict[str, int]:
    run = check_deadlines()
    return {"reminded": run.reminded, "breached": run.breached, "escalated": run.escalated}


@task()
def triage_case(case_id: int, desk_choice: DeskChoice | None = None) -> bool:
    """(Re)compute the triage of a case, e.g. after `polmas.triage` was installed. With
    `desk_choice` (what an officer chose at intake), a choice that differs from the triage's
    suggestion is kept as a triage label."""
    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        return False
    result = apply_triage(case.description)
    if result is None:
        return False
    Case.objects.filter(pk=case_id).update(triage=result)
    if desk_choice:
        record_desk_choice(case_id, desk_choice)
    return True


@task()
def cases_from_resident_inputs(input_ids: list[int]) -> int:
    """Turn resident inputs from dialogue sessions into cases (idempotent)."""
    from polmas.aspirations.links import link_resident_inputs

    return link_resident_inputs(input_ids)
