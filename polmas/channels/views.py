"""Staff pages (channel list, conversation log with masked numbers, broadcasts) and the public
web form with its receipt page."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from polmas.channels import selectors
from polmas.channels.forms import BroadcastForm
from polmas.channels.models import Channel, Conversation, Identity, OutboundStatus
from polmas.channels.services.contacts import mask_external_id
from polmas.channels.services.setup import broadcast_counts, send_broadcast
from polmas.org.access import role_required
from polmas.org.models import Unit
from polmas.org.selectors import desa_in_scope


@role_required()
def channel_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "channels/channel_list.html", {"channels": selectors.channels_for(request.user)}
    )


@role_required()
def channel_detail(request: HttpRequest, channel_id: int) -> HttpResponse:
    channel = get_object_or_404(
        Channel.objects.restrict(request.user).select_related("unit"), pk=channel_id
    )
    conversations = [
        {"conversation": c, "who": mask_external_id(c.identity)}
        for c in selectors.conversations_for(request.user, channel)[:100]
    ]
    outbound = selectors.outbound_for(request.user, channel)[:50]
    return render(
        request,
        "channels/channel_detail.html",
        {"channel": channel, "conversations": conversations, "outbound": outbound},
    )


@role_required()
def conversation_detail(request: HttpRequest, conversation_id: int) -> HttpResponse:
    conversation = get_object_or_404(
        Conversation.objects.restrict(request.user).select_related(
            "channel", "identity", "identity__contact"
        ),
        pk=conversation_id,
    )
    return render(
        request,
        "channels/conversation_detail.html",
        {
            "conversation": conversation,
            "who": mask_external_id(conversation.identity),
            "log": selectors.conversation_log(conversation),
        },
    )


@role_required()
def broadcasts(request: HttpRequest) -> HttpResponse:
    units = Unit.objects.restrict(request.user).order_by("path")
    desa = desa_in_scope(request.user).defer("boundary").order_by("name")
    form = BroadcastForm(request.POST or None, units=units, desa=desa)
    if request.method == "POST" and form.is_valid():
        try:
            broadcast = send_broadcast(
                actor=request.user,
                unit=form.cleaned_data["unit"],
                text=form.cleaned_data["text"],
                desa_codes=[d.code for d in form.cleaned_data["desa"]],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Pesan kamtibmas diantrekan untuk %(n)d warga.") % {"n": broadcast.recipients},
            )
            return redirect("channels:broadcasts")
    rows = [
        {"broadcast": b, "counts": broadcast_counts(b)}
        for b in selectors.broadcasts_for(request.user)[:30]
    ]
    return render(request, "channels/broadcasts.html", {"form": form, "rows": rows})


# --- public web form -----------------------------------------------------------------------------


def _web_channel(channel_id: int) -> Channel:
    return get_object_or_404(
        Channel.objects.select_related("unit"), pk=channel_id, kind="web", is_active=True
    )


def web_form(request: HttpRequest, channel_id: int) -> HttpResponse:
    channel = _web_channel(channel_id)
    session = request.COOKIES.get("polmas_warga") or str(uuid.uuid4())
    response = render(
        request,
        "channels/web_form.html",
        {
            "channel": channel,
            "session": session,
            "submission": uuid.uuid4(),
            "error": request.GET.get("galat", ""),
        },
    )
    response.set_cookie("polmas_warga", session, max_age=180 * 86400, httponly=True, samesite="Lax")
    return response


def web_receipt(request: HttpRequest, channel_id: int, session: uuid.UUID) -> HttpResponse:
    channel = _web_channel(channel_id)
    identity = Identity.objects.filter(channel=channel, external_id=str(session)).first()
    pending = channel.events.filter(
        processed_at__isnull=True, payload__session=str(session)
    ).exists()
    if identity is None and not pending:
        raise Http404
    answers = (
        identity.outbound.filter(
            status__in=[OutboundStatus.SENT, OutboundStatus.DELIVERED]
        ).order_by("-id")[:5]
        if identity
        else []
    )
    return render(
        request,
        "channels/web_receipt.html",
        {"channel": channel, "answers": answers, "pending": pending or not answers},
    )
