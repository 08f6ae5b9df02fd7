"""The press-release life cycle as a transition table. Services ask it; views never do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from polmas.humas.models import ReleaseStatus as S
from polmas.org.models import Role

EDITORS = frozenset(
    {Role.KASI_HUMAS, Role.KAPOLRES, Role.KAPOLSEK, Role.KABAG_OPS, Role.OPERATOR, Role.ADMIN}
)
APPROVERS = frozenset({Role.KASI_HUMAS, Role.KAPOLRES, Role.ADMIN})


@dataclass(frozen=True)
class Transition:
    action: str
    label: Any  # lazy translation
    source: frozenset[str]
    target: str
    roles: frozenset[str]
    needs_note: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition("ajukan", _("Ajukan untuk ditinjau"), frozenset({S.DRAF}), S.DITINJAU, EDITORS),
    Transition(
        "kembalikan",
        _("Kembalikan ke draf"),
        frozenset({S.DITINJAU, S.DISETUJUI}),
        S.DRAF,
        APPROVERS,
        needs_note=True,
    ),
    Transition("setujui", _("Setujui"), frozenset({S.DITINJAU}), S.DISETUJUI, APPROVERS),
    Transition("terbitkan", _("Terbitkan"), frozenset({S.DISETUJUI}), S.TERBIT, APPROVERS),
    Transition(
        "tarik",
        _("Tarik dari publik"),
        frozenset({S.TERBIT}),
        S.DITARIK,
        APPROVERS,
        needs_note=True,
    ),
    Transition("batalkan", _("Batalkan"), frozenset({S.DRAF, S.DITINJAU}), S.BATAL, EDITORS),
)
BY_ACTION = {t.action: t for t in TRANSITIONS}
EDITABLE = frozenset({S.DRAF, S.DITINJAU})


def allowed(status: str, roles: frozenset[str], *, superuser: bool = False) -> list[Transition]:
    return [t for t in TRANSITIONS if status in t.source and (superuser or roles & t.roles)]
