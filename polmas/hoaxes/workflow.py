"""Hoax report states and the transitions allowed between them.

baru -> terjawab_otomatis | menunggu_humas | tidak_relevan
terjawab_otomatis -> dijawab | menunggu_humas | tidak_relevan   (Humas corrects the answer)
menunggu_humas -> dijawab | tidak_relevan
dijawab -> dijawab | tidak_relevan                              (Humas replaces the answer)
tidak_relevan -> menunggu_humas                                 (reopened)
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from polmas.hoaxes.models import ReportStatus

S = ReportStatus

TRANSITIONS: dict[str, frozenset[str]] = {
    S.BARU: frozenset({S.TERJAWAB_OTOMATIS, S.MENUNGGU_HUMAS, S.TIDAK_RELEVAN}),
    S.TERJAWAB_OTOMATIS: frozenset({S.DIJAWAB, S.MENUNGGU_HUMAS, S.TIDAK_RELEVAN}),
    S.MENUNGGU_HUMAS: frozenset({S.DIJAWAB, S.TIDAK_RELEVAN}),
    S.DIJAWAB: frozenset({S.DIJAWAB, S.TIDAK_RELEVAN}),
    S.TIDAK_RELEVAN: frozenset({S.MENUNGGU_HUMAS}),
}

# Roles allowed to answer reports and write local clarifications.
REVIEW_ROLES = ("kasi_humas", "kapolres", "kabag_ops", "kapolsek")


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def check_transition(current: str, target: str) -> None:
    if not can_transition(current, target):
        raise ValidationError(
            _("Status laporan tidak dapat diubah dari %(a)s ke %(b)s.")
            % {"a": ReportStatus(current).label, "b": ReportStatus(target).label}
        )
