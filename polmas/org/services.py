"""Writes about units, people, roles and tokens: validate, authorise, change, audit."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.core.audit import changed, record_event, snapshot
from polmas.org.models import (
    ApiToken,
    DesaAssignment,
    Membership,
    Person,
    Region,
    RegionLevel,
    Role,
    Unit,
)
from polmas.org.scope import get_scope

TOKEN_BYTES = 32


def _require_admin(actor: Any, unit: Unit | None = None) -> None:
    scope = get_scope(actor)
    if scope.everything:
        return
    if Role.ADMIN not in scope.roles and Role.OPERATOR not in scope.roles:
        raise PermissionDenied(_("Hanya admin atau operator yang boleh mengubah data ini."))
    if unit is not None and not scope.covers_unit_path(unit.path):
        raise PermissionDenied(_("Satuan ini di luar wilayah Anda."))


@transaction.atomic
def create_person(
    *,
    actor: Any,
    unit: Unit,
    nrp: str,
    full_name: str,
    rank: str,
    position: str = "",
    username: str | None = None,
    password: str | None = None,
    is_demo: bool = False,
) -> Person:
    if actor is not None:
        _require_admin(actor, unit)
    user = None
    if username:
        User = get_user_model()
        user = User.objects.create_user(username=username, password=password)
    person = Person.objects.create(
        user=user,
        unit=unit,
        nrp=nrp,
        full_name=full_name,
        rank=rank,
        position=position,
        is_demo=is_demo,
    )
    record_event(actor=actor, verb="person.create", target=person, after=snapshot(person))
    return person


@transaction.atomic
def grant_role(*, actor: Any, person: Person, unit: Unit, role: str) -> Membership:
    if actor is not None:
        _require_admin(actor, unit)
    if role not in Role.values:
        raise ValidationError(_("Peran tidak dikenal: %(role)s") % {"role": role})
    membership, created = Membership.objects.get_or_create(person=person, unit=unit, role=role)
    if not created and not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active", "updated_at"])
        created = True
    if created:
        record_event(
            actor=actor,
            verb="membership.grant",
            target=membership,
            after={"person": person.pk, "unit": unit.code, "role": role},
        )
    return membership


@transaction.atomic
def revoke_role(*, actor: Any, membership: Membership) -> None:
    _require_admin(actor, membership.unit)
    membership.is_active = False
    membership.save(update_fields=["is_active", "updated_at"])
    record_event(
        actor=actor,
        verb="membership.revoke",
        target=membership,
        before={"is_active": True},
        after={"is_active": False},
    )


@transaction.atomic
def assign_desa(*, actor: Any, person: Person, desa: Region) -> DesaAssignment:
    if desa.level != RegionLevel.DESA:
        raise ValidationError(_("Bhabinkamtibmas hanya dapat ditugaskan ke desa/kelurahan."))
    if actor is not None:
        _require_admin(actor, person.unit)
    assignment, created = DesaAssignment.objects.get_or_create(person=person, desa=desa)
    if created:
        record_event(
            actor=actor,
            verb="desa.assign",
            target=assignment,
            after={"person": person.pk, "desa": desa.code},
        )
    return assignment


@transaction.atomic
def set_jurisdiction(*, actor: Any, unit: Unit, regions: list[Region]) -> None:
    _require_admin(actor, unit)
    before = sorted(unit.jurisdiction.values_list("code", flat=True))
    unit.jurisdiction.set(regions)
    after = sorted(r.code for r in regions)
    if before != after:
        record_event(
            actor=actor,
            verb="unit.jurisdiction",
            target=unit,
            before={"jurisdiction": before},
            after={"jurisdiction": after},
        )


def update_unit(*, actor: Any, unit: Unit, **fields: Any) -> Unit:
    _require_admin(actor, unit)
    before = snapshot(unit)
    for name, value in fields.items():
        setattr(unit, name, value)
    unit.full_clean()
    unit.save()
    old, new = changed(before, snapshot(unit))
    if new:
        record_event(actor=actor, verb="unit.update", target=unit, before=old, after=new)
    return unit


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def issue_api_token(*, actor: Any, user: Any, name: str = "") -> str:
    """Create a bearer token for `user`; returns the raw token (shown once, stored hashed)."""
    raw = "pm_" + secrets.token_urlsafe(TOKEN_BYTES)
    token = ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw), prefix=raw[:8])
    record_event(
        actor=actor,
        verb="apitoken.issue",
        target=token,
        after={"user": user.pk, "name": name, "prefix": token.prefix},
    )
    return raw


def authenticate_token(raw: str) -> Any | None:
    """The active user owning `raw`, or None. Records the last use at most once a minute."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def revoke_api_token(*, actor: Any, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at", "updated_at"])
    record_event(actor=actor, verb="apitoken.revoke", target=token)
