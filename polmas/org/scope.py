"""Who may see what: the one `restrict(user)` mechanism every scoped read goes through.

A user's scope is the set of units they hold an active membership in, with everything below them
(by materialised `Unit.path`), and the regions of those units' jurisdictions (by Kemendagri code
prefix). A scoped model declares how it hangs on units and/or regions:

    scope_unit_field = "unit"      # FK path to a Unit ("" for Unit itself)
    scope_region_field = "desa"    # FK path to a Region, or "code" for Region itself

When both are declared a row is visible if either matches (a case in my area, or a case my unit
handles). Superusers see everything. Objects outside the scope must answer 404: views fetch them
with `get_object_or_404(Model.objects.restrict(user), ...)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

_M = TypeVar("_M", bound=models.Model)
_CACHE_ATTR = "_polmas_scope"


@dataclass(frozen=True)
class Scope:
    everything: bool
    unit_ids: frozenset[int]
    unit_paths: tuple[str, ...]
    region_codes: tuple[str, ...]
    roles: frozenset[str]

    @property
    def has_role(self) -> bool:
        return self.everything or bool(self.roles)

    def covers_region(self, code: str) -> bool:
        return self.everything or any(
            code == c or code.startswith(c + ".") for c in self.region_codes
        )

    def covers_unit_path(self, path: str) -> bool:
        return self.everything or any(path.startswith(p) for p in self.unit_paths)


EMPTY_SCOPE = Scope(False, frozenset(), (), (), frozenset())


def _minimal_prefixes(codes: set[str]) -> tuple[str, ...]:
    """Drop codes already covered by a shorter code ('32.12' covers '32.12.05')."""
    result: list[str] = []
    for code in sorted(codes, key=lambda c: (c.count("."), c)):
        if not any(code == p or code.startswith(p + ".") for p in result):
            result.append(code)
    return tuple(sorted(result))


def _minimal_paths(paths: set[str]) -> tuple[str, ...]:
    result: list[str] = []
    for path in sorted(paths, key=len):
        if not any(path.startswith(p) for p in result):
            result.append(path)
    return tuple(sorted(result))


def get_scope(user: AbstractBaseUser | AnonymousUser | None) -> Scope:
    """The user's scope, computed once per user object (i.e. once per request)."""
    if user is None or not user.is_authenticated:
        return EMPTY_SCOPE
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    from polmas.org.models import Membership, Region, Unit

    if getattr(user, "is_superuser", False):
        scope = Scope(True, frozenset(), (), (), frozenset({"admin"}))
    else:
        memberships = list(
            Membership.objects.filter(person__user_id=user.pk, is_active=True).select_related(
                "unit"
            )
        )
        roles = frozenset(m.role for m in memberships)
        paths = _minimal_paths({m.unit.path for m in memberships})
        if paths:
            units_q = reduce(or_, (Q(path__startswith=p) for p in paths))
            unit_ids = frozenset(Unit.objects.filter(units_q).values_list("id", flat=True))
            codes = set(
                Region.objects.filter(units__id__in=unit_ids).values_list("code", flat=True)
            )
        else:
            unit_ids, codes = frozenset(), set()
        scope = Scope(False, unit_ids, paths, _minimal_prefixes(codes), roles)
    setattr(user, _CACHE_ATTR, scope)
    return scope


def forget_scope(user: Any) -> None:
    """Call after changing a user's memberships within the same request."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def region_q(field: str, codes: tuple[str, ...], *, with_ancestors: bool = False) -> Q:
    """Rows whose region `field` (a code or FK to Region) lies within any of `codes`."""
    if not codes:
        return Q(pk__in=[])
    lookup = field if field == "code" else f"{field}__pk"  # FK: `desa__pk__startswith`
    q = reduce(or_, (Q(**{lookup: c}) | Q(**{f"{lookup}__startswith": c + "."}) for c in codes))
    if with_ancestors:
        from polmas.org.models import ancestor_codes

        ancestors = {a for c in codes for a in ancestor_codes(c)}
        if ancestors:
            q |= Q(**{f"{lookup}__in": sorted(ancestors)})
    return q


def unit_q(field: str, paths: tuple[str, ...]) -> Q:
    if not paths:
        return Q(pk__in=[])
    lookup = "path__startswith" if field == "" else f"{field}__path__startswith"
    return reduce(or_, (Q(**{lookup: p}) for p in paths))


class ScopedQuerySet(models.QuerySet[_M]):
    def restrict(self, user: AbstractBaseUser | AnonymousUser | None) -> ScopedQuerySet[_M]:
        scope = get_scope(user)
        if scope.everything:
            return self
        if not scope.has_role:
            return self.none()
        model = self.model
        conditions: list[Q] = []
        unit_field = getattr(model, "scope_unit_field", None)
        region_field = getattr(model, "scope_region_field", None)
        if unit_field is not None:
            conditions.append(unit_q(unit_field, scope.unit_paths))
        if region_field is not None:
            conditions.append(
                region_q(region_field, scope.region_codes, with_ancestors=region_field == "code")
            )
        if not conditions:
            raise TypeError(f"{model.__name__} declares no scope field")
        return self.filter(reduce(or_, conditions))
