"""The drafting input (`polmas humas draft` structure) built from a recorded patrol.

Only recorded facts go in: the unit chain, the officials holding command roles in it (from
memberships), the patrol's type and first session's time and place, the audience, the catalog
messages delivered, quotes whose speaker names a command role or an official, the residents'
input, and the nearest upcoming election (at most 120 days ahead)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from polmas.core.formatting import to_wib
from polmas.insights.models import Election
from polmas.org.models import Membership, Role, Unit
from polmas.patrols.models import (
    AudienceGroup,
    DialogueSession,
    KamtibmasMessage,
    Patrol,
    PatrolType,
    Quote,
    ResidentInput,
)

ELECTION_HORIZON_DAYS = 120
_TYPE_TEXT = {
    PatrolType.DIALOG: "patroli dialog",
    PatrolType.SAMBANG: "sambang",
    PatrolType.JUMAT_CURHAT: "jumat curhat",
    PatrolType.COOLING_SYSTEM: "cooling system",
    PatrolType.BIASA: "patroli",
}
_ROLE_WORDS = (
    ("kapolres", "kapolres"),
    ("kapolsek", "kapolsek"),
    ("kasi humas", "kasi_humas"),
    ("kapolda", "kapolda"),
)
_COMMAND_ROLES = {
    Role.KAPOLRES: "kapolres",
    Role.KAPOLSEK: "kapolsek",
    Role.KASI_HUMAS: "kasi_humas",
}


def _unit_chain(unit: Unit) -> dict[str, Any]:
    node: dict[str, Any] = {"name": unit.name}
    if unit.parent is not None:
        node["parent"] = _unit_chain(unit.parent)
    return node


def _officials(unit: Unit) -> list[dict[str, str]]:
    units = [unit.pk] + ([unit.parent_id] if unit.parent_id else [])
    seen: set[str] = set()
    result = []
    memberships = (
        Membership.objects.filter(unit_id__in=units, is_active=True, role__in=_COMMAND_ROLES)
        .select_related("person", "unit")
        .order_by("unit__path", "id")
    )
    for m in memberships:
        role = _COMMAND_ROLES[Role(m.role)]
        if role == "kapolsek" and m.unit_id != unit.pk:
            continue
        if role in seen:
            continue
        seen.add(role)
        result.append(
            {"role": role, "rank": m.person.get_rank_display(), "name": m.person.full_name}
        )
    return result


def _quote_role(speaker: str, officials: list[dict[str, str]]) -> str | None:
    low = speaker.lower()
    for word, role in _ROLE_WORDS:
        if word in low:
            return role
    for official in officials:
        if official["name"].lower() in low:
            return official["role"]
    return None


def activity_from_patrol(patrol: Patrol) -> dict[str, Any]:
    sessions = list(
        DialogueSession.objects.filter(patrol=patrol, deleted_at__isnull=True)
        .select_related("desa", "kecamatan")
        .order_by("occurred_at")
    )
    first = sessions[0] if sessions else None
    start = first.occurred_at if first else (patrol.actual_start or patrol.planned_start)
    officials = _officials(patrol.unit)
    activity: dict[str, Any] = {
        "type": _TYPE_TEXT.get(PatrolType(patrol.patrol_type), "patroli"),
        "start": to_wib(start).isoformat(),
    }
    if first is not None:
        if first.place_name:
            activity["place"] = first.place_name
        if first.desa is not None:
            activity["desa"] = first.desa.name
        if first.kecamatan is not None:
            activity["kecamatan"] = first.kecamatan.name
    data: dict[str, Any] = {
        "unit": _unit_chain(patrol.unit),
        "officials": officials,
        "activity": activity,
    }
    session_ids = [s.pk for s in sessions]
    audience = sum(s.audience_total for s in sessions)
    if audience:
        groups: dict[str, int] = {}
        for s in sessions:
            for key, count in (s.audience_groups or {}).items():
                groups[key] = groups.get(key, 0) + int(count or 0)
        # In the catalogue's order: JSON key order differs between databases.
        labels = [
            str(g.label).lower()
            for g in AudienceGroup
            if groups.get(g.value) and g != AudienceGroup.WARGA_UMUM
        ]
        data["audience"] = {"count": audience, "groups": labels}
    titles = (
        list(
            KamtibmasMessage.objects.filter(sessions__in=session_ids)
            .distinct()
            .order_by("id")
            .values_list("title", flat=True)
        )
        if session_ids
        else []
    )
    if titles:
        data["messages"] = [t[:1].lower() + t[1:] for t in titles]
    quotes = []
    for q in Quote.objects.filter(session_id__in=session_ids).order_by("id"):
        role = _quote_role(q.speaker, officials)
        if role is not None:
            quotes.append({"role": role, "text": q.text})
    if quotes:
        data["quotes"] = quotes
    inputs = list(
        ResidentInput.objects.filter(session_id__in=session_ids)
        .order_by("id")
        .values_list("text", flat=True)
    )
    if inputs:
        data["resident_input"] = inputs
    day = to_wib(start).date()
    election = (
        Election.objects.filter(
            voting_date__gte=day, voting_date__lte=day + dt.timedelta(days=ELECTION_HORIZON_DAYS)
        )
        .order_by("voting_date")
        .first()
    )
    if election is not None:
        data["election"] = {"name": election.name, "date": election.voting_date.isoformat()}
    return data
