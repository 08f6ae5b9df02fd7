"""Triage labels from what staff chose at desk intake (the case-page correction is in
`reclassify`).

An officer taking a case by phone or at the desk may choose its category or urgency. When the
choice differs from what the triage suggests for the text, the officer has corrected the
machine before it acted, which is as good a label as a correction on the case page. The triage
of such an intake may run in a background job after the case is stored, so both the inline path
and the job call :func:`record_desk_choice` once the case carries its triage.
"""

from __future__ import annotations

from typing import Any, TypedDict

from django.db import transaction

from polmas.aspirations.models import Case, LabelSource, TriageLabel


class DeskChoice(TypedDict):
    """What the officer chose at intake (None: left to the triage). JSON, for the job's args."""

    category: str | None
    urgency: str | None


def label_text(case: Case) -> str:
    """The text a label keeps: the triage's masked text (no phone numbers, NIK or e-mail in
    training files), or the description when the case has no triage."""
    masked = (case.triage or {}).get("masked_text")
    return masked if isinstance(masked, str) and masked.strip() else case.description


def _suggestion(triage: Any) -> tuple[str, str] | None:
    """The triage's (category, urgency), or None when the case holds no usable triage."""
    if not isinstance(triage, dict):
        return None
    category, urgency = triage.get("category"), triage.get("urgency")
    if not (isinstance(category, str) and category and isinstance(urgency, str) and urgency):
        return None
    return category, urgency


@transaction.atomic
def record_desk_choice(case_id: int, choice: DeskChoice) -> TriageLabel | None:
    """Keep the officer's intake choice as a label when it differs from the triage's suggestion.

    Nothing is stored when the case is gone, holds no triage, already has a label (corrected on
    its page since, or this ran before: the job may run twice), or the choice agrees with the
    suggestion. The label's values are the case's, its previous values the suggestion's."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("category")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        return None
    suggestion = _suggestion(case.triage)
    if suggestion is None or case.triage_labels.exists():
        return None
    suggested_category, suggested_urgency = suggestion
    chosen_category, chosen_urgency = choice.get("category"), choice.get("urgency")
    differs = bool(chosen_category and chosen_category != suggested_category) or bool(
        chosen_urgency and chosen_urgency != suggested_urgency
    )
    if not differs:
        return None
    return TriageLabel.objects.create(
        case=case,
        text=label_text(case),
        category_code=case.category.code,
        urgency=case.urgency,
        previous_category_code=suggested_category[:40],
        previous_urgency=suggested_urgency[:8],
        source=LabelSource.DESK_INTAKE,
        actor=case.created_by,
    )
