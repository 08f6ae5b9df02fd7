"""Cases over the JSON API (mounted by polmas.api under /api/v1/).

Lists are scoped (`Case.objects.restrict`) and keyset-paginated: `next_cursor` continues after
the last row, so deep pages cost the same as the first. Anonim/rahasia reporters are hidden
outside the handling unit, exactly as on the case page.
"""

import base64
import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from polmas.aspirations import selectors, services, workflow
from polmas.aspirations.models import Case
from polmas.aspirations.schemas import (
    CaseDetail,
    CaseIn,
    CasePage,
    ErrorOut,
    MessageOut,
    ReclassifyIn,
    ReplyIn,
    TransitionIn,
)
from polmas.core.bounds import MAX_ID
from polmas.core.schemas import stored_triage
from polmas.org.models import Person
from polmas.org.scope import get_scope

router = Router(tags=["kasus"])
MAX_LIMIT = 100


class CaseFilters(Schema):
    status: str = ""
    category: str = ""
    urgency: str = ""
    desa: str = ""
    overdue: bool = False
    mine: bool = False
    q: str = ""
    cursor: str = ""
    limit: int = 50


def _ref(obj: Any, key: str = "code") -> dict[str, str] | None:
    return None if obj is None else {"code": str(getattr(obj, key)), "name": obj.name}


def _row(user: Any, c: Case) -> dict[str, Any]:
    reporter = selectors.list_reporter_view(user, c)
    return _row_with(c, reporter)


def _row_with(c: Case, reporter: dict[str, str]) -> dict[str, Any]:
    return {
        "id": c.pk,
        "tracking_code": c.tracking_code,
        "title": c.title,
        "status": c.status,
        "urgency": c.urgency,
        "category": {"code": c.category.code, "name": c.category.name},
        "desa": _ref(c.desa),
        "unit": {"code": c.unit.code, "name": c.unit.name},
        "created_at": c.created_at,
        "due_at": c.due_at,
        "is_overdue": c.is_overdue,
        "reporter": {**reporter, "hidden": bool(reporter["hidden"])},
    }


def _encode(c: Case, overdue: bool) -> str:
    key = c.due_at if overdue else c.created_at
    raw = f"{key.isoformat() if key else ''}|{c.pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


# A cursor only ever holds a stamp and id that `_encode` wrote; anything outside these bounds
# is tampered with and would overflow the database adapters (SQLite: OverflowError; PostgreSQL:
# "time zone displacement out of range").
CURSOR_EARLIEST = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
CURSOR_LATEST = dt.datetime(9000, 1, 1, tzinfo=dt.UTC)


def _decode(cursor: str) -> tuple[dt.datetime, int]:
    """The (UTC stamp, id) of a cursor; ValueError for anything `_encode` cannot have written."""
    raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    stamp, pk = raw.rsplit("|", 1)
    at, last = dt.datetime.fromisoformat(stamp), int(pk)
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("naive cursor stamp")
    try:
        at = at.astimezone(dt.UTC)
    except OverflowError as exc:
        raise ValueError("cursor stamp out of range") from exc
    if not (CURSOR_EARLIEST <= at < CURSOR_LATEST and 0 <= last <= MAX_ID):
        raise ValueError("cursor out of range")
    return at, last


def _after(qs: Any, cursor: str, overdue: bool) -> Any:
    try:
        at, last = _decode(cursor)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HttpError(422, _("Kursor halaman tidak valid.")) from exc
    if overdue:  # ascending (due_at, id)
        return qs.filter(Q(due_at__gt=at) | Q(due_at=at, id__gt=last))
    return qs.filter(Q(created_at__lt=at) | Q(created_at=at, id__lt=last))


@router.get("/cases", response=CasePage, summary="Kasus dalam cakupan Anda (berhalaman kursor)")
def list_cases(request: HttpRequest, filters: Query[CaseFilters]) -> dict[str, Any]:
    f = selectors.InboxFilters(
        status=filters.status,
        category=filters.category,
        urgency=filters.urgency,
        desa=filters.desa,
        overdue=filters.overdue,
        mine=filters.mine,
        q=filters.q,
    )
    limit = max(1, min(filters.limit, MAX_LIMIT))
    qs = selectors.inbox(request.user, f)
    total = selectors.inbox_total(request.user, f)
    page_qs = selectors.inbox_page(qs, f)
    if filters.cursor:
        page_qs = _after(page_qs, filters.cursor, f.overdue)
    rows = selectors.attach_names(list(page_qs[: limit + 1]))
    more = len(rows) > limit
    rows = rows[:limit]
    return {
        "items": [_row(request.user, c) for c in rows],
        "count": total,
        "next_cursor": _encode(rows[-1], f.overdue) if more and rows else None,
    }


def _case(request: HttpRequest, case_id: int) -> Case:
    return get_object_or_404(
        selectors.scoped_cases(request.user).select_related(
            "category", "unit", "desa", "assignee", "sla_policy", "merged_into"
        ),
        pk=case_id,
    )


