"""Staff pages: the inbox with filters and bulk actions, the case page, actions, exports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from polmas.aspirations import exports, selectors, services, sla, workflow
from polmas.aspirations.forms import (
    BulkForm,
    InboxFilterForm,
    ReclassifyForm,
    ReplyForm,
    TransitionForm,
)
from polmas.aspirations.models import Case
from polmas.core.models import AuditEvent
from polmas.org.access import role_required
from polmas.org.models import Person
from polmas.org.scope import get_scope

PAGE_SIZE = 50
MAX_PAGES = 200  # deep OFFSET walks cost; beyond 10,000 rows, filter
MAX_ROWS = MAX_PAGES * PAGE_SIZE


def _filters(request: HttpRequest) -> tuple[InboxFilterForm, selectors.InboxFilters]:
    form = InboxFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    return form, selectors.InboxFilters(
        status=data.get("status", "") or "",
        category=data.get("category", "") or "",
        urgency=data.get("urgency", "") or "",
        desa=data.get("desa", "") or "",
        overdue=bool(data.get("overdue")),
        mine=bool(data.get("mine")),
        q=data.get("q", "") or "",
    )


@dataclass
class InboxPage:
    """One page of the inbox. `total` is None when the filter is not counted (see
    `selectors.inbox_total`); paging then relies on fetching one row more than shown."""

    number: int
    object_list: list[Case]
    has_next: bool
    total: int | None

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def num_pages(self) -> int | None:
        return None if self.total is None else max(1, -(-min(self.total, MAX_ROWS) // PAGE_SIZE))


def _page_number(raw: str | None) -> int:
    try:
        return max(1, min(int(raw or 1), MAX_PAGES))
    except ValueError:
        return 1


@role_required()
def inbox(request: HttpRequest) -> HttpResponse:
    form, f = _filters(request)
    qs = selectors.inbox(request.user, f)
    total = selectors.inbox_total(request.user, f)
    number = _page_number(request.GET.get("page"))
    if total is not None:
        last = max(1, -(-min(total, MAX_ROWS) // PAGE_SIZE))
        number = min(number, last)
    start = (number - 1) * PAGE_SIZE
    fetched = list(selectors.inbox_page(qs, f)[start : start + PAGE_SIZE + 1])
    more = len(fetched) > PAGE_SIZE and number < MAX_PAGES
    page = InboxPage(number, selectors.attach_names(fetched[:PAGE_SIZE]), more, total)
    rows = [(c, selectors.list_reporter_view(request.user, c)) for c in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "total": total,
        "pages_capped": number == MAX_PAGES and len(fetched) > PAGE_SIZE,
        "counts": selectors.counts(request.user),
        "count_cap": selectors.COUNT_CAP,
        "query": query.urlencode(),
        "assignees": _assignable(request.user),
    }
    return render(request, "aspirations/inbox.html", context)


def _assignable(user: Any) -> list[Person]:
    return list(Person.objects.restrict(user).select_related("unit").order_by("full_name")[:300])


def _case(request: HttpRequest, pk: int) -> Case:
    return get_object_or_404(
        selectors.scoped_cases(request.user).select_related(
            "category", "unit", "desa", "assignee", "sla_policy", "merged_into"
        ),
        pk=pk,
    )


@role_required()
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    scope = get_scope(request.user)
    access = selectors.contact_access(request.user, case)
    context = {
        "case": case,
        "reporter": selectors.reporter_view(access, case),
        "access": access,
        "messages_list": case.messages.select_related("author").order_by("created_at", "id"),
        "attachments": case.attachments.all() if access != "hidden" else [],
        "transitions": workflow.available(case.status, scope.roles, everything=scope.everything),
        "duplicates": selectors.duplicate_candidates(request.user, case) if case.is_open else [],
        "assignees": [
            p for p in _assignable(request.user) if p.unit.path.startswith(case.unit.path)
        ],
        "events": AuditEvent.objects.for_object(case)[:100],
        "reply_form": ReplyForm(),
        "reclassify_form": ReclassifyForm(
            initial={"category": case.category.code, "urgency": case.urgency}
        ),
        "seconds_left": sla.working_seconds_left(case, _now()),
        "bhabins": selectors_bhabins(case),
    }
    return render(request, "aspirations/case_detail.html", context)


def selectors_bhabins(case: Case) -> list[str]:
    from polmas.aspirations.routing import bhabinkamtibmas_names

    return bhabinkamtibmas_names(case.desa_id) if case.desa_id else []


def _now() -> Any:
    from django.utils import timezone

    return timezone.now()


@role_required()
@require_POST
def case_action(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Data tindakan tidak valid."))
        return redirect("aspirations:case", pk=case.pk)
    d = form.cleaned_data
    assignee = (
        Person.objects.restrict(request.user).filter(pk=d["assignee"]).first()
        if d.get("assignee")
        else None
    )
    target = selectors.find_by_code(d["target_code"]) if d.get("target_code") else None
    try:
        services.transition_case(
            actor=request.user,
            case=case,
            name=d["name"],
            note=d.get("note") or "",
            assignee=assignee,
            target=target,
            agency=d.get("agency") or "",
            sent_text=d.get("sent_text") or "",
        )
    except services.CaseError as exc:
        messages.error(request, str(exc))
    except workflow.TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Status kasus diperbarui."))
    return redirect("aspirations:case", pk=case.pk)


@role_required()
@require_POST
def case_reclassify(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    form = ReclassifyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kategori atau urgensi tidak valid."))
        return redirect("aspirations:case", pk=case.pk)
    d = form.cleaned_data
    try:
        services.reclassify_case(
            actor=request.user,
            case=case,
            category_code=d["category"],
            urgency=d["urgency"],
            note=d.get("note") or "",
        )
    except services.CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Kategori dan urgensi diperbarui; koreksi ini disimpan untuk melatih triase."),
        )
    return redirect("aspirations:case", pk=case.pk)


@role_required()
@require_POST
def case_reply(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.reply_to_case(
                actor=request.user,
                case=case,
                text=form.cleaned_data["text"],
                public=form.cleaned_data["public"],
            )
            messages.success(request, _("Balasan tersimpan."))
        except services.CaseError as exc:
            messages.error(request, str(exc))
    else:
        messages.error(request, _("Isi balasan wajib diisi."))
    return redirect("aspirations:case", pk=case.pk)


@role_required()
@require_POST
def bulk_action(request: HttpRequest) -> HttpResponse:
    form = BulkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih kasus dan tindakan."))
        return redirect("aspirations:inbox")
    d = form.cleaned_data
    cases = list(selectors.scoped_cases(request.user).filter(pk__in=d["ids"][:200]))
    if len(cases) != len(set(d["ids"])):
        raise Http404
    assignee = (
        Person.objects.restrict(request.user).filter(pk=d["assignee"]).first()
        if d.get("assignee")
        else None
    )
    done, failed = 0, 0
    for case in cases:
        try:
            services.transition_case(
                actor=request.user,
                case=case,
                name=d["action"],
                note=d.get("note") or _("Tindakan massal"),
                assignee=assignee,
            )
            done += 1
        except (services.CaseError, PermissionDenied):
            failed += 1
    messages.info(
        request,
        _("%(done)s kasus diperbarui, %(failed)s gagal.") % {"done": done, "failed": failed},
    )
    return redirect("aspirations:inbox")


@role_required()
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    _form, f = _filters(request)
    qs = selectors.inbox(request.user, f)
    if fmt == "csv":
        body, ctype = exports.to_csv(request.user, qs), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        body = exports.to_xlsx(request.user, qs)
        ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404
    response = HttpResponse(body, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="kasus.{fmt}"'
    return response
