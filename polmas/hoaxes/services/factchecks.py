"""Fact-check base writes: imports (upsert by source + external id), Humas clarifications."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from polmas.core.audit import changed, record_event, snapshot
from polmas.hoaxes.importers import FactCheckData, read_claimreview_json, read_turnbackhoax_csv
from polmas.hoaxes.models import FactCheck, FactCheckSource, HoaxReport
from polmas.hoaxes.workflow import REVIEW_ROLES
from polmas.org.access import check_role
from polmas.org.models import Region, Unit
from polmas.org.selectors import memberships_of

_UPDATABLE = (
    "url",
    "title",
    "verdict",
    "claim",
    "explanation",
    "conclusion",
    "category",
    "published_on",
)
_AUDITED = ("title", "verdict", "is_published", "url", "deleted_at", "approved_at")


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@transaction.atomic
def upsert_factchecks(*, actor: Any, rows: Iterable[FactCheckData], label: str) -> ImportResult:
    """Insert new fact-checks and update changed ones; the key is (source, external_id).

    A row seen twice in one file keeps its last version. Soft-deleted rows are not revived.
    """
    latest: dict[tuple[str, str], FactCheckData] = {}
    for row in rows:
        latest[(row.source, row.external_id)] = row
    sources = {s for s, _ in latest}
    existing = {
        (fc.source, fc.external_id): fc for fc in FactCheck.objects.filter(source__in=sources)
    }
    to_create: list[FactCheck] = []
    to_update: list[FactCheck] = []
    unchanged = 0
    now = timezone.now()
    for key, row in latest.items():
        fields = row.fields()
        current = existing.get(key)
        if current is None:
            to_create.append(FactCheck(source=row.source, external_id=row.external_id, **fields))
            continue
        if all(getattr(current, name) == value for name, value in fields.items()):
            unchanged += 1
            continue
        for name, value in fields.items():
            setattr(current, name, value)
        current.updated_at = now
        to_update.append(current)
    FactCheck.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        FactCheck.objects.bulk_update(to_update, [*_UPDATABLE, "updated_at"], batch_size=500)
    result = ImportResult(len(to_create), len(to_update), unchanged)
    record_event(
        actor=actor,
        verb="factcheck.import",
        after={
            "file": label,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        },
    )
    return result


def import_turnbackhoax(*, actor: Any, path: Path) -> ImportResult:
    return upsert_factchecks(actor=actor, rows=list(read_turnbackhoax_csv(path)), label=path.name)


def import_claimreview(*, actor: Any, path: Path) -> ImportResult:
    return upsert_factchecks(actor=actor, rows=list(read_claimreview_json(path)), label=path.name)


def _actor_unit(actor: Any) -> Unit | None:
    membership = memberships_of(actor).order_by("unit__path").first()
    return membership.unit if membership else None


@transaction.atomic
def create_local_clarification(
    *,
    actor: Any,
    title: str,
    conclusion: str,
    explanation: str = "",
    claim: str = "",
    verdict: str = "SALAH",
    region: Region | None = None,
    category: str = "",
    is_demo: bool = False,
) -> FactCheck:
    """A Polres/Polsek clarification of a local rumour (e.g. a denial), published at once."""
    if actor is not None:
        check_role(actor, *REVIEW_ROLES)
    now = timezone.now()
    factcheck = FactCheck.objects.create(
        source=FactCheckSource.HUMAS,
        external_id=f"humas-{uuid.uuid4().hex}",
        title=title.strip(),
        claim=claim.strip(),
        verdict=verdict,
        explanation=explanation.strip(),
        conclusion=conclusion.strip(),
        category=category,
        published_on=timezone.localdate(),
        unit=_actor_unit(actor) if actor is not None else None,
        region=region,
        approved_at=now,
        approved_by=actor if getattr(actor, "is_authenticated", False) else None,
        is_demo=is_demo,
    )
    record_event(
        actor=actor, verb="factcheck.create", target=factcheck, after=snapshot(factcheck, _AUDITED)
    )
    return factcheck


def approve_factcheck(*, actor: Any, factcheck: FactCheck) -> None:
    """Mark a fact-check as Humas-approved (it then appears on the public /hoaks/ page)."""
    if factcheck.approved_at is not None:
        return
    factcheck.approved_at = timezone.now()
    factcheck.approved_by = actor if getattr(actor, "is_authenticated", False) else None
    factcheck.save(update_fields=["approved_at", "approved_by", "updated_at"])
    record_event(
        actor=actor,
        verb="factcheck.approve",
        target=factcheck,
        after={"approved_at": factcheck.approved_at},
    )


@transaction.atomic
def set_factcheck_published(*, actor: Any, factcheck: FactCheck, published: bool) -> FactCheck:
    check_role(actor, *REVIEW_ROLES)
    before = snapshot(factcheck, _AUDITED)
    factcheck.is_published = published
    factcheck.save(update_fields=["is_published", "updated_at"])
    b, a = changed(before, snapshot(factcheck, _AUDITED))
    record_event(actor=actor, verb="factcheck.update", target=factcheck, before=b, after=a)
    return factcheck


def reports_answered_with(factcheck: FactCheck) -> int:
    return HoaxReport.objects.filter(answer=factcheck, deleted_at__isnull=True).count()