def _detail(request: HttpRequest, case: Case) -> dict[str, Any]:
    access = selectors.contact_access(request.user, case)
    scope = get_scope(request.user)
    return {
        **_row_with(case, selectors.reporter_view(access, case)),
        "kind": case.kind,
        "description": case.description,
        "origin": case.origin,
        "privacy": case.privacy,
        "location_text": case.location_text,
        "lat": case.lat,
        "lng": case.lng,
        "escalation_level": case.escalation_level,
        "assignee": str(case.assignee) if case.assignee else None,
        "merged_into": case.merged_into.tracking_code if case.merged_into else None,
        "sla_stage": case.sla_stage,
        "triage": stored_triage(case.triage),
        "messages": list(case.messages.order_by("created_at", "id")),
        "transitions": [
            {"name": t.name, "label": str(t.label), "requires": list(t.requires)}
            for t in workflow.available(case.status, scope.roles, everything=scope.everything)
        ],
    }


@router.get("/cases/{case_id}", response={200: CaseDetail, 404: ErrorOut}, summary="Satu kasus")
def case_detail(request: HttpRequest, case_id: int) -> dict[str, Any]:
    return _detail(request, _case(request, case_id))


@router.post(
    "/cases",
    response={200: CaseDetail, 201: CaseDetail, 409: ErrorOut, 422: ErrorOut},
    summary="Catat laporan warga (telepon / datang langsung)",
)
def create_case(request: HttpRequest, payload: CaseIn) -> tuple[int, dict[str, Any]]:
    """Same idempotency_key and body: the first case again (200); different body: 409."""
    replay = Case.objects.filter(idempotency_key=payload.idempotency_key).order_by().exists()
    try:
        case = services.take_case(
            actor=request.user,
            origin=payload.origin,
            description=payload.description,
            category_code=payload.category or None,
            kind=payload.kind,
            urgency=payload.urgency or None,
            title=payload.title,
            desa_code=payload.desa or None,
            lat=payload.lat,
            lng=payload.lng,
            location_text=payload.location_text,
            privacy=payload.privacy,
            reporter_name=payload.reporter_name,
            reporter_phone=payload.reporter_phone,
            reporter_email=payload.reporter_email,
            reply_channel=payload.reply_channel,
            reply_address=payload.reply_address,
            idempotency_key=payload.idempotency_key,
        )
    except services.IdempotencyConflict as exc:
        raise HttpError(409, str(exc)) from exc
    except services.CaseError as exc:
        raise HttpError(422, str(exc)) from exc
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from exc
    case = Case.objects.select_related("category", "unit", "desa", "merged_into").get(pk=case.pk)
    visible = selectors.scoped_cases(request.user).filter(pk=case.pk).exists()
    body = _detail(request, case)
    if not visible:  # routed to a unit outside the officer's scope: the receipt only
        body["transitions"] = []
    return (200 if replay else 201), body


def _act(call: Any) -> Any:
    try:
        return call()
    except Http404:
        raise
    except (services.CaseError, workflow.TransitionError) as exc:
        raise HttpError(422, str(exc)) from exc
    except PermissionDenied as exc:
        raise HttpError(403, str(exc) or _("Tidak berwenang.")) from exc


@router.post(
    "/cases/{case_id}/transitions",
    response={200: CaseDetail, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Ubah status kasus (verifikasi, tugaskan, selesaikan, …)",
)
def transition(request: HttpRequest, case_id: int, payload: TransitionIn) -> dict[str, Any]:
    case = _case(request, case_id)
    assignee = (
        Person.objects.restrict(request.user).filter(pk=payload.assignee).first()
        if payload.assignee
        else None
    )
    target = selectors.find_by_code(payload.target_code) if payload.target_code else None
    _act(
        lambda: services.transition_case(
            actor=request.user,
            case=case,
            name=payload.action,
            note=payload.note,
            assignee=assignee,
            target=target,
            agency=payload.agency,
            sent_text=payload.sent_text,
        )
    )
    return _detail(request, _case(request, case_id))


@router.post(
    "/cases/{case_id}/classification",
    response={200: CaseDetail, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Koreksi kategori dan urgensi (disimpan sebagai label pelatihan triase)",
)
def reclassify(request: HttpRequest, case_id: int, payload: ReclassifyIn) -> dict[str, Any]:
    case = _case(request, case_id)
    _act(
        lambda: services.reclassify_case(
            actor=request.user,
            case=case,
            category_code=payload.category,
            urgency=payload.urgency,
            note=payload.note,
        )
    )
    return _detail(request, _case(request, case_id))


@router.post(
    "/cases/{case_id}/replies",
    response={201: MessageOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Balas pelapor (publik) atau tambah catatan internal",
)
def reply(request: HttpRequest, case_id: int, payload: ReplyIn) -> tuple[int, Any]:
    case = _case(request, case_id)
    message = _act(
        lambda: services.reply_to_case(
            actor=request.user, case=case, text=payload.text, public=payload.public
        )
    )
    return 201, message
