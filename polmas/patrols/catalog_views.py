"""Editing the kamtibmas message catalog and campaigns (Kasi Humas and commanders).

Everyone with a role reads the catalog their units share; CATALOG_ROLES add and change messages
and campaigns owned by units in their scope (others answer 404). Writes go through the services,
which validate (Indonesian reasons, nothing saved on a refusal) and write the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib import messages as flash
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from polmas.core.models import AuditEvent
from polmas.org.access import role_required, user_has_role
from polmas.org.scope import get_scope
from polmas.patrols import selectors, services
from polmas.patrols.catalog_forms import CampaignForm, MessageForm
from polmas.patrols.models import Topic

PAGE_SIZE = 20


def _editable_ids(request: HttpRequest, rows: Any) -> set[int]:
    """Rows on this page the user may edit: catalog role and owner unit in scope."""
    if not user_has_role(request.user, *services.CATALOG_ROLES):
        return set()
    scope = get_scope(request.user)
    return {r.pk for r in rows if scope.everything or r.unit_id in scope.unit_ids}


def _refused(form: Any, exc: services.PatrolServiceError) -> None:
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)


@role_required()
def message_list(request: HttpRequest) -> HttpResponse:
    topic = request.GET.get("topic") or None
    qs = selectors.catalog_messages(request.user)
    if topic:
        qs = qs.filter(topic=topic)
    page = Paginator(qs.order_by("topic", "title", "id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "topic": topic,
        "topics": Topic.choices,
        "editable": _editable_ids(request, page.object_list),
        "can_add": user_has_role(request.user, *services.CATALOG_ROLES),
        "today": timezone.localdate(),
    }
    return render(request, "patrols/message_list.html", context)


def _edit_page(request: HttpRequest, form: Any, kind: str, obj: Any = None) -> HttpResponse:
    """The shared new/edit page; a refused POST answers 422 with the form's errors."""
    context: dict[str, Any] = {"form": form, "kind": kind}
    if obj is not None:
        context.update(obj=obj, events=AuditEvent.objects.for_object(obj)[:30])
    status = 422 if request.method == "POST" else 200
    return render(request, "patrols/catalog_edit.html", context, status=status)


@role_required(*services.CATALOG_ROLES)
@require_http_methods(["GET", "POST"])
def message_new(request: HttpRequest) -> HttpResponse:
    units = selectors.catalog_units(request.user)
    initial = {"unit": selectors.default_unit_for(request.user), "valid_from": timezone.localdate()}
    form = MessageForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_message(actor=request.user, **form.cleaned_data)
        except services.PatrolServiceError as exc:
            _refused(form, exc)
        else:
            flash.success(request, _("Pesan kamtibmas ditambahkan."))
            return redirect("patrols:catalog")
    return _edit_page(request, form, "message")


@role_required(*services.CATALOG_ROLES)
@require_http_methods(["GET", "POST"])
def message_edit(request: HttpRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(
        selectors.editable_messages(request.user).select_related("unit"), pk=message_id
    )
    form = MessageForm(request.POST or None, units=None, message=message)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_message(actor=request.user, message=message, **form.cleaned_data)
        except services.PatrolServiceError as exc:
            message.refresh_from_db()
            _refused(form, exc)
        else:
            flash.success(request, _("Pesan kamtibmas diperbarui."))
            return redirect("patrols:catalog")
    return _edit_page(request, form, "message", message)


@role_required()
def campaign_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.campaigns(request.user).prefetch_related("areas").order_by("-starts_on", "name")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "editable": _editable_ids(request, page.object_list),
        "can_add": user_has_role(request.user, *services.CATALOG_ROLES),
        "today": timezone.localdate(),
    }
    return render(request, "patrols/campaign_list.html", context)


def _campaign_form(request: HttpRequest, campaign: Any = None, **kwargs: Any) -> CampaignForm:
    return CampaignForm(
        request.POST or None,
        units=selectors.catalog_units(request.user),
        areas=selectors.campaign_area_choices(request.user, campaign),
        messages=selectors.catalog_messages(request.user).order_by("topic", "title"),
        campaign=campaign,
        **kwargs,
    )


@role_required(*services.CATALOG_ROLES)
@require_http_methods(["GET", "POST"])
def campaign_new(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = _campaign_form(
        request, initial={"unit": selectors.default_unit_for(request.user), "starts_on": today}
    )
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        try:
            campaign = services.create_campaign(
                actor=request.user,
                unit=c["unit"],
                name=c["name"],
                description=c["description"],
                starts_on=c["starts_on"],
                ends_on=c["ends_on"],
                messages=list(c["messages"]),
                areas=list(c["areas"]),
            )
        except services.PatrolServiceError as exc:
            _refused(form, exc)
        else:
            flash.success(request, _("Kampanye dibuat."))
            return redirect("patrols:campaign", campaign_id=campaign.pk)
    return _edit_page(request, form, "campaign")


@role_required(*services.CATALOG_ROLES)
@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = get_object_or_404(
        selectors.editable_campaigns(request.user).select_related("unit"), pk=campaign_id
    )
    form = _campaign_form(request, campaign)
    if request.method == "POST" and form.is_valid():
        c = form.cleaned_data
        try:
            services.update_campaign(
                actor=request.user,
                campaign=campaign,
                name=c["name"],
                description=c["description"],
                starts_on=c["starts_on"],
                ends_on=c["ends_on"],
                messages=list(c["messages"]),
                areas=list(c["areas"]),
            )
        except services.PatrolServiceError as exc:
            campaign.refresh_from_db()
            _refused(form, exc)
        else:
            flash.success(request, _("Kampanye diperbarui."))
            return redirect("patrols:campaign", campaign_id=campaign.pk)
    return _edit_page(request, form, "campaign", campaign)
