"""Staff intake: a case an officer takes over the phone or at the desk (telepon / datang)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from polmas.aspirations import workflow
from polmas.aspirations.models import Case, Channel, Origin
from polmas.aspirations.services.common import CaseError
from polmas.aspirations.services.intake import create_case
from polmas.org.scope import get_scope

STAFF_ORIGINS = (Origin.TELEPON, Origin.DATANG)


def take_case(*, actor: Any, origin: str, reply_channel: str = Channel.WEB, **fields: Any) -> Case:
    """Record a case for a resident; same rules as `create_case`, plus: an acting role, and a
    staff origin. The officer is `created_by`; the reporter gets the usual receipt. A category
    or urgency the officer chose against the triage's suggestion becomes a triage label."""
    scope = get_scope(actor)
    if not (scope.everything or scope.roles & workflow.ACTING_ROLES):
        raise PermissionDenied(_("Peran Anda tidak berwenang mencatat laporan."))
    if origin not in STAFF_ORIGINS:
        raise CaseError(_("Asal laporan petugas harus telepon atau datang langsung."))
    if reply_channel not in Channel.values or reply_channel == Channel.OPEN311:
        raise CaseError(_("Kanal balasan tidak dikenal."))
    return create_case(
        actor=actor, origin=origin, reply_channel=reply_channel, learn_from_choice=True, **fields
    )
