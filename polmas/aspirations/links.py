"""Links to the patrols app: every resident input recorded in a dialogue session becomes a case.

`polmas.patrols.signals.resident_inputs_recorded` (sent inside the transaction that stores the
session) enqueues, with `enqueue_atomic` (the database queue commits the job with the session), the
job `cases_from_resident_inputs(input_ids)`; the job creates one case per input (origin "dialog",
`origin_ref="patrols.ResidentInput:<pk>"`, idempotent) and marks the input linked with the case's
tracking code. `polmas link-resident-inputs` backfills inputs recorded while nothing listened.

Triage: `polmas.triage.analyse(text)` is called through `services.intake.apply_triage`, which
tolerates the library's absence.
"""

from __future__ import annotations

from typing import Any

from polmas.aspirations.models import Case, Origin
from polmas.core.jobs import enqueue_atomic

RESIDENT_INPUT_REF = "patrols.ResidentInput:{pk}"


def origin_ref_for_resident_input(pk: Any) -> str:
    return RESIDENT_INPUT_REF.format(pk=pk)


def case_from_resident_input(
    *,
    actor: Any,
    pk: Any,
    text: str,
    desa_code: str | None,
    session_ref: str = "",
    kind: str = "masukan",
) -> Case:
    """Turn one resident's input from a dialogue session into a case (idempotent per input)."""
    from polmas.aspirations.services import create_case

    ref = origin_ref_for_resident_input(pk)
    existing = Case.objects.filter(origin=Origin.DIALOG, origin_ref=ref).first()
    if existing is not None:
        return existing
    return create_case(
        actor=actor,
        description=text,
        origin=Origin.DIALOG,
        origin_ref=ref,
        desa_code=desa_code,
        location_text=session_ref,
        kind=kind,
        reply_channel="none",  # raised in person: answers go back through the next patrol
    )


def link_resident_inputs(input_ids: list[int] | None = None) -> int:
    """Create cases for resident inputs not linked yet (all of them when `input_ids` is None)."""
    from polmas.patrols.selectors.patrols import unlinked_resident_inputs
    from polmas.patrols.services.sessions import mark_resident_input_linked

    inputs = unlinked_resident_inputs()
    if input_ids is not None:
        inputs = inputs.filter(pk__in=input_ids)
    linked = 0
    for item in inputs:
        case = case_from_resident_input(
            actor=None,
            pk=item.pk,
            text=item.text,
            desa_code=item.desa_id,
            session_ref=item.session.place_name if hasattr(item.session, "place_name") else "",
            kind=item.kind,
        )
        linked += mark_resident_input_linked(input_id=item.pk, ref=case.tracking_code)
    return linked


def on_resident_inputs_recorded(
    sender: Any, session_id: int, input_ids: list[int], **_: Any
) -> None:
    from polmas.aspirations.tasks import cases_from_resident_inputs

    enqueue_atomic(cases_from_resident_inputs, list(input_ids))
