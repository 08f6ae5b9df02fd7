"""Links to other apps that land on parallel branches; wired by the lead at merge.

Patrols (connect to patrols once merged): `polmas.patrols.models.ResidentInput` (text, session,
desa) and the signal `resident_inputs_recorded`. At merge, connect a receiver that calls
`case_from_resident_input` for every recorded input; the case keeps `origin="dialog"` and
`origin_ref="patrols.ResidentInput:<pk>"` (or a real FK added then). This module imports nothing
from patrols, so it works before the merge.

Triage: `polmas.triage.analyse(text)` is called through `services.intake.apply_triage`, which
tolerates the library's absence.
"""

from __future__ import annotations

from typing import Any

from polmas.aspirations.models import Case, Origin

RESIDENT_INPUT_REF = "patrols.ResidentInput:{pk}"


def origin_ref_for_resident_input(pk: Any) -> str:
    return RESIDENT_INPUT_REF.format(pk=pk)


def case_from_resident_input(
    *, actor: Any, pk: Any, text: str, desa_code: str | None, session_ref: str = ""
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
    )
