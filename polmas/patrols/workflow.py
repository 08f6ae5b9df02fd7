"""Patrol states and the transitions between them. Services ask; views never decide."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from polmas.core.formatting import to_wib
from polmas.patrols.models import PatrolStatus, Shift


@dataclass(frozen=True)
class Transition:
    action: str
    source: str
    target: str
    label: Any  # lazy translation: rendered in the language of each request


TRANSITIONS: tuple[Transition, ...] = (
    Transition("start", PatrolStatus.PLANNED, PatrolStatus.ACTIVE, _("Mulai patroli")),
    Transition("end", PatrolStatus.ACTIVE, PatrolStatus.DONE, _("Akhiri patroli")),
    Transition("cancel", PatrolStatus.PLANNED, PatrolStatus.CANCELLED, _("Batalkan")),
    Transition("cancel", PatrolStatus.ACTIVE, PatrolStatus.CANCELLED, _("Batalkan")),
)

ACTIONS = ("start", "end", "cancel")

# Sessions may be recorded while the patrol runs, and afterwards (a phone that was offline
# sends its queue later) as long as the time lies inside the patrol.
ACCEPTS_SESSIONS = frozenset({PatrolStatus.ACTIVE, PatrolStatus.DONE})
EDITABLE = frozenset({PatrolStatus.PLANNED, PatrolStatus.ACTIVE})


def transition_for(status: str, action: str) -> Transition | None:
    for t in TRANSITIONS:
        if t.source == status and t.action == action:
            return t
    return None


def available_actions(status: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == status]


def shift_for(moment: dt.datetime) -> str:
    """pagi 04:00–10:59, siang 11:00–14:59, sore 15:00–17:59, malam 18:00–03:59 (WIB)."""
    hour = to_wib(moment).hour
    if 4 <= hour < 11:
        return Shift.PAGI
    if 11 <= hour < 15:
        return Shift.SIANG
    if 15 <= hour < 18:
        return Shift.SORE
    return Shift.MALAM
