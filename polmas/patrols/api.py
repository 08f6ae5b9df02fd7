"""Patrols, dialogue sessions, catalog and coverage over the JSON API (mounted by polmas.api)."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from polmas.core.uploads import guard_upload
from polmas.org.models import Person, Unit
from polmas.patrols import selectors, services
from polmas.patrols.models import Patrol
from polmas.patrols.presenters import patrol_out, session_out
from polmas.patrols.schemas import (
    CampaignOut,
    CampaignProgressOut,
    ErrorOut,
    MessageOut,
    PatrolIn,
    PatrolOut,
    PatrolPatch,
    PhotoOut,
    SessionIn,
    SessionOut,
    TransitionIn,
    UnitRollupOut,
)
from polmas.patrols.services.photos import MAX_PHOTO_BYTES

router = Router(tags=["patroli dialog"])


class Pages(PageNumberPagination):
    page_size = 50


def _fail(exc: services.PatrolServiceError) -> HttpError:
    return HttpError(exc.status, exc.message)


def _patrol(request: HttpRequest, patrol_id: int) -> Patrol:
    patrol = selectors.patrol_for(request.user, patrol_id)
    if patrol is None:
        raise HttpError(404, _("Patroli #%(id)s tidak ditemukan.") % {"id": patrol_id})
    return patrol


def _people(request: HttpRequest, ids: list[int]) -> list[Person]:
    people = list(Person.objects.restrict(request.user).select_related("unit").filter(pk__in=ids))
    if len(people) != len(set(ids)):
        raise HttpError(422, _("Personel tidak dikenal atau di luar cakupan Anda."))
    return people


def _campaign(request: HttpRequest, campaign_id: int | None) -> Any:
    if campaign_id is None:
        return None
    campaign = selectors.campaigns(request.user).filter(pk=campaign_id).first()
    if campaign is None:
        raise HttpError(422, _("Kampanye tidak dikenal."))
    return campaign


@router.get("/patrols", response=list[PatrolOut], summary="Daftar patroli dalam cakupan Anda")
@paginate(Pages)
def list_patrols(
    request: HttpRequest, status: str | None = None, unit: str | None = None
) -> list[dict[str, Any]]:
    qs = selectors.patrols_for(request.user, status=status, unit_code=unit).prefetch_related(
        "members"
    )
    return [patrol_out(p) for p in qs]


@router.post(
    "/patrols",
    response={200: PatrolOut, 201: PatrolOut, 409: ErrorOut, 422: ErrorOut},
    summary="Rencanakan (atau mulai) patroli; idempoten pada idempotency_key",
)
def create_patrol(request: HttpRequest, payload: PatrolIn) -> tuple[int, dict[str, Any]]:
    user = request.user
    if payload.unit:
        unit = selectors.units_for_patrols(user).filter(code=payload.unit).first()
        if unit is None:
            raise HttpError(404, _("Satuan %(code)s tidak ditemukan.") % {"code": payload.unit})
    else:
        unit = selectors.default_unit_for(user)
        if unit is None:
            raise HttpError(422, _("Sebutkan satuan patroli (kolom unit)."))
    if payload.leader_id is not None:
        leader = _people(request, [payload.leader_id])[0]
    else:
        own: Person | None = getattr(user, "person", None)
        if own is None:
            raise HttpError(422, _("Akun Anda tidak terhubung ke data personel; isi leader_id."))
        leader = own
    try:
        patrol, replayed = services.create_patrol(
            actor=user,
            unit=unit,
            leader=leader,
            members=_people(request, payload.member_ids),
            patrol_type=payload.patrol_type,
            planned_start=payload.planned_start,
            planned_end=payload.planned_end,
            area_note=payload.area_note,
            campaign=_campaign(request, payload.campaign_id),
            note=payload.note,
            start_now=payload.start_now,
            idempotency_key=payload.idempotency_key,
            digest=services.request_hash(payload.dict()),
        )
    except services.PatrolServiceError as exc:
        raise _fail(exc) from exc
    return (200 if replayed else 201), patrol_out(patrol)


@router.get("/patrols/{patrol_id}", response=PatrolOut, summary="Satu patroli")
def get_patrol(request: HttpRequest, patrol_id: int) -> dict[str, Any]:
    return patrol_out(_patrol(request, patrol_id))


@router.patch(
    "/patrols/{patrol_id}",
    response={200: PatrolOut, 409: ErrorOut, 422: ErrorOut},
    summary="Ubah rencana patroli",
)
def update_patrol(request: HttpRequest, patrol_id: int, payload: PatrolPatch) -> dict[str, Any]:
    patrol = _patrol(request, patrol_id)
    data = payload.dict(exclude_unset=True)
    members = _people(request, data.pop("member_ids")) if "member_ids" in data else None
    if "campaign_id" in data:
        data["campaign"] = _campaign(request, data.pop("campaign_id"))
    try:
        services.update_patrol(actor=request.user, patrol=patrol, members=members, **data)
    except services.PatrolServiceError as exc:
        raise _fail(exc) from exc
    return patrol_out(_patrol(request, patrol_id))


def _transition(
    request: HttpRequest, patrol_id: int, action: str, payload: TransitionIn
) -> dict[str, Any]:
    patrol = _patrol(request, patrol_id)
    try:
        services.transition_patrol(
            actor=request.user, patrol=patrol, action=action, at=payload.at, note=payload.note
        )
    except services.PatrolServiceError as exc:
        raise _fail(exc) from exc
    return patrol_out(_patrol(request, patrol_id))


_TRANSITION_RESPONSES = {200: PatrolOut, 409: ErrorOut, 422: ErrorOut}


@router.post("/patrols/{patrol_id}/start", response=_TRANSITION_RESPONSES, summary="Mulai patroli")
def start_patrol(request: HttpRequest, patrol_id: int, payload: TransitionIn) -> dict[str, Any]:
    return _transition(request, patrol_id, "start", payload)


@router.post("/patrols/{patrol_id}/end", response=_TRANSITION_RESPONSES, summary="Akhiri patroli")
def end_patrol(request: HttpRequest, patrol_id: int, payload: TransitionIn) -> dict[str, Any]:
    return _transition(request, patrol_id, "end", payload)


@router.post(
    "/patrols/{patrol_id}/cancel", response=_TRANSITION_RESPONSES, summary="Batalkan patroli"
)
def cancel_patrol(request: HttpRequest, patrol_id: int, payload: TransitionIn) -> dict[str, Any]:
    return _transition(request, patrol_id, "cancel", payload)


@router.get(
    "/patrols/{patrol_id}/sessions", response=list[SessionOut], summary="Sesi dialog patroli"
)
def list_sessions(request: HttpRequest, patrol_id: int) -> list[dict[str, Any]]:
    patrol = _patrol(request, patrol_id)
    return [session_out(s) for s in selectors.sessions_of(patrol)]


@router.post(
    "/patrols/{patrol_id}/sessions",
    response={200: SessionOut, 201: SessionOut, 409: ErrorOut, 422: ErrorOut},
    summary="Catat sesi dialog; idempoten pada idempotency_key (kunci sama + isi beda = 409)",
)
def create_session(request: HttpRequest, patrol_id: int, payload: SessionIn) -> HttpResponse:
    patrol = selectors.patrol_for(request.user, patrol_id, with_members=False)
    if patrol is None:
        raise HttpError(404, _("Patroli #%(id)s tidak ditemukan.") % {"id": patrol_id})
    data = services.SessionData(
        occurred_at=payload.occurred_at,
        lat=payload.lat,
        lng=payload.lng,
        accuracy_m=payload.accuracy_m,
        place_name=payload.place_name,
        audience_groups=dict(payload.audience_groups),
        audience_total=payload.audience_total,
        message_ids=list(payload.message_ids),
        notes=payload.notes,
        quotes=[(q.speaker, q.text) for q in payload.quotes],
        inputs=[services.InputItem(i.text, i.kind, i.category_hint) for i in payload.inputs],
    )
    try:
        result = services.record_session(
            actor=request.user, patrol=patrol, data=data, idempotency_key=payload.idempotency_key
        )
    except services.PatrolServiceError as exc:
        raise _fail(exc) from exc
    session = result.session
    if result.replayed:
        session = selectors.session_for(request.user, session.pk) or session
    # Serialised here: the dict already has SessionOut's shape and types (a test checks the
    # answer against the schema), so the per-request validation pass of the output is skipped.
    # Same JSON as ninja's renderer (DjangoJSONEncoder formats the times).
    body = json.dumps(session_out(session, replayed=result.replayed), cls=DjangoJSONEncoder)
    return HttpResponse(
        body,
        status=200 if result.replayed else 201,
        content_type="application/json; charset=utf-8",
    )


@router.post(
    "/sessions/{session_id}/photos",
    response={201: PhotoOut, 413: ErrorOut, 422: ErrorOut},
    summary="Lampirkan foto (JPEG/PNG/WebP, maks. 8 MB; diperkecil di server)",
)
def add_photo(request: HttpRequest, session_id: int) -> tuple[int, dict[str, Any]]:
    session = selectors.session_for(request.user, session_id)
    if session is None:
        raise HttpError(404, _("Sesi #%(id)s tidak ditemukan.") % {"id": session_id})
    too_large, watcher = guard_upload(request, MAX_PHOTO_BYTES)
    if too_large:
        raise HttpError(413, _("Foto terlalu besar (maksimal 8 MB)."))
    upload = request.FILES.get("photo")
    if watcher.exceeded:
        raise HttpError(413, _("Foto terlalu besar (maksimal 8 MB)."))
    if upload is None:
        raise HttpError(422, _("Kirim berkas foto pada kolom 'photo'."))
    try:
        photo = services.attach_photo(
            actor=request.user,
            session=session,
            stream=upload,
            declared_size=upload.size,
            caption=request.POST.get("caption", ""),
        )
    except services.PatrolServiceError as exc:
        raise _fail(exc) from exc
    return 201, {
        "id": photo.pk,
        "url": photo.image.url,
        "width": photo.width,
        "height": photo.height,
        "size_bytes": photo.size_bytes,
        "taken_at": photo.taken_at,
        "lat": photo.lat,
        "lng": photo.lng,
    }


@router.get("/kamtibmas/messages", response=list[MessageOut], summary="Katalog pesan kamtibmas")
def list_messages(request: HttpRequest, valid_only: bool = True) -> list[dict[str, Any]]:
    qs = (
        selectors.valid_messages(request.user)
        if valid_only
        else selectors.catalog_messages(request.user)
    )
    return [
        {
            "id": m.pk,
            "title": m.title,
            "text": m.text,
            "topic": m.topic,
            "valid_from": m.valid_from,
            "valid_until": m.valid_until,
            "unit": m.unit.code,
        }
        for m in qs
    ]


@router.get("/kamtibmas/campaigns", response=list[CampaignOut], summary="Kampanye")
def list_campaigns(request: HttpRequest) -> list[dict[str, Any]]:
    qs = selectors.campaigns(request.user).prefetch_related("messages", "areas")
    return [
        {
            "id": c.pk,
            "name": c.name,
            "description": c.description,
            "starts_on": c.starts_on,
            "ends_on": c.ends_on,
            "unit": c.unit.code,
            "message_ids": sorted(m.pk for m in c.messages.all()),
            "areas": sorted(a.code for a in c.areas.all()),
        }
        for c in qs
    ]


@router.get(
    "/kamtibmas/campaigns/{campaign_id}/progress",
    response=CampaignProgressOut,
    summary="Kemajuan kampanye: desa mana mendengar pesan mana",
)
def campaign_progress(request: HttpRequest, campaign_id: int) -> dict[str, Any]:
    campaign = selectors.campaigns(request.user).filter(pk=campaign_id).first()
    if campaign is None:
        raise HttpError(404, _("Kampanye tidak ditemukan."))
    progress = selectors.campaign_progress(request.user, campaign)
    return {
        "campaign_id": campaign.pk,
        "messages": progress.message_titles,
        "desa_total": len(progress.desa),
        "desa_reached": progress.desa_reached,
        "desa_complete": progress.desa_complete,
        "desa": [
            {"code": code, "name": name, "heard": progress.heard.get(code, {})}
            for code, name in progress.desa
        ],
    }


def _coverage_args(request: HttpRequest, unit: str | None, days: int) -> tuple[Any, Unit | None]:
    if not 1 <= days <= 3660:
        raise HttpError(422, _("Periode harus antara 1 dan 3660 hari."))
    scoped_unit = None
    if unit:
        scoped_unit = selectors.units_for_patrols(request.user).filter(code=unit).first()
        if scoped_unit is None:
            raise HttpError(404, _("Satuan %(code)s tidak ditemukan.") % {"code": unit})
    return selectors.Period.last_days(days), scoped_unit


@router.get(
    "/coverage/desa",
    url_name="patrol_coverage",
    summary="Cakupan patroli per desa (GeoJSON dengan angka)",
)
def coverage_desa(
    request: HttpRequest,
    days: int = 30,
    unit: str | None = None,
    stale_days: int = 14,
    geometry: bool = True,
) -> HttpResponse:
    period, scoped_unit = _coverage_args(request, unit, days)
    cmap = selectors.coverage_map(request.user, period, unit=scoped_unit, stale_days=stale_days)
    body = json.dumps(
        selectors.coverage_geojson(cmap, with_geometry=geometry), separators=(",", ":")
    )
    return HttpResponse(body, content_type="application/geo+json")


@router.get("/coverage/units", response=list[UnitRollupOut], summary="Cakupan per Polsek (rekap)")
def coverage_units(
    request: HttpRequest, days: int = 30, stale_days: int = 14
) -> list[dict[str, Any]]:
    period, _unit = _coverage_args(request, None, days)
    cmap = selectors.coverage_map(request.user, period, stale_days=stale_days)
    return [
        {
            "code": r.code,
            "name": r.name,
            "desa_total": r.desa_total,
            "desa_visited": r.desa_visited,
            "percent_visited": r.percent_visited,
            "not_visited": r.not_visited,
            "sessions": r.sessions,
            "residents": r.residents,
        }
        for r in [*cmap.units, cmap.total]
    ]
