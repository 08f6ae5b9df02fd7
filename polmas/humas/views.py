"""Staff pages for press releases (scoped) and the public news page ("Berita")."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polmas.core.bounds import parse_id
from polmas.core.models import AuditEvent
from polmas.humas import selectors, services, workflow
from polmas.humas.forms import ActivityJsonForm, ReleaseEditForm, TransitionForm
from polmas.humas.models import PressRelease, ReleaseStatus
from polmas.org.access import role_required
from polmas.org.models import Unit
from polmas.org.scope import get_scope
from polmas.patrols.models import Patrol, PatrolStatus

PAGE_SIZE = 20


def _release_or_404(request: HttpRequest, pk: int) -> PressRelease:
    return get_object_or_404(selectors.releases_for(request.user), pk=pk)


@role_required()
def release_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or None
    page = Paginator(selectors.releases_for(request.user, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "status": status, "status_choices": ReleaseStatus.choices}
    return render(request, "humas/release_list.html", context)


@require_POST
@role_required(*workflow.EDITORS)
def release_from_patrol(request: HttpRequest) -> HttpResponse:
    patrol_id = parse_id(request.POST.get("patrol", ""))
    if patrol_id is None:  # not a number, or beyond any id: no such patrol
        raise Http404
    patrol = get_object_or_404(
        Patrol.objects.restrict(request.user).filter(deleted_at__isnull=True), pk=patrol_id
    )
    try:
        release = services.draft_from_patrol(actor=request.user, patrol=patrol)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("humas:release_new")
    messages.success(request, _("Draf siaran pers disusun dari patroli yang tercatat."))
    return redirect("humas:release_detail", pk=release.pk)


@role_required(*workflow.EDITORS)
def release_new(request: HttpRequest) -> HttpResponse:
    units = Unit.objects.restrict(request.user)
    patrols = (
        Patrol.objects.restrict(request.user)
        .filter(deleted_at__isnull=True, status=PatrolStatus.DONE)
        .select_related("unit")
        .order_by("-actual_start")[:30]
    )
    form = ActivityJsonForm(request.POST or None)
    unit_code = request.POST.get("unit", "")
    if request.method == "POST" and form.is_valid():
        unit = units.filter(code=unit_code).first()
        if unit is None:
            form.add_error(None, _("Pilih satuan dalam cakupan Anda."))
        else:
            try:
                release = services.draft_from_activity(
                    actor=request.user, unit=unit, activity=form.cleaned_data["activity"]
                )
            except ValidationError as exc:
                form.add_error("activity", exc)
            else:
                messages.success(request, _("Draf siaran pers dibuat."))
                return redirect("humas:release_detail", pk=release.pk)
    return render(
        request,
        "humas/release_new.html",
        {"form": form, "units": units, "unit_code": unit_code, "patrols": patrols},
    )


@role_required()
def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    release = _release_or_404(request, pk)
    scope = get_scope(request.user)
    context: dict[str, Any] = {
        "release": release,
        "versions": release.versions.select_related("author")[:20],
        "actions": workflow.allowed(release.status, scope.roles, superuser=scope.everything),
        "editable": release.status in workflow.EDITABLE,
        "events": AuditEvent.objects.for_object(release)[:50],
    }
    return render(request, "humas/release_detail.html", context)


@role_required(*workflow.EDITORS)
def release_edit(request: HttpRequest, pk: int) -> HttpResponse:
    release = _release_or_404(request, pk)
    initial = {"title": release.title, "body": release.body}
    form = ReleaseEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_release(actor=request.user, release=release, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Perubahan disimpan sebagai versi baru."))
            return redirect("humas:release_detail", pk=release.pk)
    return render(request, "humas/release_edit.html", {"form": form, "release": release})


@require_POST
@role_required()
def release_transition(request: HttpRequest, pk: int) -> HttpResponse:
    release = _release_or_404(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Permintaan tidak valid."))
        return redirect("humas:release_detail", pk=release.pk)
    try:
        services.transition_release(
            actor=request.user,
            release=release,
            action=form.cleaned_data["action"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Status siaran pers: %(s)s") % {"s": release.get_status_display()}
        )
    return redirect("humas:release_detail", pk=release.pk)


# --- public -------------------------------------------------------------------------------------


def news_list(request: HttpRequest, unit_code: str | None = None) -> HttpResponse:
    unit = None
    if unit_code is not None:
        unit = Unit.objects.filter(code=unit_code).first()
        if unit is None:
            raise Http404
    page = Paginator(selectors.published_releases(unit_code=unit_code), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "humas/news_list.html", {"page": page, "unit": unit})


def news_detail(request: HttpRequest, slug: str) -> HttpResponse:
    release = get_object_or_404(selectors.published_releases(), slug=slug)
    return render(request, "humas/news_detail.html", {"release": release})
