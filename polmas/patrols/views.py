"""Field screens (phone first) and the coverage, briefing and catalog pages."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from polmas.core.models import AuditEvent
from polmas.core.uploads import guard_upload
from polmas.org.access import role_required
from polmas.org.models import Person
from polmas.patrols import briefing, selectors, services, workflow
from polmas.patrols.forms import PatrolForm, PhotoForm, SessionForm
from polmas.patrols.models import AudienceGroup, PatrolStatus, Topic
from polmas.patrols.services.photos import MAX_PHOTO_BYTES
from polmas.patrols.validators import date_in_range

OUTBOX_HEADER = "X-Polmas-Outbox"


def _patrol_or_404(request: HttpRequest, patrol_id: int) -> Any:
    patrol = selectors.patrol_for(request.user, patrol_id)
    if patrol is None:
        raise Http404
    return patrol


def _utc_offset_minutes() -> int:
    offset = timezone.localtime().utcoffset()
    return int(offset.total_seconds() // 60) if offset else 0


@role_required()
def patrol_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    patrols = selectors.patrols_for(request.user, status=status)[:100]
    return render(
        request,
        "patrols/patrol_list.html",
        {"patrols": patrols, "status": status, "statuses": PatrolStatus.choices},
    )


@role_required(*services.FIELD_ROLES)
@require_http_methods(["GET", "POST"])
def patrol_new(request: HttpRequest) -> HttpResponse:
    unit = selectors.default_unit_for(request.user)
    leader: Person | None = getattr(request.user, "person", None)
    if unit is None or leader is None:
        raise PermissionDenied(_("Akun Anda tidak terhubung ke satuan dan data personel."))
    people = selectors.people_of_unit(unit).exclude(pk=leader.pk)
    form = PatrolForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        start = c.get("planned_start")
        try:
            patrol, _replayed = services.create_patrol(
                actor=request.user,
                unit=unit,
                leader=leader,
                members=list(c["members"]),
                patrol_type=c["patrol_type"],
                planned_start=None if c["start_now"] else start,
                area_note=c["area_note"],
                start_now=c["start_now"],
                idempotency_key=c["idempotency_key"],
                digest=services.request_hash(
                    {k: v for k, v in c.items() if k != "members"}
                    | {"members": sorted(m.pk for m in c["members"])}
                ),
            )
        except services.PatrolServiceError as exc:
            form.add_error(None, exc.message)
        else:
            if patrol.status == PatrolStatus.ACTIVE:
                flash.success(request, _("Patroli dimulai. Selamat bertugas."))
            else:
                flash.success(request, _("Patroli direncanakan."))
            return redirect("patrols:detail", patrol_id=patrol.pk)
    return render(request, "patrols/patrol_new.html", {"form": form, "unit": unit})


@role_required()
def patrol_detail(request: HttpRequest, patrol_id: int) -> HttpResponse:
    patrol = _patrol_or_404(request, patrol_id)
    context = {
        "patrol": patrol,
        "sessions": selectors.sessions_of(patrol),
        "actions": workflow.available_actions(patrol.status),
        "can_add_session": patrol.status == PatrolStatus.ACTIVE,
        "events": AuditEvent.objects.for_object(patrol)[:50],
        "group_labels": dict(AudienceGroup.choices),
    }
    return render(request, "patrols/patrol_detail.html", context)


@role_required(*services.FIELD_ROLES)
@require_POST
def patrol_action(request: HttpRequest, patrol_id: int, action: str) -> HttpResponse:
    patrol = _patrol_or_404(request, patrol_id)
    if action not in workflow.ACTIONS:
        raise Http404
    try:
        services.transition_patrol(actor=request.user, patrol=patrol, action=action)
    except services.PatrolServiceError as exc:
        flash.error(request, exc.message)
    else:
        flash.success(
            request,
            {
                "start": _("Patroli dimulai."),
                "end": _("Patroli selesai."),
                "cancel": _("Patroli dibatalkan."),
            }[action],
        )
    return redirect("patrols:detail", patrol_id=patrol.pk)


@role_required(*services.FIELD_ROLES)
@require_http_methods(["GET", "POST"])
def session_new(request: HttpRequest, patrol_id: int) -> HttpResponse:
    """The one-minute session form. A plain POST redirects (no JavaScript needed); a POST sent by
    the offline outbox (header `X-Polmas-Outbox: live|queued`) gets JSON so the script can tell
    "stored" from "refused" from "not reached"."""
    patrol = _patrol_or_404(request, patrol_id)
    outbox = request.headers.get(OUTBOX_HEADER, "")
    campaign_messages = selectors.campaign_messages_for_unit(request.user, patrol.unit)
    pool = selectors.valid_messages(request.user)
    if campaign_messages:
        pool = pool.filter(pk__in=[m.pk for m in campaign_messages])
    form = SessionForm(request.POST or None, messages=pool)
    status = 422
    if request.method == "POST" and form.is_valid():
        try:
            result = services.record_session(
                actor=request.user,
                patrol=patrol,
                data=form.to_data(),
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except services.PatrolServiceError as exc:
            form.add_error(None, exc.message)
            status = exc.status
        else:
            s = result.session
            if s.outside_area:
                text = _("Sesi tersimpan. Titik berada di luar wilayah Polres.")
            else:
                text = _("Sesi dialog tersimpan: %(desa)s.") % {
                    "desa": s.desa.name if s.desa else s.place_name
                }
            if outbox != "queued":  # a queued re-send happens in the background: no flash
                (flash.warning if s.outside_area else flash.success)(request, text)
            if outbox:
                return JsonResponse(
                    {
                        "ok": True,
                        "session": s.pk,
                        "replayed": result.replayed,
                        "message": text,
                        "url": reverse("patrols:detail", kwargs={"patrol_id": patrol.pk}),
                    },
                    status=200 if result.replayed else 201,
                )
            return redirect("patrols:detail", patrol_id=patrol.pk)
    if request.method == "POST" and outbox:
        errors = [str(e) for e in form.non_field_errors()] + [
            f"{form.fields[name].label or name}: {' '.join(str(e) for e in errs)}"
            for name, errs in form.errors.items()
            if name != "__all__"
        ]
        return JsonResponse({"ok": False, "errors": errors}, status=status)
    return render(
        request,
        "patrols/session_new.html",
        {
            "form": form,
            "patrol": patrol,
            "rendered_at": int(time.time() * 1000),
            "utc_offset": _utc_offset_minutes(),
        },
        status=422 if request.method == "POST" else 200,
    )


@role_required()
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_for(request.user, session_id)
    if session is None:
        raise Http404
    context = {
        "s": session,
        "form": PhotoForm(),
        "group_labels": dict(AudienceGroup.choices),
        "events": AuditEvent.objects.for_object(session)[:20],
    }
    return render(request, "patrols/session_detail.html", context)


@role_required(*services.FIELD_ROLES)
@require_POST
def session_photo(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_for(request.user, session_id)
    if session is None:
        raise Http404
    too_large, watcher = guard_upload(request, MAX_PHOTO_BYTES)
    upload = None if too_large else request.FILES.get("photo")
    if too_large or watcher.exceeded:
        flash.error(request, _("Foto terlalu besar (maksimal 8 MB)."))
        return redirect("patrols:session", session_id=session.pk)
    if upload is None:
        flash.error(request, _("Pilih berkas foto."))
        return redirect("patrols:session", session_id=session.pk)
    try:
        services.attach_photo(
            actor=request.user,
            session=session,
            stream=upload,
            declared_size=upload.size,
            caption=request.POST.get("caption", ""),
        )
    except services.PatrolServiceError as exc:
        flash.error(request, exc.message)
    else:
        flash.success(request, _("Foto tersimpan."))
    return redirect("patrols:session", session_id=session.pk)


def _int_arg(request: HttpRequest, name: str, default: int, lo: int, hi: int) -> int:
    try:
        return min(max(int(request.GET.get(name, default)), lo), hi)
    except ValueError:
        return default


@role_required()
def coverage(request: HttpRequest) -> HttpResponse:
    days = _int_arg(request, "days", 30, 1, 3660)
    stale = _int_arg(request, "stale_days", 14, 0, 3660)
    cmap = selectors.coverage_map(request.user, selectors.Period.last_days(days), stale_days=stale)
    context = {
        "cmap": cmap,
        "days": days,
        "stale": stale,
        "stale_desa": selectors.not_visited(cmap)[:50],
        "campaigns": selectors.campaigns(request.user).filter(ends_on__gte=timezone.localdate()),
        "topics": Topic.choices,
    }
    return render(request, "patrols/coverage.html", context)


@role_required()
def campaign_progress(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = get_object_or_404(selectors.campaigns(request.user), pk=campaign_id)
    progress = selectors.campaign_progress(request.user, campaign)
    rows = [
        (code, name, [progress.heard.get(code, {}).get(mid, 0) for mid in progress.message_ids])
        for code, name in progress.desa
    ]
    return render(
        request,
        "patrols/campaign_progress.html",
        {"campaign": campaign, "progress": progress, "rows": rows},
    )


@role_required()
def briefing_page(request: HttpRequest) -> HttpResponse:
    units = selectors.units_for_patrols(request.user)
    code = request.GET.get("unit")
    unit = units.filter(code=code).first() if code else selectors.default_unit_for(request.user)
    if code and unit is None:
        raise Http404
    try:
        day = (
            dt.date.fromisoformat(request.GET.get("date", "")) if request.GET.get("date") else None
        )
    except ValueError:
        day = None
    if day is not None and not date_in_range(day):
        # The sections count and format days around it: a year like 1 or 9999 cannot be.
        flash.warning(
            request,
            _("Tanggal %(date)s di luar rentang; briefing hari ini yang ditampilkan.")
            % {"date": day.isoformat()},
        )
        day = None
    day = day or timezone.localdate()
    sections = briefing.build_briefing(unit, day, request.user) if unit else []
    return render(
        request,
        "patrols/briefing.html",
        {"unit": unit, "day": day, "sections": sections, "units": units},
    )
