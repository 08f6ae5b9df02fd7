"""Shared pieces of the case services: errors, authorisation, audit snapshots."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from polmas.aspirations.models import Case, case_fields_for_audit
from polmas.core.audit import snapshot
from polmas.org.scope import get_scope


class CaseError(ValueError):
    """Bad input or a disallowed change; the message is Indonesian and shown to the user."""


class IdempotencyConflict(CaseError):  # noqa: N818 (the HTTP word)
    """The same idempotency key was sent earlier with a different body (HTTP 409)."""


def authorise(actor: Any, case: Case, roles: frozenset[str] | None = None) -> None:
    """The actor must see the case (else 404) and, if given, hold one of `roles` (else 403).

    `actor=None` is the system (background jobs, the public tracking page after the code check).
    """
    if actor is None:
        return
    if not Case.objects.restrict(actor).filter(pk=case.pk).exists():
        raise Http404
    scope = get_scope(actor)
    if roles is not None and not scope.everything and not (scope.roles & roles):
        raise PermissionDenied(_("Peran Anda tidak berwenang melakukan tindakan ini."))


def case_snapshot(case: Case) -> dict[str, Any]:
    return snapshot(case, case_fields_for_audit())
