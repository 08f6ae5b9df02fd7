"""Signals other apps listen to. patrols sends; it never imports its listeners.

`resident_inputs_recorded` is sent inside the transaction that stores a dialogue session, with
`session_id` (int) and `input_ids` (list[int]) of the `ResidentInput` rows recorded. Receivers
only enqueue work, with `polmas.core.jobs.enqueue_atomic` (a database queue then commits the job
in the same commit as the session, or not at all; any other queue gets it after the commit). The
cases app's job turns each input into a case (idempotently: it must tolerate a second delivery of
the same ids, e.g. after a backfill) and then calls
`polmas.patrols.services.mark_resident_input_linked`. Inputs recorded while no receiver was
connected stay in `selectors.unlinked_resident_inputs()` for a backfill.
"""

from __future__ import annotations

from django.dispatch import Signal

resident_inputs_recorded = Signal()
