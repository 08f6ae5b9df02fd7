"""Signals other apps listen to. patrols sends; it never imports its listeners.

`resident_inputs_recorded` is sent after the transaction that stored a dialogue session commits,
with `session_id` (int) and `input_ids` (list[int]) of the `ResidentInput` rows recorded. The cases
app connects a receiver that turns each input into a case (idempotently: it must tolerate a second
delivery of the same ids, e.g. after a backfill) and then calls
`polmas.patrols.services.mark_resident_input_linked`. Inputs recorded while no receiver was
connected stay in `selectors.unlinked_resident_inputs()` for a backfill.
"""

from __future__ import annotations

from django.dispatch import Signal

resident_inputs_recorded = Signal()
