"""Reads of patrols, sessions and resident inputs. Every list starts from the user's scope."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from polmas.core.bounds import MAX_ID
from polmas.core.fastsql import Reader
from polmas.org.models import Person, Unit, UnitLevel
from polmas.org.scope import get_scope
from polmas.patrols.models import (
    DialogueSession,
    Patrol,
    ResidentInput,
)


def patrols_for(
    user: Any, *, status: str | None = None, unit_code: str | None = None
) -> QuerySet[Patrol]:
    qs = (
        Patrol.objects.restrict(user)
        .alive()
        .select_related("unit", "leader", "campaign")
        .annotate(session_count=Count("sessions"))
    )
    if status:
        qs = qs.filter(status=status)
    if unit_code:
        qs = qs.filter(unit__code=unit_code)
    return qs


# What recording a session reads of its patrol (other fields load on access).
_PATROL_FOR_SESSION = Reader(
    Patrol,
    ["id", "unit", "status", "actual_start", "actual_end", "is_demo"],
    "id = %s AND deleted_at IS NULL",
)


def patrol_for(user: Any, patrol_id: int, *, with_members: bool = True) -> Patrol | None:
    if not with_members:
        # The hot path of recording a session: fetch by key with a prepared statement, check
        # the scope in Python (the patrols scope is by unit, and the scope holds the unit ids).
        # Same answer as `restrict`, without compiling a query on every request. The unit is
        # loaded on access.
        scope = get_scope(user)
        if not scope.has_role or not 0 < patrol_id <= MAX_ID:
            return None
        found = _PATROL_FOR_SESSION.fetch([patrol_id])
        patrol = found[0] if found else None
        if patrol is None or not (scope.everything or patrol.unit_id in scope.unit_ids):
            return None
        return patrol
    qs = Patrol.objects.restrict(user).alive().filter(pk=patrol_id)
    return (
        qs.select_related("unit", "leader", "campaign", "created_by")
        .prefetch_related("members")
        .first()
    )


def sessions_of(patrol: Patrol) -> QuerySet[DialogueSession]:
    return (
        DialogueSession.objects.filter(patrol=patrol, deleted_at__isnull=True)
        .select_related("desa", "kecamatan")
        .prefetch_related("messages", "resident_inputs", "quotes", "photos")
        .order_by("occurred_at", "id")
    )


def session_for(user: Any, session_id: int) -> DialogueSession | None:
    return (
        DialogueSession.objects.restrict(user)
        .alive()
        .select_related("patrol", "patrol__unit", "desa", "kecamatan")
        .prefetch_related("messages", "resident_inputs", "quotes", Prefetch("photos"))
        .filter(pk=session_id)
        .first()
    )


def unlinked_resident_inputs(user: Any | None = None) -> QuerySet[ResidentInput]:
    """Resident input items not yet linked to a case, oldest first (for the cases backfill).

    Without a user: every such item (a system job); with one: restricted to their scope."""
    base = ResidentInput.objects.restrict(user) if user is not None else ResidentInput.objects.all()
    return (
        base.filter(linked_at__isnull=True, session__deleted_at__isnull=True)
        .select_related("session", "desa", "unit")
        .order_by("id")
    )


def units_for_patrols(user: Any) -> QuerySet[Unit]:
    """Units in which the user may plan a patrol (their scope, Polsek and Pos first)."""
    return Unit.objects.restrict(user).filter(
        level__in=[UnitLevel.POLSEK, UnitLevel.POS, UnitLevel.POLRES]
    )


def people_of_unit(unit: Unit) -> QuerySet[Person]:
    return Person.objects.filter(unit=unit).order_by("full_name")


def default_unit_for(user: Any) -> Unit | None:
    """The lowest unit the user belongs to (a field officer's Polsek)."""
    scope = get_scope(user)
    if not scope.unit_ids:
        return None
    person = getattr(user, "person", None)
    if person is not None and person.unit_id in scope.unit_ids:
        return person.unit  # type: ignore[no-any-return]
    return Unit.objects.filter(pk__in=scope.unit_ids).order_by("-path").first()
