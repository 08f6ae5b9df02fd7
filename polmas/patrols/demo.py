"""Demo patrols: a few weeks across Indramayu, generated and reproducible, removable at once."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from polmas.org.models import Person
from polmas.patrols.defaults import ensure_default_catalog
from polmas.patrols.generate import DEMO_NRP_PREFIX, generate
from polmas.patrols.models import (
    DialogueSession,
    Patrol,
    Quote,
    ResidentInput,
    SessionMessage,
    SessionPhoto,
)
from polmas.patrols.services.rollup import rebuild_coverage

DEMO_DAYS = 28
DEMO_SESSIONS = 1500
DEMO_SEED = 20240123


def load_demo_patrols(today: dt.date | None = None) -> int:
    """Create the demo patrols unless they exist (fast on re-run). Returns sessions created."""
    ensure_default_catalog()
    if Patrol.objects.filter(is_demo=True).exists():
        return 0
    made = generate(
        sessions=DEMO_SESSIONS,
        end_day=(today or timezone.localdate()) - dt.timedelta(days=1),
        days=DEMO_DAYS,
        seed=DEMO_SEED,
        is_demo=True,
    )
    rebuild_coverage()
    return made


@transaction.atomic
def remove_demo_patrols() -> int:
    """Delete every demo patrol with its sessions (and patrols recorded by demo accounts)."""
    patrols = Patrol.objects.filter(is_demo=True)
    sessions = DialogueSession.objects.filter(patrol__in=patrols)
    count = sessions.count()
    for model in (SessionMessage, Quote, ResidentInput, SessionPhoto):
        model.objects.filter(session__in=sessions).delete()
    sessions.delete()
    Patrol.members.through.objects.filter(patrol__in=patrols).delete()
    patrols.delete()
    Person.objects.filter(nrp__startswith=DEMO_NRP_PREFIX, is_demo=True).delete()
    rebuild_coverage()
    return count
