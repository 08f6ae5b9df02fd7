"""Turn patrol records into the plain dicts the API returns."""

from __future__ import annotations

from typing import Any

from polmas.org.models import Person
from polmas.patrols.models import DialogueSession, Patrol


def person_ref(p: Person) -> dict[str, Any]:
    return {"id": p.pk, "name": str(p), "nrp": p.nrp}


def patrol_out(p: Patrol) -> dict[str, Any]:
    count = getattr(p, "session_count", None)
    if count is None:
        count = p.sessions.filter(deleted_at__isnull=True).count()
    return {
        "id": p.pk,
        "unit": p.unit.code,
        "unit_name": p.unit.name,
        "leader": person_ref(p.leader),
        "members": [person_ref(m) for m in p.members.all()],
        "patrol_type": p.patrol_type,
        "status": p.status,
        "shift": p.shift,
        "planned_start": p.planned_start,
        "planned_end": p.planned_end,
        "actual_start": p.actual_start,
        "actual_end": p.actual_end,
        "area_note": p.area_note,
        "campaign_id": p.campaign_id,
        "session_count": count,
        "is_demo": p.is_demo,
    }


def session_out(s: DialogueSession, *, replayed: bool = False) -> dict[str, Any]:
    return {
        "id": s.pk,
        "patrol_id": s.patrol_id,
        "occurred_at": s.occurred_at,
        "lat": s.lat,
        "lng": s.lng,
        "accuracy_m": s.accuracy_m,
        "desa": {"code": s.desa.code, "name": s.desa.name} if s.desa_id and s.desa else None,
        "kecamatan": (
            {"code": s.kecamatan.code, "name": s.kecamatan.name}
            if s.kecamatan_id and s.kecamatan
            else None
        ),
        "outside_area": s.outside_area,
        "place_name": s.place_name,
        "audience_total": s.audience_total,
        "audience_groups": s.audience_groups,
        "message_ids": sorted(m.pk for m in s.messages.all()),
        "notes": s.notes,
        "quotes": [{"speaker": q.speaker, "text": q.text} for q in s.quotes.all()],
        "inputs": [
            {
                "id": i.pk,
                "kind": i.kind,
                "text": i.text,
                "category_hint": i.category_hint,
                "linked": i.linked_at is not None,
            }
            for i in s.resident_inputs.all()
        ],
        "photo_count": len(s.photos.all()),
        "replayed": replayed,
    }
