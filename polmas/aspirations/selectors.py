"""Reads about cases. Every staff read starts from `Case.objects.restrict(user)`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from polmas.aspirations import neighbours, similarity, tally, tracking
from polmas.aspirations.lookups import memo
from polmas.aspirations.masking import mask_email, mask_name, mask_phone
from polmas.aspirations.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    TIMED_STATUSES,
    Case,
    Category,
    Privacy,
    Status,
    TriageLabel,
)
from polmas.aspirations.querysets import CaseQuerySet, desa_codes_within, overdue_q
from polmas.org.models import Membership, Role
from polmas.org.scope import get_scope

User = Any

# Roles whose work needs a reporter's contact (to call back, to visit). Others see it masked.
CONTACT_ROLES = frozenset(
    {
        Role.KAPOLRES,
        Role.KABAG_OPS,
        Role.KAPOLSEK,
        Role.OPERATOR,
        Role.PERSONIL,
        Role.BHABINKAMTIBMAS,
    }
)


@dataclass(frozen=True)
class InboxFilters:
    status: str = ""  # a Status value, "open" or "closed"
    category: str = ""
    urgency: str = ""
    desa: str = ""
    overdue: bool = False
    mine: bool = False
    q: str = ""


# Scopes with cases in more units than this are written as "not in the other units".
WIDE_SCOPE_UNITS = 3
# Counting stops here: "1.000+" instead of scanning a million rows for an exact figure.
COUNT_CAP = 1_000


def scoped_cases(user: User) -> CaseQuerySet:
    return Case.objects.restrict(user).alive()


def _category_id(code: str) -> int | None:
    return memo(
        "category_id",
        code,
        lambda: Category.objects.filter(code=code).values_list("id", flat=True).first(),
    )


def listed_cases(user: User) -> CaseQuerySet:
    """`scoped_cases` rewritten for lists: the same rows, without the unit-OR-desa condition.

    A case is in scope if its unit is one of the user's units, or its desa lies in the user's
    area. Nearly every case in the area is handled by a unit of the area, so the desa branch
    only adds the few (unit, desa) pairs handled elsewhere (escalated upward, Polres triage).
    The roll-up names those pairs exactly; the list condition becomes `unit_id IN (...)` plus
    those pairs, which walks the (unit, created_at) or created_at index in order instead of
    merging two index scans and sorting all of the area's cases.
    """
    scope = get_scope(user)
    if scope.everything or not scope.has_role:
        return scoped_cases(user)
    units = sorted(scope.unit_ids)
    desa = desa_codes_within(scope.region_codes) if scope.region_codes else ()
    foreign: dict[int, list[str]] = {}
    if desa:
        pairs = (
            tally.CaseTally.objects.filter(desa_code__in=desa, n__gt=0)
            .exclude(unit_id__in=units)
            .values_list("unit_id", "desa_code")
        )
        for unit_id, code in pairs:
            foreign.setdefault(unit_id, []).append(code)
    busy = set(tally.CaseTally.objects.filter(n__gt=0).values_list("unit_id", flat=True).distinct())
    outside = sorted(busy - set(units))
    if len(busy & set(units)) > WIDE_SCOPE_UNITS:
        # A wide scope (a Polres): name the few units outside it instead, so the database
        # walks the created_at index and skips their rows, rather than merging many ranges.
        condition = ~Q(unit_id__in=outside) if outside else Q()
    else:
        condition = Q(unit_id__in=units) if units else Q(pk__in=[])
    for unit_id, codes in sorted(foreign.items()):
        condition |= Q(unit_id=unit_id, desa_id__in=sorted(codes))
    return Case.objects.filter(condition).alive()


def inbox(user: User, f: InboxFilters, *, now: dt.datetime | None = None) -> CaseQuerySet:
    qs = listed_cases(user)
    statuses = status_set(f.status)
    if statuses is not None:
        qs = qs.filter(status__in=sorted(statuses))
    if f.category:
        qs = qs.filter(category_id=_category_id(f.category) or 0)
    if f.urgency:
        qs = qs.filter(urgency=f.urgency)
    if f.desa:
        qs = qs.filter(desa_id=f.desa)
    if f.overdue:
        qs = qs.filter(overdue_q(now or timezone.now()))
    if f.mine:
        qs = qs.filter(assignee__user_id=getattr(user, "pk", 0) or 0)
    if f.q:
        code = tracking.normalise(f.q)
        qs = qs.filter(tracking_code=code) if code else qs.filter(title__icontains=f.q[:80])
    return qs


def status_set(status: str) -> frozenset[str] | None:
    """The statuses a status filter means (None: no status filter)."""
    if status == "open":
        return frozenset(OPEN_STATUSES)
    if status == "closed":
        return frozenset(CLOSED_STATUSES)
    if status in Status.values:
        return frozenset({status})
    return None


def inbox_order(f: InboxFilters) -> tuple[str, str]:
    """Newest first; the overdue list shows the longest overdue first (walks the due_at index)."""
    return ("due_at", "id") if f.overdue else ("-created_at", "-id")


# What an inbox row shows: the long texts and the JSON triage stay in the database.
def inbox_page(qs: CaseQuerySet, f: InboxFilters | None = None) -> CaseQuerySet:
    """The row columns only, in list order, and no joins: with a join SQLite may start from
    the small table and sort the whole case table. Names come from `attach_names`."""
    order = inbox_order(f) if f is not None else ("-created_at", "-id")
    return qs.only(
        "id",
        "tracking_code",
        "title",
        "created_at",
        "urgency",
        "status",
        "due_at",
        "privacy",
        "reporter_name",
        "reporter_phone",
        "reporter_email",
        "unit_id",
        "desa_id",
        "category_id",
        "deleted_at",
    ).order_by(*order)


def attach_names(rows: list[Case]) -> list[Case]:
    """Fill category, unit and desa of a page of rows from small cached lookups (no joins)."""
    from polmas.org.models import Region, Unit

    categories = memo("categories_by_id", None, lambda: {c.pk: c for c in Category.objects.all()})
    units = memo("units_by_id", None, lambda: {u.pk: u for u in Unit.objects.all()})
    codes = sorted({c.desa_id for c in rows if c.desa_id})
    desa = {r.pk: r for r in Region.objects.filter(code__in=codes).only("code", "name", "level")}
    for c in rows:
        if c.category_id in categories:
            c.category = categories[c.category_id]
        if c.unit_id in units:
            c.unit = units[c.unit_id]
        if c.desa_id in desa:
            c.desa = desa[c.desa_id]
    return rows


def bounded_count(qs: CaseQuerySet, cap: int = COUNT_CAP) -> int:
    """min(count, cap): a LIMITed subquery, so the cost stops growing with the table."""
    return qs.order_by()[:cap].count()


def _tally_scope(user: User) -> Q:
    scope = get_scope(user)
    if scope.everything:
        return Q()
    if not scope.has_role:
        return Q(pk__in=[])
    desa = desa_codes_within(scope.region_codes) if scope.region_codes else ()
    return tally.scope_filter(scope.unit_ids, desa)


def inbox_total(user: User, f: InboxFilters) -> int | None:
    """Exact number of matching cases from the roll-up (status and desa filters), else None:
    other filters are not counted at all (a selective filter over a wide scope would scan the
    table); lists then page by "is there a next page"."""
    if f.category or f.urgency or f.overdue or f.mine or f.q:
        return None
    by_status = tally.totals(_tally_scope(user), statuses=status_set(f.status), desa=f.desa)
    return sum(by_status.values())


def counts(user: User, *, now: dt.datetime | None = None) -> dict[str, int]:
    """Open cases per status (from the roll-up) and the overdue count (bounded by COUNT_CAP)."""
    now = now or timezone.now()
    by_status = tally.totals(_tally_scope(user), statuses=OPEN_STATUSES)
    result = {s.value: by_status.get(s.value, 0) for s in Status if s in OPEN_STATUSES}
    result["overdue"] = bounded_count(listed_cases(user).filter(overdue_q(now)))
    return result


def direct_counts(user: User, *, now: dt.datetime | None = None) -> dict[str, int]:
    """The same figures counted row by row (tests and `polmas case-tally --check`)."""
    now = now or timezone.now()
    aggregates: dict[str, Any] = {
        s.value: Count("id", filter=Q(status=s.value)) for s in Status if s in OPEN_STATUSES
    }
    aggregates["overdue"] = Count("id", filter=Q(status__in=TIMED_STATUSES, due_at__lt=now))
    return scoped_cases(user).filter(status__in=OPEN_STATUSES).aggregate(**aggregates)


def _member_of_unit(user: User, unit_id: int) -> bool:
    return Membership.objects.filter(
        person__user_id=getattr(user, "pk", 0) or 0, unit_id=unit_id, is_active=True
    ).exists()


def contact_access(user: User, case: Case) -> str:
    """'full', 'masked' or 'hidden' for the reporter's identity on this case.

    anonim/rahasia: only members of the handling unit see it (masked unless their role needs
    it); everyone else, superusers included, never. biasa: roles that need it see it in full.
    """
    scope = get_scope(user)
    if case.privacy in (Privacy.ANONIM, Privacy.RAHASIA):
        if not _member_of_unit(user, case.unit_id):
            return "hidden"
        return "full" if scope.roles & CONTACT_ROLES else "masked"
    if scope.everything or scope.roles & CONTACT_ROLES:
        return "full"
    return "masked"


def reporter_view(access: str, case: Case) -> dict[str, str]:
    if access == "hidden":
        return {"name": "", "phone": "", "email": "", "hidden": "1"}
    if access == "masked":
        return {
            "name": mask_name(case.reporter_name),
            "phone": mask_phone(case.reporter_phone),
            "email": mask_email(case.reporter_email) if case.reporter_email else "",
            "hidden": "",
        }
    return {
        "name": case.reporter_name,
        "phone": case.reporter_phone,
        "email": case.reporter_email,
        "hidden": "",
    }


def list_reporter_view(user: User, case: Case) -> dict[str, str]:
    """In lists and exports: anonim/rahasia never show the reporter; others per role."""
    if case.privacy != Privacy.BIASA:
        return reporter_view("hidden", case)
    scope = get_scope(user)
    return reporter_view("full" if scope.roles & CONTACT_ROLES else "masked", case)


def duplicate_candidates(
    user: User, case: Case, *, limit: int = 5, threshold: float = 55.0
) -> list[tuple[Case, float]]:
    """Similar open cases in the same or neighbouring desa (or the same unit without a desa)."""
    qs = scoped_cases(user).filter(status__in=OPEN_STATUSES).exclude(pk=case.pk)
    if case.desa_id:
        qs = qs.filter(desa_id__in=[case.desa_id, *neighbours.neighbours(case.desa_id)])
    else:
        qs = qs.filter(unit_id=case.unit_id, desa__isnull=True)
    since = case.created_at - dt.timedelta(days=60)
    candidates = qs.filter(created_at__gte=since).only(
        "id", "tracking_code", "title", "description", "status", "desa_id", "created_at"
    )[:300]
    scored = [(c, similarity.score(case.description, c.description)) for c in candidates]
    scored = [(c, s) for c, s in scored if s >= threshold]
    scored.sort(key=lambda cs: -cs[1])
    return scored[:limit]


def find_by_code(raw: str) -> Case | None:
    """The public lookup: a valid code of a live case, else None."""
    code = tracking.normalise(raw)
    if code is None:
        return None
    return (
        Case.objects.alive()
        .select_related("category", "merged_into")
        .filter(tracking_code=code)
        .first()
    )


def public_messages(case: Case) -> list[Any]:
    """What the tracking page shows: public replies and notices to this reporter."""
    from polmas.aspirations.models import MessageKind

    return list(
        case.messages.filter(
            kind__in=[MessageKind.PUBLIC_REPLY, MessageKind.NOTICE, MessageKind.REPORTER_INFO]
        ).order_by("created_at", "id")
    )


def latest_triage_labels() -> QuerySet[TriageLabel]:
    """The latest correction of every corrected case, oldest case first (the training lines of
    ``polmas export-triage-labels``)."""
    latest = TriageLabel.objects.values("case_id").annotate(last=Max("id")).values("last")
    return TriageLabel.objects.filter(id__in=latest).order_by("case_id")
