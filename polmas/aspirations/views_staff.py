"""Staff pages beside the inbox: taking a case by phone or at the desk, and attachments
served through access control (never a public media URL)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polmas.aspirations import selectors, services, workflow
from polmas.aspirations.forms import StaffCaseForm
from polmas.aspirations.models import CaseAttachment, Urgency
from polmas.aspirations.services.intake import MAX_DESCRIPTION, active_category
from polmas.org.access import role_required


@role_required(*workflow.ACTING_ROLES)
def new_case(request: HttpRequest) -> HttpResponse:
    form = StaffCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            case = services.take_case(
                actor=request.user,
                origin=d["origin"],
                kind=d["kind"],
                category_code=d["category"] or None,
                urgency=d["urgency"] or None,
                description=d["description"],
                desa_code=d["desa"] or None,
                location_text=d["location_text"],
                privacy=d["privacy"],
                reporter_name=d["reporter_name"],
                reporter_phone=d["reporter_phone"],
                reply_channel=d["reply_channel"],
                reply_address=d["reporter_phone"]
                if d["reply_channel"] in ("whatsapp", "sms")
                else "",
                idempotency_key=d["idempotency_key"],
            )
        except services.CaseError as exc:
            form.add_error(None, str(exc))
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _(
                    "Laporan tercatat dengan kode %(code)s (ditangani %(unit)s). "
                    "Sampaikan kode ini kepada pelapor."
                )
                % {"code": case.tracking_code, "unit": case.unit.name},
            )
            if selectors.scoped_cases(request.user).filter(pk=case.pk).exists():
                return redirect("aspirations:case", pk=case.pk)
            return redirect("aspirations:inbox")
    return render(request, "aspirations/new_case.html", {"form": form})


@role_required(*workflow.ACTING_ROLES)
@require_POST
def triage_suggestion(request: HttpRequest) -> HttpResponse:
    """The triage's category and urgency for the description being typed (htmx fragment)."""
    text = (request.POST.get("description") or "").strip()[:MAX_DESCRIPTION]
    result = services.apply_triage(text) if text else None
    context: dict[str, object] = {"result": result}
    if result:
        context["category"] = active_category(str(result.get("category") or ""))
        urgency = str(result.get("urgency") or "")
        context["urgency"] = Urgency(urgency).label if urgency in Urgency.values else ""
    return render(request, "aspirations/_triage_suggestion.html", context)


@role_required()
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """A case photo, only for users who may see the case and its reporter's material."""
    item = get_object_or_404(
        CaseAttachment.objects.select_related("case").filter(
            case__in=selectors.scoped_cases(request.user)
        ),
        pk=pk,
    )
    if selectors.contact_access(request.user, item.case) == "hidden":
        raise PermissionDenied(_("Lampiran ini hanya untuk satuan penanganan."))
    response = FileResponse(item.file.open("rb"), content_type=item.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response  # type: ignore[return-value]
