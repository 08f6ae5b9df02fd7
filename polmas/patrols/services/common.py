"""Shared pieces of the patrols services: errors, roles, authorisation, idempotency hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.utils.translation import gettext as _

from polmas.org.access import user_has_role
from polmas.org.models import Role, Unit
from polmas.org.scope import get_scope
from polmas.patrols.validators import check_moment

FIELD_ROLES = (
    Role.KAPOLRES,
    Role.KABAG_OPS,
    Role.KAPOLSEK,
    Role.PERSONIL,
    Role.BHABINKAMTIBMAS,
    Role.OPERATOR,
    Role.ADMIN,
)
CATALOG_ROLES = (Role.KASI_HUMAS, Role.KAPOLRES, Role.KABAG_OPS, Role.KAPOLSEK, Role.ADMIN)


class PatrolServiceError(Exception):
    """A refused write. `status` maps to HTTP: 422 invalid, 409 conflict, 403, 404."""

    status = 422

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(PatrolServiceError):  # noqa: N818
    status = 422


class Conflict(PatrolServiceError):  # noqa: N818
    status = 409


class NotAllowed(PatrolServiceError):  # noqa: N818
    status = 403


def valid_moment(value: dt.datetime, *, field: str) -> dt.datetime:
    """`check_moment` for service callers: the moment in UTC, or InvalidInput."""
    try:
        return check_moment(value)
    except ValueError as exc:
        raise InvalidInput(str(exc), field=field) from exc


def require_role(actor: Any, roles: tuple[str, ...]) -> None:
    if not user_has_role(actor, *roles):
        raise NotAllowed(_("Peran Anda tidak mengizinkan tindakan ini."))


def require_unit_in_scope(actor: Any, unit: Unit) -> None:
    scope = get_scope(actor)
    if not (scope.everything or unit.pk in scope.unit_ids):
        raise NotAllowed(_("Satuan %(unit)s berada di luar cakupan Anda.") % {"unit": unit.name})


def require_patrol_unit_in_scope(actor: Any, patrol: Any) -> None:
    """`require_unit_in_scope` for the patrol's unit, loading the unit only to name it."""
    scope = get_scope(actor)
    if not (scope.everything or patrol.unit_id in scope.unit_ids):
        require_unit_in_scope(actor, patrol.unit)


def request_hash(payload: dict[str, Any]) -> str:
    """A stable hash of a request body (without its idempotency key)."""
    body = {k: v for k, v in payload.items() if k != "idempotency_key"}
    text = json.dumps(body, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def check_replay(existing: Any, digest: str) -> Any:
    """Same key: the same body returns the stored record, a different body is a conflict."""
    if existing.request_hash and digest and existing.request_hash != digest:
        raise Conflict(
            _(
                "Kunci idempotensi ini sudah dipakai untuk data yang berbeda. "
                "Buat kunci baru untuk pengiriman baru."
            )
        )
    return existing
